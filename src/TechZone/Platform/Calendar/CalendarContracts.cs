using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Resources;

namespace TechZone.Platform.Calendar;

/// <summary>A calendar entry as the list and the API show it; <see cref="Name"/> is in the caller's language.</summary>
public sealed record CalendarDayItem(int Id, DateOnly Date, CalendarDayKind Kind, string Name, string NameZh, string NameEn, long Version);

/// <summary>Which year of the calendar to list; the current year (zone time) when not given.</summary>
public sealed record CalendarQuery
{
    [Range(CalendarService.FirstYear, CalendarService.LastYear, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? Year { get; init; }
}

/// <summary>A holiday or make-up working day; the model of the calendar dialog. <see cref="Version"/> is required to update.</summary>
public sealed record CalendarDayRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public CalendarDayKind? Kind { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string NameEn { get; set; } = "";

    public long? Version { get; set; }
}
