using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

/// <summary>An enterprise in (or coming to) the zone: the record every module hangs on.</summary>
public class Enterprise
{
    public int Id { get; set; }

    /// <summary>统一社会信用代码, 18 characters, GB 32100-2015.</summary>
    public string CreditCode { get; set; } = "";

    public string Name { get; set; } = "";

    public int? ParkId { get; set; }
    public Park? Park { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}
