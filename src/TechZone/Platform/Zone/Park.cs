namespace TechZone.Platform.Zone;

/// <summary>A part of the zone (华苑科技园, 渤龙湖科技园, 海洋科技园).</summary>
public class Park
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";

    public string DisplayName(bool chinese) => chinese || string.IsNullOrEmpty(NameEn) ? Name : NameEn;
}
