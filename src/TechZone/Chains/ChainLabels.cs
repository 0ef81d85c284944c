using System.Globalization;
using TechZone.Chains.Resources;

namespace TechZone.Chains;

/// <summary>Display text for the module's enums and amounts, in the current UI language.</summary>
public static class ChainLabels
{
    static string Get(string key, string fallback) => ChainStrings.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? fallback;

    public static string Stage(ChainStage stage) => Get("Stage_" + stage, stage.ToString());
    public static string Health(SegmentHealth health) => Get("Health_" + health, health.ToString());
    public static string Action(ChainAction action) => Get("Action_" + action, action.ToString());
    public static string Role(ChainRole role) => Get("Role_" + role, role.ToString());
    public static string LeadStatus(LeadStatus status) => Get("LeadStatus_" + status, status.ToString());
    public static string Light(ProjectLight light) => Get("Light_" + light, light.ToString());
    public static string Milestone(MilestoneState state) => Get("Milestone_" + state, state.ToString());
    public static string Size(Enterprises.SizeClass? size) => size is { } s ? Get("Size_" + s, s.ToString()) : "—";
    public static string EnterpriseStatus(Enterprises.EnterpriseStatus status) => Get("EntStatus_" + status, status.ToString());
    public static string Event(LeadEventKind kind) => Get("Event_" + kind, kind.ToString());

    /// <summary>Fen shown in 万元 (10,000 yuan) for Chinese readers, as investment and revenue are quoted; in million yuan for English ones.</summary>
    public static string Wan(long? fen) => fen is { } f
        ? Chinese ? string.Format(CultureInfo.CurrentUICulture, ChainStrings.AmountWan, (f / 1_000_000m).ToString("#,0.##", CultureInfo.CurrentUICulture))
            : Million(f)
        : "—";

    /// <summary>Fen shown in 亿元 (100 million yuan) for Chinese readers, for large sums; in million yuan for English ones.</summary>
    public static string Yi(long? fen) => fen is { } f
        ? Chinese ? string.Format(CultureInfo.CurrentUICulture, ChainStrings.AmountYi, (f / 10_000_000_000m).ToString("#,0.##", CultureInfo.CurrentUICulture))
            : Million(f)
        : "—";

    static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    static string Million(long fen) => string.Format(CultureInfo.CurrentUICulture, ChainStrings.AmountMillion, (fen / 100_000_000m).ToString("#,0.##", CultureInfo.CurrentUICulture));

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The health colour of the map and badges (fill, stroke): green, amber, red.</summary>
    public static (string Fill, string Stroke, string Text) Colours(SegmentHealth health) => health switch
    {
        SegmentHealth.Strong => ("#e3f4e6", "#2e7d32", "#1b5e20"),
        SegmentHealth.Weak => ("#fff4d6", "#ef8f00", "#8a5300"),
        _ => ("#fde4e2", "#c62828", "#9b1c1c"),
    };

    public static string LightColour(ProjectLight light) => light switch
    {
        ProjectLight.Green => "#2e7d32",
        ProjectLight.Yellow => "#ef8f00",
        _ => "#c62828",
    };
}
