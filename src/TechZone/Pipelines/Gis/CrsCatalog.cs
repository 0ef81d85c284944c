using System.Globalization;
using System.Text.RegularExpressions;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// The coordinate systems TechZone knows by EPSG code: WGS84, CGCS2000 geographic and the CGCS2000 3-degree
/// Gauss-Kruger zones (EPSG:4513–4533 with the zone number in the false easting, EPSG:4534–4554 without), as WKT
/// that ProjNET reads. Axis order is the GIS one throughout: x = longitude or easting, y = latitude or northing.
/// </summary>
public static partial class CrsCatalog
{
    public const int Wgs84 = 4326;
    public const int Cgcs2000 = 4490;
    public const double Wgs84InverseFlattening = 298.257223563;
    public const double Cgcs2000InverseFlattening = 298.257222101;
    public const double SemiMajorAxis = 6378137;

    // CGCS2000 and WGS84 agree to a few centimetres; EPSG and PROJ treat them as the same datum (null shift).
    const string Cgcs2000Geographic =
        """GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],TOWGS84[0,0,0,0,0,0,0],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]]""";

    const string Wgs84Geographic =
        """GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],TOWGS84[0,0,0,0,0,0,0],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]""";

    /// <summary>The WKT of an EPSG code TechZone knows; null for any other.</summary>
    public static string? Wkt(int srid)
    {
        if (srid == Wgs84) return Wgs84Geographic;
        if (srid == Cgcs2000) return Cgcs2000Geographic;
        if (GaussKruger(srid) is not { } zone) return null;
        var (name, centralMeridian, falseEasting) = zone;
        return string.Create(CultureInfo.InvariantCulture,
            $"""PROJCS["{name}",{Cgcs2000Geographic},PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",{centralMeridian}],PARAMETER["scale_factor",1],PARAMETER["false_easting",{falseEasting}],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","{srid}"]]""");
    }

    /// <summary>Name, central meridian and false easting of a CGCS2000 3-degree Gauss-Kruger zone; null for other codes.</summary>
    public static (string Name, int CentralMeridian, int FalseEasting)? GaussKruger(int srid) => srid switch
    {
        >= 4513 and <= 4533 => ($"CGCS2000 / 3-degree Gauss-Kruger zone {srid - 4513 + 25}", (srid - 4513 + 25) * 3, (srid - 4513 + 25) * 1_000_000 + 500_000),
        >= 4534 and <= 4554 => ($"CGCS2000 / 3-degree Gauss-Kruger CM {75 + (srid - 4534) * 3}E", 75 + (srid - 4534) * 3, 500_000),
        _ => null,
    };

    /// <summary>
    /// The EPSG code a CRS reference names: "EPSG:4548", "urn:ogc:def:crs:EPSG::4490", "…/def/crs/EPSG/0/4326",
    /// or OGC CRS84 (= 4326 in lon/lat order); null when the text is no such reference (it may be WKT).
    /// </summary>
    public static int? EpsgCode(string reference)
    {
        var text = reference.Trim();
        if (Crs84().IsMatch(text)) return Wgs84;
        var match = EpsgReference().Match(text);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
    }

    [GeneratedRegex(@"^(?:urn:ogc:def:crs:OGC:(?:1\.3)?:CRS84|OGC:CRS84|CRS84|https?://www\.opengis\.net/def/crs/OGC/1\.3/CRS84)$", RegexOptions.IgnoreCase)]
    private static partial Regex Crs84();

    [GeneratedRegex(@"^(?:EPSG:|urn:ogc:def:crs:EPSG:[\d.]*:|https?://www\.opengis\.net/def/crs/EPSG/[\d.]+/)(\d{1,6})$", RegexOptions.IgnoreCase)]
    private static partial Regex EpsgReference();
}
