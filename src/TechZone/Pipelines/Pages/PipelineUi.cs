using System.Globalization;
using MudBlazor;
using TechZone.Platform;

namespace TechZone.Pipelines.Pages;

/// <summary>Helpers of the pipelines pages: a page action whose refused rule shows as a localized snackbar instead of breaking the circuit, a request's validation, dates.</summary>
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

    /// <summary>What the request's validation attributes refuse (empty when it is valid): the API's checks, before the service is called.</summary>
    public static List<System.ComponentModel.DataAnnotations.ValidationResult> Problems(object model)
    {
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(model, new(model), problems, validateAllProperties: true);
        return problems;
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Date(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
}
