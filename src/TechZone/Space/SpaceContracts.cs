using TechZone.Platform.Zone;
using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Resources;

namespace TechZone.Space;

/// <summary>Column sizes and bounds shared by entities, contracts and forms.</summary>
public static class SpaceLimits
{
    public const int Name = 200;
    public const int Address = 300;
    public const int Note = 2000;
    public const double MaxArea = 10_000_000; // m²
    public const int MaxFloors = 200;
    public const long MaxRentFen = 100_000; // 1000 yuan per m² per month
    /// <summary>Leases ending within this many days are flagged.</summary>
    public const int EndingSoonDays = 90;
}

// ---- inventory ------------------------------------------------------------------------------------------------------

public sealed record BuildingSummary(int Id, int ParkId, string ParkName, string Name, BuildingType Type, decimal GrossArea, decimal LeasableArea,
    int FloorCount, int Units, SpaceRates Rates);

public sealed record BuildingDetail(int Id, int ParkId, string ParkName, string Name, string Owner, string Address, BuildingType Type,
    decimal GrossArea, decimal LeasableArea, int FloorCount, int? ParcelId, string? ParcelNumber, string? Geometry, long Version,
    IReadOnlyList<FloorPlan> Floors, SpaceRates Rates, IReadOnlyList<RateTrendPoint> Trend, EnterpriseRef? Manager = null);

/// <summary>A floor of the stacking plan: its units left to right, each with its area and status.</summary>
public sealed record FloorPlan(int Id, int Level, string Name, IReadOnlyList<UnitItem> Units);

/// <summary>A unit with its features and what is known of it now: <see cref="Status"/> combines leases and the latest survey.</summary>
public sealed record UnitItem(int Id, int BuildingId, int FloorId, int Level, string Number, decimal Area, UnitUse Use, decimal FloorLoad,
    bool CleanRoom, bool Exhaust, bool LabSinks, int PowerKw, long AskingRentFen, long Version,
    UnitStatus Status, int? LeaseId, int? LeaseholderId, string? LeaseholderName, DateOnly? LeaseEndsOn, UnitUsage? SurveyUsage, DateOnly? SurveyOn, bool Subletting);

/// <summary>A unit's status on the stacking plan: the latest survey's finding, else what the leases say.</summary>
public enum UnitStatus { Vacant, Leased, Occupied, FitOut, IdleLeased }

/// <summary>
/// Rates of a scope (unit, building, park, zone), every unit counted once and weighted by its leasable area.
/// From leases: <see cref="VacancyRate"/> = area under no lease today / total. From the latest survey of each unit:
/// <see cref="SurveyVacancyRate"/> and <see cref="IdleRate"/> over the surveyed area. Rates are null when their denominator is 0.
/// </summary>
public sealed record SpaceRates(int Units, decimal Area, decimal VacantArea, decimal? VacancyRate,
    int SurveyedUnits, decimal SurveyedArea, decimal SurveyVacantArea, decimal IdleArea, decimal? SurveyVacancyRate, decimal? IdleRate);

public sealed record ParkRates(int ParkId, string ParkName, int Buildings, SpaceRates Rates);

public sealed record ZoneRates(SpaceRates Zone, IReadOnlyList<ParkRates> Parks, int LeasesEndingSoon);

/// <summary>The rates one campaign found for a scope (its records only): one point of a trend.</summary>
public sealed record RateTrendPoint(int CampaignId, string CampaignName, DateOnly SurveyOn, int SurveyedUnits, decimal? VacancyRate, decimal? IdleRate);

public sealed record BuildingQuery
{
    public int? ParkId { get; init; }
    public string? Search { get; init; }
}

