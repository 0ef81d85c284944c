namespace TechZone.SupportPolicies;

/// <summary>
/// A support policy (政策): a series of dated versions of one document (科技型中小企业评价办法 2017, its 2022
/// revision ...). What applies on a day is the published version in force then; a published version never changes.
/// </summary>
public class Policy : Data.IVersioned
{
    public int Id { get; set; }

    /// <summary>A stable key for the seed and API clients ("tech-sme"); unique.</summary>
    public string Code { get; set; } = "";

    public string Title { get; set; } = "";
    public string TitleEn { get; set; } = "";

    /// <summary>发文机关.</summary>
    public string IssuingBody { get; set; } = "";

    /// <summary>The zone department responsible for fulfilling it (经发局 ...).</summary>
    public int? DepartmentId { get; set; }

    /// <summary>Budget in fen; null when the policy pays from no zone budget (a national recognition).</summary>
    public long? BudgetFen { get; set; }

    public DateTime CreatedUtc { get; set; }
    public long Version { get; set; }

    public List<PolicyVersion> Versions { get; set; } = [];

    public string DisplayTitle(bool chinese) => chinese || TitleEn == "" ? Title : TitleEn;
}

public enum VersionState
{
    Draft,
    Published,
}

/// <summary>One dated text of a policy: its document number, dates, source text and items.</summary>
public class PolicyVersion : Data.IVersioned
{
    public int Id { get; set; }
    public int PolicyId { get; set; }
    public Policy? Policy { get; set; }

    /// <summary>1, 2, 3 … in the order they were made.</summary>
    public int Number { get; set; }

    /// <summary>文号 (国科发政〔2017〕115号).</summary>
    public string DocumentNumber { get; set; } = "";

    /// <summary>The date the document was issued.</summary>
    public DateOnly PublishedOn { get; set; }

    /// <summary>In force from this day (inclusive) …</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>… until this day (inclusive); null when open-ended (a later version then takes over from its own start).</summary>
    public DateOnly? EffectiveUntil { get; set; }

    /// <summary>The official text (or the clauses the items encode), as published.</summary>
    public string SourceText { get; set; } = "";

    public VersionState State { get; set; } = VersionState.Draft;
    public DateTime? PublishedUtc { get; set; }
    public string? PublishedBy { get; set; }

    public long Version { get; set; }

    public List<PolicyItem> Items { get; set; } = [];

    public void RequireDraft()
    {
        if (State != VersionState.Draft) throw new PolicyConflictException("VersionPublished");
    }
}

/// <summary>An item (条款) of a version: one benefit with its eligibility criteria.</summary>
public class PolicyItem : Data.IVersioned
{
    public int Id { get; set; }
    public int PolicyVersionId { get; set; }
    public PolicyVersion? PolicyVersion { get; set; }

    /// <summary>Stable across versions ("hnte-recognition"), so a revised item is recognisably the same item.</summary>
    public string Code { get; set; } = "";

    public string Title { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The rule tree, JSON (<see cref="CriteriaDocument"/>).</summary>
    public string CriteriaJson { get; set; } = "";

    /// <summary>The benefit, JSON (<see cref="BenefitRule"/>); null when the item pays nothing itself (a recognition).</summary>
    public string? BenefitJson { get; set; }

    /// <summary>申报窗口; null ends mean open.</summary>
    public DateOnly? WindowOpensOn { get; set; }
    public DateOnly? WindowClosesOn { get; set; }

    /// <summary>免申即享: paid on verified data, without an application.</summary>
    public bool NoApplication { get; set; }

    /// <summary>The application form (fields, attachment rules), JSON (<see cref="ApplicationForm"/>); null: no fields, default attachment rules.</summary>
    public string? FormJson { get; set; }

    public int SortOrder { get; set; }
    public long Version { get; set; }

    public string DisplayTitle(bool chinese) => chinese || TitleEn == "" ? Title : TitleEn;
}

/// <summary>
/// An enterprise's verdict on an item, as the engine last computed it. Only eligible, near-miss and unknown are
/// stored: no row means ineligible (or not evaluated), which keeps 300 items × 100,000 enterprises small.
/// </summary>
public class PolicyVerdict
{
    public int PolicyItemId { get; set; }
    public int EnterpriseId { get; set; }

    /// <summary>The version whose item gave the verdict (the item belongs to it; kept for queries and the record).</summary>
    public int PolicyVersionId { get; set; }

    public int FiscalYear { get; set; }
    public Verdict Verdict { get; set; }

    /// <summary>Estimated benefit of an eligible enterprise in fen; null when unknown.</summary>
    public long? BenefitFen { get; set; }

    public DateTime EvaluatedUtc { get; set; }
}

/// <summary>
/// An enterprise whose facts, qualifications or profile changed since the engine last looked: written in the same
/// transaction as the change (through <see cref="Enterprises.IEnterpriseChangeListener"/>), consumed by whichever
/// instance's worker gets there first.
/// </summary>
public class PolicyStaleEnterprise
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public DateTime MarkedUtc { get; set; }
}

/// <summary>
/// An enterprise told about an item it qualifies for (精准推送): once per item and enterprise, through its portal
/// users (an enterprise without any is told once it has one).
/// </summary>
public class PolicyPush
{
    public int PolicyItemId { get; set; }
    public int EnterpriseId { get; set; }
    public DateTime NotifiedUtc { get; set; }
}
