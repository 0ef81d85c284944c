using System.ComponentModel.DataAnnotations;
using TechZone.Enterprises.Resources;
using TechZone.Platform.Api;
using TechZone.Platform.Resources;

namespace TechZone.Enterprises;

/// <summary>A row of the registry list.</summary>
public sealed record EnterpriseSummary(int Id, string CreditCode, string Name, int? ParkId, string? ParkName,
    string? IndustryCode, string? IndustryName, SizeClass? SizeClass, EnterpriseStatus Status, DateOnly? FoundedOn, long? RegisteredCapitalFen);

/// <summary>One enterprise's profile: basic facts, former names, lifecycle history and contacts.</summary>
public sealed record EnterpriseDetail(int Id, string CreditCode, string Name, int? ParkId, string? ParkName, DateTime CreatedUtc,
    string LegalRepresentative, long? RegisteredCapitalFen, DateOnly? FoundedOn, string Address,
    string? IndustryCode, string? IndustryName, SizeClass? SizeClass, EnterpriseStatus Status, DateOnly? StatusSinceOn, long Version,
    IReadOnlyList<FormerNameItem> FormerNames, IReadOnlyList<StatusChangeItem> StatusHistory, IReadOnlyList<ContactItem> Contacts);

public sealed record FormerNameItem(string Name, DateOnly UntilOn);

public sealed record StatusChangeItem(EnterpriseStatus? From, EnterpriseStatus To, DateOnly OnDate, string Note, string ByUserName);

public sealed record ContactItem(int Id, string Name, string Title, string Phone, string Email, bool IsPrimary);

/// <summary>A GB/T 4754-2017 division, for pickers and API clients.</summary>
public sealed record IndustryItem(string Code, char Section, string Name);

/// <summary>What the registry list can be sorted by.</summary>
public enum EnterpriseSort
{
    Name,
    Founded,
    Capital,
    Status,
}

/// <summary>Filters of the registry list; <see cref="Search"/> matches name, former names or credit code.</summary>
public sealed record EnterpriseQuery
{
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Search { get; init; }

    public int? ParkId { get; init; }

    [IndustryCode]
    public string? IndustryCode { get; init; }

    public EnterpriseStatus? Status { get; init; }

    public SizeClass? SizeClass { get; init; }

    /// <summary>Only enterprises that hold a qualification of this type, in the <see cref="QualificationStatus"/> asked for.</summary>
    public int? QualificationTypeId { get; init; }

    /// <summary>
    /// With <see cref="QualificationTypeId"/>: Valid (the default; valid today, expiring ones included), Expiring (ends
    /// within 90 days), or Expired (held one, none valid today: a renewal to chase).
    /// </summary>
    public QualificationStatus? QualificationStatus { get; init; }

    /// <summary>Sort key (default by name); <see cref="Descending"/> reverses it. Unknown values sort last in both directions.</summary>
    public EnterpriseSort? Sort { get; init; }

    public bool? Descending { get; init; }

