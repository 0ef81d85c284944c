namespace TechZone.Platform.Calendar;

/// <summary>
/// The zone's local time: days, deadlines and "today" are counted in it, times are stored as UTC.
/// Configuration <c>Zone:TimeZone</c>, an IANA id, default Asia/Shanghai (China Standard Time, UTC+8, no daylight saving).
/// </summary>
public sealed class ZoneTime
{
    public const string DefaultTimeZone = "Asia/Shanghai";

    readonly TimeProvider clock;

    public ZoneTime(IConfiguration config, TimeProvider clock)
    {
        this.clock = clock;
        var id = config["Zone:TimeZone"];
        Zone = Find(string.IsNullOrWhiteSpace(id) ? DefaultTimeZone : id);
    }

    public TimeZoneInfo Zone { get; }

    public DateOnly Today => DateOf(clock.GetUtcNow().UtcDateTime);

    /// <summary>The zone's date at a UTC instant (a time read back from the database may come unspecified: it is UTC).</summary>
    public DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone));

    /// <summary>The UTC instant at which <paramref name="date"/> begins in the zone.</summary>
    public DateTime StartOfDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == DefaultTimeZone)
        {
            // A slim container without tzdata: China Standard Time has had no daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
