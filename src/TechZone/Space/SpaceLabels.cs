using System.Globalization;
using TechZone.Space.Resources;

namespace TechZone.Space;

/// <summary>Display names of the module's values, in the current UI language.</summary>
public static class SpaceLabels
{
    static string S(string key) => SpaceStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string BuildingType(BuildingType t) => S("BuildingType_" + t);
    public static string Use(UnitUse u) => S("Use_" + u);
    public static string Status(UnitStatus s) => S("UnitStatus_" + s);
    public static string Usage(UnitUsage u) => S("Usage_" + u);
    public static string Campaign(CampaignStatus s) => S("CampaignStatus_" + s);
    public static string Request(RequestStatus s) => S("RequestStatus_" + s);
    public static string Offer(OfferStatus s) => S("OfferStatus_" + s);
    public static string LandUse(LandUse u) => S("LandUse_" + u);
    public static string ParcelStatus(ParcelStatus s) => S("ParcelStatus_" + s);
    public static string Disposal(DisposalKind k) => S("Disposal_" + k);
    public static string Case(CaseStatus s) => S("CaseStatus_" + s);
    public static string Action(FeatureAction a) => S("Action_" + a);

    /// <summary>The stacking plan's colour of a status.</summary>
    public static string Color(UnitStatus s) => s switch
    {
        UnitStatus.Vacant => "#ef9a9a",
        UnitStatus.Leased => "#a5d6a7",
        UnitStatus.Occupied => "#43a047",
        UnitStatus.FitOut => "#64b5f6",
        UnitStatus.IdleLeased => "#ffb74d",
        _ => "#e0e0e0",
    };

    public static string FloorName(int level) => level < 0
        ? string.Format(CultureInfo.CurrentUICulture, SpaceStrings.Floor_Basement, -level)
        : string.Format(CultureInfo.CurrentUICulture, SpaceStrings.Floor_Name, level);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Date(DateOnly? d) => d is { } x ? Date(x) : "—";
    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
    public static string M2(decimal area) => area.ToString("#,0.##", CultureInfo.InvariantCulture) + " m²";
    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.##", CultureInfo.InvariantCulture);
    /// <summary>Fen per mu as 万元 per mu.</summary>
    public static string WanPerMu(long? fen) => fen is { } f ? (f / 1_000_000m).ToString("#,0.##", CultureInfo.InvariantCulture) : "—";

    /// <summary>The usual steps of a disposal case of this kind, in the current language (then stored with the case).</summary>
    public static IReadOnlyList<string> DefaultSteps(DisposalKind kind) =>
        Enumerable.Range(1, 4).Select(i => S($"Step_{kind}_{i}")).ToList();
}
