using System.ComponentModel.DataAnnotations;
using TechZone.Platform.Resources;

namespace TechZone.SupportPolicies;

public static class PolicyLimits
{
    public const int Code = 60, Title = 200, DocumentNumber = 100, Description = 2000, SourceText = 100_000,
        CriteriaJson = 200_000, BenefitJson = 10_000, FormJson = 20_000;
}

/// <summary>An enterprise's standing on a policy item.</summary>
public enum Verdict : byte
{
    Ineligible = 0,
    Eligible = 1,

    /// <summary>Fails exactly one of the item's criteria and nothing is unknown.</summary>
    NearMiss = 2,

    /// <summary>Some data the criteria need is missing (never read as zero).</summary>
    Unknown = 3,
}

/// <summary>One criterion's result for one enterprise.</summary>
public enum Outcome
{
    Pass,
    Fail,
    Unknown,
}

/// <summary>A row of the catalog.</summary>
public sealed record PolicySummary(int Id, string Code, string Title, string IssuingBody, string? DepartmentName, long? BudgetFen,
    string? DocumentNumber, DateOnly? EffectiveFrom, int Versions, bool HasDraft, int Items);

/// <summary>A policy with its versions and their items.</summary>
public sealed record PolicyDetail(int Id, string Code, string Title, string TitleEn, string IssuingBody, int? DepartmentId, string? DepartmentName,
    long? BudgetFen, long Version, IReadOnlyList<VersionDetail> Versions, bool CanWrite);

public sealed record VersionDetail(int Id, int Number, string DocumentNumber, DateOnly PublishedOn, DateOnly EffectiveFrom, DateOnly? EffectiveUntil,
    string SourceText, VersionState State, DateTime? PublishedUtc, string? PublishedBy, long Version, bool InForceToday, IReadOnlyList<ItemDetail> Items);

public sealed record ItemDetail(int Id, string Code, string Title, string TitleEn, string Description, CriteriaDocument Criteria, BenefitRule? Benefit,
    DateOnly? WindowOpensOn, DateOnly? WindowClosesOn, bool NoApplication, int SortOrder, long Version, ApplicationForm Form);

/// <summary>Creates a policy with a first draft version.</summary>
public sealed record PolicyRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PolicyLimits.Code, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessageResourceType = typeof(Resources.PolicyStrings), ErrorMessageResourceName = nameof(Resources.PolicyStrings.Validation_Code))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PolicyLimits.Title, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Title { get; set; } = "";

    [StringLength(PolicyLimits.Title, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? TitleEn { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PolicyLimits.Title, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string IssuingBody { get; set; } = "";

    public int? DepartmentId { get; set; }

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public long? BudgetFen { get; set; }

    /// <summary>For an update: the version the editor saw.</summary>
    public long? Version { get; set; }
}

/// <summary>A draft version's document data.</summary>
public sealed record VersionRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PolicyLimits.DocumentNumber, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string DocumentNumber { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? PublishedOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? EffectiveFrom { get; set; }

    public DateOnly? EffectiveUntil { get; set; }

    [StringLength(PolicyLimits.SourceText, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? SourceText { get; set; }

    public long? Version { get; set; }
}

/// <summary>An item of a draft version.</summary>
public sealed record ItemRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PolicyLimits.Code, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessageResourceType = typeof(Resources.PolicyStrings), ErrorMessageResourceName = nameof(Resources.PolicyStrings.Validation_Code))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(PolicyLimits.Title, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Title { get; set; } = "";

    [StringLength(PolicyLimits.Title, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? TitleEn { get; set; }

    [StringLength(PolicyLimits.Description, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Description { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public CriteriaDocument? Criteria { get; set; }

    public BenefitRule? Benefit { get; set; }
    public DateOnly? WindowOpensOn { get; set; }
    public DateOnly? WindowClosesOn { get; set; }
    public bool NoApplication { get; set; }

    /// <summary>The application form; null keeps no fields and the default attachment rules.</summary>
    public ApplicationForm? Form { get; set; }

    public int SortOrder { get; set; }
    public long? Version { get; set; }
}

/// <summary>Per item of the policies in force: how many enterprises are eligible, nearly, unknown, and the estimated total.</summary>
public sealed record ItemStanding(int ItemId, int PolicyId, string PolicyTitle, string DocumentNumber, string ItemTitle, bool NoApplication,
    int Eligible, int NearMiss, int Unknown, long EstimatedTotalFen, DateTime? EvaluatedUtc);

/// <summary>An enterprise in an item's list.</summary>
public sealed record VerdictRow(int EnterpriseId, string EnterpriseName, Verdict Verdict, long? BenefitFen, int FiscalYear, DateTime EvaluatedUtc);

public sealed record VerdictQuery
{
    public Verdict? Verdict { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>One criterion's explanation: outcome, the value the enterprise has, the threshold, in words.</summary>
public sealed record CriterionExplanation(string NodeId, string Kind, string Label, string Reference, string? Note, Outcome Outcome, string Text,
    string? Gap, IReadOnlyList<CriterionExplanation> Children);

/// <summary>An enterprise's verdict on one item, with the explanation (the policy calculator's row).</summary>
public sealed record CalculatorEntry(int ItemId, string ItemCode, string ItemTitle, int PolicyId, string PolicyTitle, int PolicyVersionId,
    string DocumentNumber, int FiscalYear, bool NoApplication, Verdict Verdict, long? BenefitFen, IReadOnlyList<string> Gaps, CriterionExplanation Explanation);

public sealed record CalculatorResult(int EnterpriseId, string EnterpriseName, int FiscalYear, IReadOnlyList<CalculatorEntry> Entries);

/// <summary>What a full or incremental evaluation did.</summary>
public sealed record EvaluationReport(int Enterprises, int Items, int Eligible, int NearMiss, int Unknown, int Notified, double Milliseconds);
