namespace TechZone.Platform.Zone;

/// <summary>Streets of the zone's parks, for the addresses the demo and scale seeds make up (enterprises, buildings).</summary>
public static class ZoneRoads
{
    public static readonly string[] Names = ["海泰发展六道", "梓苑路", "开华道", "华科二路", "渤龙湖西路", "宁海路", "信安路", "海泰创新五路"];
}
