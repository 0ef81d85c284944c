using System.Globalization;
using MudBlazor;
using TechZone.Platform;

namespace TechZone.Pipelines.Pages;

/// <summary>Runs a page action and shows a refused rule as a localized snackbar instead of breaking the circuit.</summary>
static class PipelineUi
{
    public static async Task<bool> TryAsync(ISnackbar snackbar, Func<Task> action, string? success = null)
    {
        try
        {
            await action();
            if (success is not null) snackbar.Add(success, Severity.Success);
            return true;
        }
        catch (DomainException e)
        {
            snackbar.Add(e.LocalizedMessage(CultureInfo.CurrentUICulture), Severity.Error);
            return false;
        }
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Date(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
}
