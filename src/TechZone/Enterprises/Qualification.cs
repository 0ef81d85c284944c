namespace TechZone.Enterprises;

/// <summary>
/// A kind of dated certification (资质): 高新技术企业, 科技型中小企业, 专精特新 ... The list is reference data an admin
/// maintains: the usual ones are seeded (<see cref="QualificationTypeSeed"/>), others can be added, and a type no
/// longer awarded is deactivated rather than deleted once enterprises hold it.
/// </summary>
public class QualificationType : Data.IVersioned
{
    public int Id { get; set; }

    /// <summary>A stable key for imports and API clients ("hnte"); unique.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>How long a certificate usually runs; the default expiry of a new one. Null when it does not expire.</summary>
    public int? ValidityYears { get; set; }

    /// <summary>Inactive types are no longer offered for new qualifications; existing ones keep them.</summary>
    public bool IsActive { get; set; } = true;

    public int SortOrder { get; set; }

    public long Version { get; set; }

    public string DisplayName(bool chinese) => chinese || NameEn == "" ? Name : NameEn;
}

/// <summary>A qualification an enterprise holds (or held): its certificate, issued on a date, valid until a date.</summary>
public class EnterpriseQualification : Data.IVersioned
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public int QualificationTypeId { get; set; }
    public QualificationType? Type { get; set; }

    public string CertificateNumber { get; set; } = "";
    public DateOnly IssuedOn { get; set; }

    /// <summary>The last day it is valid; null when it does not expire.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public string Note { get; set; } = "";
    public long Version { get; set; }

    /// <summary>Days before expiry from which a qualification shows as expiring (a renewal takes about that long).</summary>
    public const int ExpiringWithinDays = 90;

    public static QualificationStatus StatusOn(DateOnly? expiresOn, DateOnly today) =>
        expiresOn is not { } end ? QualificationStatus.Valid
        : end < today ? QualificationStatus.Expired
        : end <= today.AddDays(ExpiringWithinDays) ? QualificationStatus.Expiring
        : QualificationStatus.Valid;
}

/// <summary>Where a qualification stands today.</summary>
public enum QualificationStatus
{
    Valid,

    /// <summary>Still valid, but for at most <see cref="EnterpriseQualification.ExpiringWithinDays"/> more days.</summary>
    Expiring,

    Expired,
}
