using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using TechZone.Platform.Resources;
using TechZone.SupportPolicies.Resources;

namespace TechZone.SupportPolicies;

public static class FulfillmentLimits
{
    public const int StageName = 60, Reason = 1000, AnswersJson = 20_000, AttachmentsJson = 10_000, ObjectorName = 50, Contact = 100,
        ObjectionText = 2000, Answer = 1000, FieldKey = 40, FieldLabel = 100, MaxFields = 30, MaxStages = 10, MaxAttachments = 10,
        MaxNoticeDays = 30;

    /// <summary>Objections one sender may lodge per hour (the public form has no sign-in and no captcha).</summary>
    public const int ObjectionsPerHour = 5;
}

public enum FormFieldType
{
    Text,
    Number,
    Date,
    Choice,
}

/// <summary>One field of an item's application form.</summary>
public sealed class FormField
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public string LabelEn { get; set; } = "";
    public FormFieldType Type { get; set; }
    public bool Required { get; set; }
    public List<string> Choices { get; set; } = [];

    public string DisplayLabel(bool chinese) => chinese || LabelEn == "" ? Label : LabelEn;
}

/// <summary>What an item's application asks for: its form fields and the attachments it takes (types, size, how many).</summary>
public sealed class ApplicationForm
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public List<FormField> Fields { get; set; } = [];

    /// <summary>Allowed extensions, lower-case with the dot; a subset of what the file store accepts.</summary>
    public List<string> AttachmentTypes { get; set; } = [".pdf", ".jpg", ".png"];

    public long AttachmentMaxBytes { get; set; } = 10 * 1024 * 1024;
    public int MinAttachments { get; set; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ApplicationForm Parse(string? json) =>
        string.IsNullOrEmpty(json) ? new ApplicationForm() : JsonSerializer.Deserialize<ApplicationForm>(json, Json) ?? new ApplicationForm();
}

/// <summary>A file attached to an application (stored in the Platform file store).</summary>
public sealed record ApplicationAttachment(Guid FileId, string FileName, long Size);

// ---------------------------------------------------------------- stages

public sealed record StageDetail(int Number, string Name, string NameEn, StageKind Kind, int DepartmentId, string DepartmentName, int NoticeDays);

