using System.Globalization;
using MudBlazor;
using TechZone.Demands.Resources;
using TechZone.Platform.Calendar;

namespace TechZone.Demands;

/// <summary>Display text and colours for the module's enums and times, in the current UI language and the zone's time.</summary>
public static class DemandLabels
{
    static string Text(string key, object value) =>
        DemandStrings.ResourceManager.GetString(key + "_" + value, CultureInfo.CurrentUICulture) ?? value.ToString()!;

    public static string Status(DemandStatus status) => Text("Status", status);
    public static string Part(PartStatus status) => Text("PartStatus", status);
    public static string Channel(DemandChannel channel) => Text("Channel", channel);
    public static string Event(DemandEventKind kind) => Text("Event", kind);
    public static string Light(DemandLight light) => Text("Light", light);

    public static Color StatusColor(DemandStatus status) => status switch
    {
        DemandStatus.Received or DemandStatus.Assigned => Color.Info,
        DemandStatus.InProgress => Color.Primary,
        DemandStatus.Answered => Color.Secondary,
        DemandStatus.Closed => Color.Success,
        DemandStatus.Rejected => Color.Default,
        DemandStatus.Reopened => Color.Warning,
        _ => Color.Default,
    };

    public static Color LightColor(DemandLight light) => light switch
    {
        DemandLight.Red => Color.Error,
        DemandLight.Yellow => Color.Warning,
        DemandLight.Green => Color.Success,
        _ => Color.Default,
    };

    /// <summary>A time as the zone reads it: "2026-11-28 14:05".</summary>
    public static string Time(DateTime? utc, ZoneTime zone) =>
        utc is { } u ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u, DateTimeKind.Utc), zone.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>A deadline is the end of a day: shown as that day.</summary>
    public static string Due(DateTime? utc, ZoneTime zone) =>
        utc is { } u ? zone.DateOf(u.AddSeconds(-1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";
}
