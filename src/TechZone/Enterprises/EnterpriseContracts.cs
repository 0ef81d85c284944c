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