public sealed record StageRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(FulfillmentLimits.StageName, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Name { get; set; } = "";

    [StringLength(FulfillmentLimits.StageName, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? NameEn { get; set; }

    public StageKind Kind { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? DepartmentId { get; set; }

    [Range(0, FulfillmentLimits.MaxNoticeDays, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public int NoticeDays { get; set; }
}

public sealed record StagesRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public List<StageRequest> Stages { get; set; } = [];
}

// ---------------------------------------------------------------- awards and the ledger

public sealed record TrancheRow(int Id, long AmountFen, DateOnly PlannedOn, TrancheState State, DateOnly? PaidOn, string? PaidBy, long Version);

public sealed record AwardRow(int Id, int EnterpriseId, string EnterpriseName, int ItemId, string ItemTitle, int PolicyVersionId, int FiscalYear,
    AwardState State, long AmountFen, long PaidFen, long PlannedFen, string? DropReason, string? DecidedBy, int? ApplicationId, bool NoApplication,
    long Version, IReadOnlyList<TrancheRow> Tranches);

/// <summary>A policy's money: budget, committed (approved awards), paid, remaining (budget − committed), unpaid (committed − paid).</summary>
public sealed record PolicyLedger(int PolicyId, string PolicyTitle, long? BudgetFen, long CommittedFen, long PaidFen, long? RemainingFen, long UnpaidFen,
    int ApprovedAwards, int ProposedAwards, bool CanPay, bool CanConfirm, IReadOnlyList<AwardRow> Awards);

public sealed record ProposalReport(int Proposed, int AlreadyAwarded, int IncompleteData);

public sealed record ConfirmReport(int Confirmed, long TotalFen, Guid BatchId);

public sealed record ConfirmRequest
{
    /// <summary>The proposals to confirm; null or empty confirms every open proposal of the policy.</summary>
    public List<int>? AwardIds { get; set; }
}

public sealed record ReasonRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(FulfillmentLimits.Reason, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string Reason { get; set; } = "";
}

public sealed record TrancheRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [Range(1, long.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public long? AmountFen { get; set; }

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? PlannedOn { get; set; }
}

public sealed record PayRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public DateOnly? PaidOn { get; set; }

    public long? Version { get; set; }
}

// ---------------------------------------------------------------- applications

public sealed record ApplyRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    public int? ItemId { get; set; }

    public Dictionary<string, string?> Answers { get; set; } = [];
    public List<Guid> Attachments { get; set; } = [];
}

public sealed record ResubmitRequest
{
    public Dictionary<string, string?> Answers { get; set; } = [];
    public List<Guid> Attachments { get; set; } = [];
    public long? Version { get; set; }
}

public enum ReviewAction
{
    Pass,
    Return,
    Reject,
}

public sealed record ReviewRequest
{
    public ReviewAction Action { get; set; }

    [StringLength(FulfillmentLimits.Reason, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    public string? Comment { get; set; }

    /// <summary>On passing a review stage: the amount approved, when it differs from the pre-check's estimate.</summary>
    [Range(1, long.MaxValue, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Range))]
    public long? ApprovedFen { get; set; }

    public long? Version { get; set; }
}

public sealed record ApplicationSummary(int Id, int PolicyId, string PolicyTitle, int ItemId, string ItemTitle, int EnterpriseId, string EnterpriseName,
    ApplicationState State, int StageNumber, string StageName, StageKind StageKind, int Revision, Verdict PrecheckVerdict, long? ApprovedFen,
    DateTime SubmittedUtc, DateTime UpdatedUtc);

public sealed record StepRow(int StageNumber, string StageName, ApplicationAction Action, string Comment, string UserName, DateTime AtUtc);

public sealed record RevisionRow(int Revision, IReadOnlyDictionary<string, string?> Answers, IReadOnlyList<ApplicationAttachment> Attachments,
    Verdict PrecheckVerdict, long? PrecheckBenefitFen, DateTime SubmittedUtc, string SubmittedBy);

public sealed record ObjectionRow(int Id, string Name, string Contact, string Text, DateTime LodgedUtc, ObjectionState State, string? Resolution,
    string? ResolvedBy);

public sealed record ApplicationDetail(ApplicationSummary Summary, string DocumentNumber, ApplicationForm Form, IReadOnlyDictionary<string, string?> Answers,
    IReadOnlyList<ApplicationAttachment> Attachments, long? PrecheckBenefitFen, CalculatorEntry? Precheck, IReadOnlyList<StageDetail> Stages,
    IReadOnlyList<StepRow> Steps, IReadOnlyList<RevisionRow> Revisions, IReadOnlyList<ObjectionRow> Objections, DateOnly? NoticeStartsOn,
    DateOnly? NoticeEndsOn, int? AwardId, long PaidFen, bool CanReview, bool CanResubmit, long Version);

/// <summary>What an enterprise may apply for: the item, its form and whether the window is open now.</summary>
public sealed record ApplyForm(int ItemId, string ItemTitle, string PolicyTitle, string DocumentNumber, ApplicationForm Form, bool WindowOpen,
    int? OpenApplicationId, IReadOnlySet<string> StoreTypes);

// ---------------------------------------------------------------- public notice

/// <summary>An application in public notice, as anyone may read it: no contacts, answers or files.</summary>
public sealed record NoticeRow(int ApplicationId, string EnterpriseName, string PolicyTitle, string DocumentNumber, string ItemTitle, long? AmountFen,
    DateOnly NoticeStartsOn, DateOnly NoticeEndsOn);

public sealed record ObjectionRequest
{
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(FulfillmentLimits.ObjectorName, MinimumLength = 2, ErrorMessageResourceType = typeof(PolicyStrings), ErrorMessageResourceName = nameof(PolicyStrings.Validation_Length))]
    public string Name { get; set; } = "";

    /// <summary>A phone number or an e-mail address.</summary>
    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(FulfillmentLimits.Contact, ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_StringLength))]
    [RegularExpression(@"^(\+?[0-9][0-9 \-]{6,19}|[^@\s]+@[^@\s]+\.[^@\s]+)$", ErrorMessageResourceType = typeof(PolicyStrings), ErrorMessageResourceName = nameof(PolicyStrings.Validation_Contact))]
    public string Contact { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(PlatformStrings), ErrorMessageResourceName = nameof(PlatformStrings.Validation_Required))]
    [StringLength(FulfillmentLimits.ObjectionText, MinimumLength = 10, ErrorMessageResourceType = typeof(PolicyStrings), ErrorMessageResourceName = nameof(PolicyStrings.Validation_Length))]
    public string Text { get; set; } = "";
}
