using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// Collects a reader's features: checks each geometry (empty, type, validity), brings it into the zone CRS and records
/// what is wrong with it instead of stopping the file.
/// </summary>
sealed class GisFeatureBuilder(ZoneCrs zone, int sourceSrid)
{
    readonly List<GisFeature> features = [];
    readonly List<GisFeatureProblem> problems = [];

    public int Count => features.Count;

    /// <summary>The CRS the next features are in (a GeoPackage's tables may differ); the result reports the first.</summary>
    public int SourceSrid { get; set; } = sourceSrid;

    readonly int firstSrid = sourceSrid;

    /// <summary>Adds the next feature; <paramref name="geometry"/> null means the file had none (or it could not be read).</summary>
    public void Add(string? layer, Geometry? geometry, IReadOnlyDictionary<string, object?> attributes, GisMessage? readProblem = null)
    {
        var index = features.Count + 1;
        var zoneGeometry = readProblem is null ? Check(index, geometry) : null;
        if (readProblem is not null) problems.Add(new(index, readProblem));
        features.Add(new GisFeature(index, layer, zoneGeometry, attributes));
    }

    public GisReadResult Result() => new(firstSrid, features, problems, null);

    Geometry? Check(int index, Geometry? geometry)
    {
        if (geometry is null || geometry.IsEmpty) return Problem(index, new GisMessage("Problem_GeometryEmpty"));
        // A Shapefile's polyline is always a MultiLineString, mostly of one part: that part is the feature's geometry.
        if (geometry is MultiPoint or MultiLineString or MultiPolygon && geometry.NumGeometries == 1) geometry = geometry.GetGeometryN(0);
        if (geometry is not (Point or LineString or Polygon or MultiPoint or MultiLineString or MultiPolygon))
            return Problem(index, new GisMessage("Problem_GeometryTypeUnsupported", geometry.GeometryType));
        Geometry zoneGeometry;
        try { zoneGeometry = zone.ToZone(geometry, SourceSrid); }
        catch (GisException e) { return Problem(index, GisMessage.From(e)); }
        var validity = new IsValidOp(zoneGeometry).ValidationError;
        if (validity is not null)
            problems.Add(new(index, new GisMessage("Problem_GeometryInvalid", new GisMessage("Invalid_" + validity.ErrorType), Format(validity.Coordinate))));
        return zoneGeometry;
    }

    // Where the problem is, in the zone CRS to the centimetre (null for a NaN coordinate).
    static string Format(Coordinate? c) =>
        c is null || !double.IsFinite(c.X) || !double.IsFinite(c.Y) ? "—" : string.Create(CultureInfo.InvariantCulture, $"{c.X:0.00}, {c.Y:0.00}");

    Geometry? Problem(int index, GisMessage reason)
    {
        problems.Add(new(index, reason));
        return null;
    }
}
