using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

/// <summary>An enterprise in (or coming to) the zone: the record every module hangs on.</summary>
public class Enterprise : Data.IVersioned, Platform.Text.ISearchKeyed
{
    public int Id { get; set; }

    /// <summary>统一社会信用代码, 18 characters, GB 32100-2015.</summary>
    public string CreditCode { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The name in pinyin, full and initials ("feiteng…|ft…"): finds 飞腾 by "ft" and sorts names as people expect.</summary>
    public string NameKey { get; set; } = "";

    /// <summary>The name as the full-text index stores it, each 汉字 a word ("飞 腾 信 息 技 术"; see TextTokens).</summary>
    public string NameTokens { get; set; } = "";

    public void RefreshSearchKey()
    {
        NameKey = Platform.Text.Pinyin.SearchKey(Name);
        NameTokens = Platform.Text.TextTokens.Index(Name);
    }

    public int? ParkId { get; set; }
    public Park? Park { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    /// <summary>法定代表人.</summary>
    public string LegalRepresentative { get; set; } = "";

    /// <summary>注册资本 in fen; null when unknown.</summary>
    public long? RegisteredCapitalFen { get; set; }

    /// <summary>成立日期.</summary>
    public DateOnly? FoundedOn { get; set; }

    public string Address { get; set; } = "";

    /// <summary>GB/T 4754-2017 division (大类), see <see cref="IndustryCodes"/>; null when not yet classified.</summary>
    public string? IndustryCode { get; set; }

    public SizeClass? SizeClass { get; set; }

    public EnterpriseStatus Status { get; set; } = EnterpriseStatus.Prospect;

    /// <summary>The date the current status took effect (the last status change's date).</summary>
    public DateOnly? StatusSinceOn { get; set; }

    public long Version { get; set; }

    public List<EnterpriseFormerName> FormerNames { get; set; } = [];
    public List<EnterpriseStatusChange> StatusChanges { get; set; } = [];
    public List<EnterpriseContact> Contacts { get; set; } = [];

    /// <summary>Renames, keeping the old name as a former name used until <paramref name="today"/>.</summary>
    public void Rename(string name, DateOnly today)
    {
        if (name == Name) return;
        if (Name != "") FormerNames.Add(new EnterpriseFormerName { Name = Name, UntilOn = today });
        Name = name;
    }

    /// <summary>
    /// Moves to <paramref name="to"/> on <paramref name="on"/>. The date may not lie in the future nor before the
    /// current status began, so the history stays in order.
    /// </summary>
    public void ChangeStatus(EnterpriseStatus to, DateOnly on, DateOnly today, string? note, string? byUserName)
    {
        // A new enterprise's first status opens the history; every later one is a change from the current status.
        var initial = Id == 0 && StatusChanges.Count == 0;
        if (on > today) throw new EnterpriseRuleException("StatusDateInFuture");
        if (!initial && to == Status) throw new EnterpriseRuleException("StatusUnchanged");
        if (!initial && StatusSinceOn is { } since && on < since)
            throw new EnterpriseRuleException("StatusDateBeforePrevious", since.ToString("yyyy-MM-dd"));
        StatusChanges.Add(new EnterpriseStatusChange
        {
            From = initial ? null : Status,
            To = to, OnDate = on, Note = note?.Trim() ?? "", ByUserName = byUserName ?? "",
        });
        Status = to;
        StatusSinceOn = on;
    }
}

/// <summary>企业规模 per the statistical size classification (大型/中型/小型/微型).</summary>
public enum SizeClass
{
    Large,
    Medium,
    Small,
    Micro,
}

/// <summary>Where an enterprise is in its life with the zone.</summary>
public enum EnterpriseStatus
{
    Prospect,
    Registered,
    Operating,
    Expanding,
    MovedOut,
    Deregistered,
}

/// <summary>A name the enterprise used before (曾用名), kept when it is renamed.</summary>
public class EnterpriseFormerName
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The last day the name was in use.</summary>
    public DateOnly UntilOn { get; set; }
}

/// <summary>One step of the lifecycle, dated; the first one has no <see cref="From"/>.</summary>
public class EnterpriseStatusChange
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public EnterpriseStatus? From { get; set; }
    public EnterpriseStatus To { get; set; }
    public DateOnly OnDate { get; set; }
    public string Note { get; set; } = "";
    public string ByUserName { get; set; } = "";
    public DateTime RecordedUtc { get; set; } = DateTime.UtcNow;
}

/// <summary>A person to talk to at the enterprise; at most one is primary.</summary>
public class EnterpriseContact
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public bool IsPrimary { get; set; }
}