public sealed record BuildingRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? ParkId { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(SpaceLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [StringLength(SpaceLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Owner { get; set; }

    /// <summary>The enterprise managing the building, whose portal users then report its units in surveys.</summary>
    public int? ManagerEnterpriseId { get; set; }

    [StringLength(SpaceLimits.Address, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Address { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public BuildingType? Type { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0.01, SpaceLimits.MaxArea, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public decimal? GrossArea { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0.01, SpaceLimits.MaxArea, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public decimal? LeasableArea { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(1, SpaceLimits.MaxFloors, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? FloorCount { get; set; }

    public int? ParcelId { get; set; }

    /// <summary>A GeoJSON geometry (WGS84 lon/lat), optional.</summary>
    public string? Geometry { get; set; }

    public long? Version { get; set; }
}

public sealed record FloorRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(-10, SpaceLimits.MaxFloors, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? Level { get; set; }

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Name { get; set; }
}

public sealed record UnitRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? FloorId { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Number { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0.01, 1_000_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public decimal? Area { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public UnitUse? Use { get; set; }

    /// <summary>kN/m², one decimal.</summary>
    [Range(0, 100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public decimal? FloorLoad { get; set; }

    public bool CleanRoom { get; set; }
    public bool Exhaust { get; set; }
    public bool LabSinks { get; set; }

    [Range(0, 100_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? PowerKw { get; set; }

    /// <summary>Asking rent, fen per m² per month.</summary>
    [Range(0, SpaceLimits.MaxRentFen, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public long? AskingRentFen { get; set; }

    public long? Version { get; set; }
}

// ---- leases ---------------------------------------------------------------------------------------------------------

public sealed record LeaseItem(int Id, int EnterpriseId, string EnterpriseName, DateOnly StartOn, DateOnly EndOn, decimal Area, long RentFen,
    IReadOnlyList<LeaseUnitRef> Units, bool EndingSoon, bool Active, string Note, long Version);

public sealed record LeaseUnitRef(int UnitId, string Number, int BuildingId, string BuildingName);

public sealed record LeaseQuery
{
    public int? EnterpriseId { get; init; }
    public int? BuildingId { get; init; }
    /// <summary>Only leases in force today that end within 90 days.</summary>
    public bool? EndingSoon { get; init; }
    /// <summary>Also leases that have ended.</summary>
    public bool? IncludeEnded { get; init; }
}

public sealed record LeaseRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? EnterpriseId { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public List<int>? UnitIds { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? StartOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? EndOn { get; set; }

    /// <summary>The leased area in m²; without it, the units' area.</summary>
    [Range(0.01, SpaceLimits.MaxArea, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public decimal? Area { get; set; }

    /// <summary>Rent, fen per m² per month; without it, the first unit's asking rent.</summary>
    [Range(0, SpaceLimits.MaxRentFen, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public long? RentFen { get; set; }

    [StringLength(SpaceLimits.Note, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Note { get; set; }
}

public sealed record LeaseEndRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? EndOn { get; set; }

    public long? Version { get; set; }
}

// ---- surveys --------------------------------------------------------------------------------------------------------

public sealed record CampaignSummary(int Id, string Name, DateOnly SurveyOn, CampaignStatus Status, int Buildings, int Recorded, int Total);

public sealed record CampaignDetail(int Id, string Name, DateOnly SurveyOn, CampaignStatus Status, string CreatedByName, long Version,
    IReadOnlyList<CampaignBuildingProgress> Buildings, int Subletting);

public sealed record CampaignBuildingProgress(int BuildingId, string BuildingName, string ParkName, int Recorded, int Total);

/// <summary>One unit of a building in a campaign: its leaseholder on the survey date and what was recorded, if anything.</summary>
/// <summary>
/// A unit in a campaign. For the building's manager (a portal user) the leaseholder and the subletting flag are left out:
/// <see cref="Leased"/> says only whether a lease covers the survey date.
/// </summary>
public sealed record SurveyUnitRow(int UnitId, string Number, int Level, decimal Area, int? LeaseholderId, string? LeaseholderName,
    UnitUsage? Usage, int? ActualUserId, string ActualUserName, bool Subletting, string Note, string RecordedByName, bool Leased = false);

/// <summary>A building a portal user's enterprise manages, in a campaign still in progress: what it is asked to report.</summary>
public sealed record ManagedSurvey(int CampaignId, string CampaignName, DateOnly SurveyOn, int BuildingId, string BuildingName, int Recorded, int Total);

public sealed record CampaignRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(SpaceLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? SurveyOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public List<int>? BuildingIds { get; set; }
}

public sealed record SurveyRecordRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? UnitId { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public UnitUsage? Usage { get; set; }

    /// <summary>The registered enterprise actually using the unit.</summary>
    public int? ActualUserId { get; set; }

    /// <summary>Who actually uses it, when not in the registry.</summary>
    [StringLength(SpaceLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? ActualUserName { get; set; }

    [StringLength(SpaceLimits.Note, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Note { get; set; }
}

// ---- space requests -------------------------------------------------------------------------------------------------

public sealed record SpaceRequestItem(int Id, int? EnterpriseId, string RequesterName, decimal MinArea, decimal MaxArea, UnitUse? Use, int? ParkId, string? ParkName,
    decimal MinFloorLoad, bool NeedsCleanRoom, bool NeedsExhaust, bool NeedsLabSinks, int MinPowerKw, long? BudgetFen, DateOnly MoveInOn,
    string Note, RequestStatus Status, string CreatedByName, DateTime CreatedUtc, IReadOnlyList<OfferItem> Offers, long Version);

public sealed record OfferItem(int Id, int UnitId, string UnitNumber, int BuildingId, string BuildingName, decimal Area, long RentFen, string Note,
    OfferStatus Status, string SentByName, DateTime SentUtc, DateTime? DecidedUtc, int? LeaseId);

/// <summary>A vacant unit ranked against a request: every criterion with its reason; <see cref="Fits"/> when all pass.</summary>
public sealed record UnitMatch(int UnitId, string UnitNumber, int BuildingId, string BuildingName, string ParkName, int Level, decimal Area,
    long AskingRentFen, bool Fits, int Score, IReadOnlyList<MatchReason> Reasons);

public sealed record MatchReason(string Criterion, bool Passed, string Text);

/// <summary>The units that fit (best first) and the near-misses (one or two criteria failed), each with reasons.</summary>
public sealed record MatchResult(IReadOnlyList<UnitMatch> Matches, IReadOnlyList<UnitMatch> NearMisses);

public sealed record SpaceRequestQuery
{
    public RequestStatus? Status { get; init; }
    public int? EnterpriseId { get; init; }
}

public sealed record SpaceRequestRequest
{
    /// <summary>The enterprise asking (staff); an enterprise user always asks for itself.</summary>
    public int? EnterpriseId { get; set; }

    [StringLength(SpaceLimits.Name, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? LeadName { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0.01, SpaceLimits.MaxArea, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public decimal? MinArea { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(0.01, SpaceLimits.MaxArea, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public decimal? MaxArea { get; set; }

    public UnitUse? Use { get; set; }
    public int? ParkId { get; set; }

    [Range(0, 100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public decimal? MinFloorLoad { get; set; }

    public bool NeedsCleanRoom { get; set; }
    public bool NeedsExhaust { get; set; }
    public bool NeedsLabSinks { get; set; }

    [Range(0, 100_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? MinPowerKw { get; set; }

    [Range(0, SpaceLimits.MaxRentFen, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public long? BudgetFen { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? MoveInOn { get; set; }

    [StringLength(SpaceLimits.Note, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Note { get; set; }
}

public sealed record OfferRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? UnitId { get; set; }

    [Range(0, SpaceLimits.MaxRentFen, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public long? RentFen { get; set; }

    [StringLength(SpaceLimits.Note, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Note { get; set; }
}

/// <summary>What came of an offer. Accepted makes a lease from the move-in date for <see cref="Years"/> years.</summary>
public sealed record OfferOutcomeRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public bool? Accepted { get; set; }

    [Range(1, 20, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? Years { get; set; }
}

/// <summary>A unit a survey found used by someone other than its leaseholder.</summary>
public sealed record SubletItem(int CampaignId, string CampaignName, DateOnly SurveyOn, int BuildingId, string BuildingName, int UnitId, string UnitNumber,
    string LeaseholderName, string ActualUserName);
