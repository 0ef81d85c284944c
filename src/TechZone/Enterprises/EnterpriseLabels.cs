using System.Globalization;
using TechZone.Enterprises.Resources;

namespace TechZone.Enterprises;

/// <summary>Display text for the registry's enums and amounts, in the current UI language.</summary>
public static class EnterpriseLabels
{
    public static string Status(EnterpriseStatus status) =>
        EnterpriseStrings.ResourceManager.GetString("Status_" + status, CultureInfo.CurrentUICulture) ?? status.ToString();

    public static string Size(SizeClass? size) =>
        size is { } s ? EnterpriseStrings.ResourceManager.GetString("Size_" + s, CultureInfo.CurrentUICulture) ?? s.ToString() : "—";

    /// <summary>Fen shown as 万元 (10,000 yuan), the unit registered capital is quoted in.</summary>
    public static string Capital(long? fen) =>
        fen is { } f ? string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.CapitalWan, f / 1_000_000m) : "—";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