    [Range(1, int.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? Page { get; init; }

    [Range(1, Paging.MaxPageSize, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? PageSize { get; init; }
}

/// <summary>An enterprise's basic facts: the model of the enterprise form. <see cref="Version"/> is required to update.</summary>
public sealed record EnterpriseRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [CreditCode]
    public string CreditCode { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(200, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? LegalRepresentative { get; set; }

    /// <summary>注册资本 in fen (1 yuan = 100 fen); null when unknown.</summary>
    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(EnterpriseStrings), ErrorMessageResourceName = nameof(EnterpriseStrings.Validation_NotNegative))]
    public long? RegisteredCapitalFen { get; set; }

    public DateOnly? FoundedOn { get; set; }

    public int? ParkId { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Address { get; set; }

    [IndustryCode]
    public string? IndustryCode { get; set; }

    public SizeClass? SizeClass { get; set; }

    /// <summary>On create only: the first status (default Registered) and the date it took effect (default today).</summary>
    public EnterpriseStatus? Status { get; set; }

    public DateOnly? StatusSinceOn { get; set; }

    public long? Version { get; set; }
}

/// <summary>A lifecycle step: the new status and the date it took effect.</summary>
public sealed record StatusChangeRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public EnterpriseStatus? Status { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? OnDate { get; set; }

    [StringLength(500, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Note { get; set; }

    /// <summary>When given, the enterprise must still be at this version (the one the user looked at).</summary>
    public long? Version { get; set; }
}

/// <summary>A contact person; making one primary makes the previous primary an ordinary contact.</summary>
public sealed record ContactRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Title { get; set; }

    [StringLength(30, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    [RegularExpression(@"^[0-9+\-() ]*$", ErrorMessageResourceType = typeof(EnterpriseStrings), ErrorMessageResourceName = nameof(EnterpriseStrings.Validation_Phone))]
    public string? Phone { get; set; }

    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    [EmailAddress(ErrorMessageResourceType = typeof(EnterpriseStrings), ErrorMessageResourceName = nameof(EnterpriseStrings.Validation_Email))]
    public string? Email { get; set; }

    public bool IsPrimary { get; set; }
}

/// <summary>A 统一社会信用代码 with a correct check character (GB 32100-2015); empty is left to [Required].</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CreditCodeAttribute : ValidationAttribute
{
    public CreditCodeAttribute()
    {
        ErrorMessageResourceType = typeof(EnterpriseStrings);
        ErrorMessageResourceName = nameof(EnterpriseStrings.Validation_CreditCode);
    }

    public override bool IsValid(object? value) =>
        value is not string s || s.Length == 0 || Enterprises.CreditCode.IsValid(s.Trim().ToUpperInvariant());
}

/// <summary>A GB/T 4754-2017 division code from <see cref="IndustryCodes"/>; empty means unclassified.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IndustryCodeAttribute : ValidationAttribute
{
    public IndustryCodeAttribute()
    {
        ErrorMessageResourceType = typeof(EnterpriseStrings);
        ErrorMessageResourceName = nameof(EnterpriseStrings.Validation_IndustryCode);
    }

    public override bool IsValid(object? value) => value is not string s || s.Length == 0 || IndustryCodes.IsKnown(s.Trim());
}

// ---- Facts by fiscal year ------------------------------------------------------------------------------------------

/// <summary>
/// One figure as the facts table and the API show it. An unknown figure has a null <see cref="Value"/> and
/// <see cref="Source"/> (never 0) and version 0. Money is in fen, counts are counts (see <see cref="FactMetric"/>).
/// </summary>
public sealed record FactItem(FactMetric Metric, long? Value, FactSource? Source, string? SourceNote,
    string? RecordedBy, DateTime? RecordedUtc, string? VerifiedBy, DateTime? VerifiedUtc, long Version);

/// <summary>
/// The ratios 高新技术企业认定 looks at, each only when both of its figures are known (and the whole is not 0):
/// R&amp;D intensity = R&amp;D expense / revenue, S&amp;T personnel share = S&amp;T personnel / employees, high-tech revenue
/// share = high-tech revenue / revenue, R&amp;D in China share = R&amp;D in China / R&amp;D expense. Fractions (0.05 = 5 %).
/// </summary>
public sealed record FactRatios(decimal? RdIntensity, decimal? SciTechShare, decimal? HighTechRevenueShare, decimal? RdInChinaShare);

/// <summary>One fiscal year of an enterprise: every metric in table order, unknown ones included.</summary>
public sealed record FactYear(int FiscalYear, IReadOnlyList<FactItem> Figures, FactRatios Ratios);

/// <summary>An enterprise's facts, newest year first: the years that have a figure (and the year asked for).</summary>
public sealed record EnterpriseFacts(int EnterpriseId, IReadOnlyList<FactYear> Years);

/// <summary>A verified figure, for modules that act on verified data only (免申即享 policies).</summary>
public sealed record VerifiedFact(int EnterpriseId, int FiscalYear, FactMetric Metric, long Value, string VerifiedBy, DateTime VerifiedUtc);

/// <summary>Which fiscal year to show; all years when not given.</summary>
public sealed record FactsQuery
{
    [Range(EnterpriseFactsService.FirstFiscalYear, EnterpriseFactsService.LastFiscalYear, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? Year { get; init; }
}

/// <summary>Verified figures of one metric and year across the registry, optionally within bounds (inclusive).</summary>
public sealed record VerifiedFactsQuery
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(EnterpriseFactsService.FirstFiscalYear, EnterpriseFactsService.LastFiscalYear, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? Year { get; init; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public FactMetric? Metric { get; init; }

    public long? AtLeast { get; init; }

    public long? AtMost { get; init; }
}

/// <summary>
/// Figures of one fiscal year to record. A metric listed with a value sets it, listed with null makes it unknown
/// (removes it); a metric not listed stays as it is. A new or changed value is recorded as declared (unverified).
/// </summary>
public sealed record FactsRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(EnterpriseFactsService.FirstFiscalYear, EnterpriseFactsService.LastFiscalYear, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? FiscalYear { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public List<FactValue>? Figures { get; set; }
}

/// <summary>One figure to record. <see cref="Version"/>, when given, is the version the editor saw (0: no figure); else 409.</summary>
public sealed record FactValue
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public FactMetric? Metric { get; set; }

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(EnterpriseStrings), ErrorMessageResourceName = nameof(EnterpriseStrings.Validation_NotNegative))]
    public long? Value { get; set; }

    public long? Version { get; set; }
}

/// <summary>Figures of one fiscal year that staff have checked; all unverified figures of the year when none are listed.</summary>
public sealed record FactVerifyRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(EnterpriseFactsService.FirstFiscalYear, EnterpriseFactsService.LastFiscalYear, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? FiscalYear { get; set; }

    public List<FactRef>? Figures { get; set; }
}

/// <summary>A figure to verify, at the version the checker looked at (when given; 409 if it changed since).</summary>
public sealed record FactRef
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public FactMetric? Metric { get; set; }

    public long? Version { get; set; }
}

// ---- Qualifications ------------------------------------------------------------------------------------------------

/// <summary>A qualification type; <see cref="Name"/> is in the caller's language, <see cref="HeldBy"/> counts the qualifications recorded with it.</summary>
public sealed record QualificationTypeItem(int Id, string Code, string Name, string NameZh, string NameEn, int? ValidityYears,
    bool IsActive, int SortOrder, int HeldBy, long Version);

/// <summary>A qualification type as the admin edits it. <see cref="Version"/> is required to update.</summary>
public sealed record QualificationTypeRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(32, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessageResourceType = typeof(EnterpriseStrings), ErrorMessageResourceName = nameof(EnterpriseStrings.Validation_Code))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [StringLength(100, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? NameEn { get; set; }

    [Range(1, 20, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int? ValidityYears { get; set; }

    public bool IsActive { get; set; } = true;

    [Range(0, 10_000, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int SortOrder { get; set; }

    public long? Version { get; set; }
}

/// <summary>A qualification an enterprise holds or held, with where it stands today.</summary>
public sealed record QualificationItem(int Id, int TypeId, string TypeCode, string TypeName, string CertificateNumber,
    DateOnly IssuedOn, DateOnly? ExpiresOn, QualificationStatus Status, string Note, long Version);

/// <summary>
/// A qualification to record. Without <see cref="ExpiresOn"/> it runs for its type's usual validity (issued 2025-12-01,
/// 3 years: until 2028-11-30), or does not expire when the type has none. <see cref="Version"/> is required to update.
/// </summary>
public sealed record QualificationRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? TypeId { get; set; }

    [StringLength(64, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? CertificateNumber { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? IssuedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    [StringLength(500, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Note { get; set; }

    public long? Version { get; set; }
}

// ---- Timeline ------------------------------------------------------------------------------------------------------

/// <summary>
/// A module's contribution to an enterprise's timeline (一企一档 history): founded, moved in, qualified, visited, demand
/// raised ... Register an implementation with <c>services.AddScoped&lt;IEnterpriseTimelineSource, X&gt;()</c>;
/// <see cref="EnterpriseTimelineService"/> asks every registered source, one after another in the caller's scope
/// (so a source may use the scope's <c>ZoneDb</c>), after it has checked that the caller may see the enterprise.
/// </summary>
public interface IEnterpriseTimelineSource
{
    /// <summary>The events of one enterprise, in any order; an empty list when the module knows nothing of it.</summary>
    Task<IReadOnlyList<TimelineEvent>> EventsAsync(int enterpriseId, CancellationToken ct);
}

/// <summary>
/// One thing that happened to an enterprise. <see cref="On"/> is the zone's date it happened (for a timestamp, its
/// date in zone time); <see cref="AtUtc"/>, when known, orders events of one day. <see cref="Kind"/> is a stable key
/// ("status", "demand.closed"); <see cref="Title"/> and <see cref="Detail"/> are already in the caller's language;
/// <see cref="Link"/> is a local path to the record ("/demands/12"); <see cref="Module"/> names the source module
/// (<c>Modules.Demands</c> ...).
/// </summary>
public sealed record TimelineEvent(DateOnly On, string Kind, string Title, string? Detail, string? Link, string Module, DateTime? AtUtc = null);

/// <summary>What an import did with a file: only checked it (a dry run), imported rows, or refused to import any.</summary>
public enum ImportOutcome
{
    Checked,
    Imported,
    Refused,
}

/// <summary>
/// The answer to an import: counts over every data row (exact), the errors (the first
/// <see cref="EnterpriseImportService.MaxListedErrors"/> of <see cref="ErrorCount"/>), the header cells that name no
/// column (ignored), and how many enterprises were written.
/// </summary>
public sealed record ImportReport(string FileName, ImportOutcome Outcome, int Total, int Valid, int Invalid, int Imported,
    int ErrorCount, IReadOnlyList<ImportError> Errors, IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// One bad cell: the row as the spreadsheet shows it (the header is row 1), the column's header as written in the
/// file, the value found, and why it cannot be imported, in the caller's language.
/// </summary>
public sealed record ImportError(int Row, string Column, string Value, string Reason);

/// <summary>Where a profile correction stands.</summary>
public enum CorrectionStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// The profile as the enterprise user wants it: the form comes prefilled with the current values, and only the
/// fields that differ are kept as the proposal. An empty text clears the field; the name cannot be cleared.
/// </summary>
public sealed record CorrectionRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(200, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [StringLength(50, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? LegalRepresentative { get; set; }

    /// <summary>注册资本 in fen; null keeps the current value.</summary>
    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(EnterpriseStrings), ErrorMessageResourceName = nameof(EnterpriseStrings.Validation_NotNegative))]
    public long? RegisteredCapitalFen { get; set; }

    /// <summary>成立日期; null keeps the current value.</summary>
    public DateOnly? FoundedOn { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Address { get; set; }

    /// <summary>A GB/T 4754-2017 division; null keeps the current value.</summary>
    [IndustryCode]
    public string? IndustryCode { get; set; }

    /// <summary>null keeps the current value.</summary>
    public SizeClass? SizeClass { get; set; }

    [StringLength(500, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Note { get; set; }
}

/// <summary>
/// A proposed correction with, for each proposed field, the current value and the proposed one as text in the
/// reader's language. <see cref="IsStale"/>: the profile changed after the proposal was made, so the current
/// values are not the ones the proposer saw. Deciding needs <see cref="Version"/> and <see cref="EnterpriseVersion"/>.
/// </summary>
public sealed record CorrectionItem(int Id, int EnterpriseId, string EnterpriseName, CorrectionStatus Status,
    string ProposedBy, DateTime ProposedUtc, string Note, IReadOnlyList<CorrectionChange> Changes,
    bool IsStale, long Version, long EnterpriseVersion, string? DecidedBy, DateTime? DecidedUtc, string? RejectReason);

/// <summary>One proposed field: its API name (as in <see cref="CorrectionRequest"/>), label, current and proposed value.</summary>
public sealed record CorrectionChange(string Field, string Label, string Current, string Proposed);

/// <summary>
/// Accepting: the correction's version and the profile's version the decider looked at. If either changed
/// meanwhile the answer is 409 and nothing is written.
/// </summary>
public sealed record AcceptCorrectionRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public long? Version { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public long? EnterpriseVersion { get; set; }
}

/// <summary>Rejecting, with the reason the enterprise user is told.</summary>
public sealed record RejectCorrectionRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public long? Version { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(500, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Reason { get; set; } = "";
}

/// <summary>One figure as a policy engine loads it (money in fen); <see cref="Verified"/> when staff vouched for it.</summary>
public sealed record EnterpriseFactRow(int EnterpriseId, int FiscalYear, FactMetric Metric, long Value, bool Verified);

/// <summary>What eligibility rules read of an enterprise besides its facts.</summary>
public sealed record EnterpriseTraits(int Id, string Name, string CreditCode, string? ParkCode, string? IndustryCode, SizeClass? SizeClass, DateOnly? FoundedOn, EnterpriseStatus Status);

/// <summary>A qualification held: its type's code and validity.</summary>
public sealed record QualificationHeld(int EnterpriseId, string TypeCode, DateOnly IssuedOn, DateOnly? ExpiresOn);

/// <summary>
/// Told, before the change is saved and in the same scope (so in the same transaction), that an enterprise's facts,
/// qualifications or profile changed: how the policy engine learns whom to re-evaluate, on every instance.
/// </summary>
public interface IEnterpriseChangeListener
{
    void Changed(int enterpriseId);
}
