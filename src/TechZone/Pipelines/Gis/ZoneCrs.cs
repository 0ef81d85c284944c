using System.Globalization;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// The zone's projected CRS (config <c>Pipelines:Crs</c>, default EPSG:4548, CGCS2000 / 3-degree Gauss-Kruger CM 117E),
/// in which pipe distances are measured in metres, and the transformations into it from WGS84 (EPSG:4326) and CGCS2000
/// geographic (EPSG:4490). Any other CRS is refused with a <see cref="GisException"/>, never guessed. Thread-safe:
/// each direction has its own ProjNET transform, built once, and only its forward Transform is ever called.
/// </summary>
public sealed class ZoneCrs
{
    const double Tolerance = 1e-9;

    readonly ProjectedCoordinateSystem zone;
    readonly MathTransform fromGeographic;
    readonly MathTransform toGeographic;

    /// <summary>The zone's SRID (EPSG code), set on every geometry in the zone CRS.</summary>
    public int Srid { get; }

    /// <summary>The zone CRS's name, e.g. "CGCS2000 / 3-degree Gauss-Kruger CM 117E".</summary>
    public string Name => zone.Name;

    /// <summary>The zone CRS as WKT (what a GeoPackage's gpkg_spatial_ref_sys or a .prj gets).</summary>
    public string Wkt { get; }

    /// <summary>Makes geometries in zone metres, with <see cref="Srid"/>.</summary>
    public GeometryFactory Factory { get; }

    /// <summary>The projection's central meridian (°E) and false easting (m): where its 3-degree band is.</summary>
    public double CentralMeridian => Parameter(zone, "central_meridian");

    double FalseEasting => Parameter(zone, "false_easting");

    /// <param name="crs">"EPSG:n" for a CGCS2000 3-degree Gauss-Kruger zone (4513–4554), or the WKT of a projected CRS.</param>
    /// <param name="srid">The SRID of a WKT without an EPSG authority (ignored otherwise).</param>
    public ZoneCrs(string crs = "EPSG:4548", int? srid = null)
    {
        if (CrsCatalog.EpsgCode(crs) is { } code)
        {
            if (CrsCatalog.GaussKruger(code) is null) throw new GisException("ZoneCrsUnsupported", crs);
            Wkt = CrsCatalog.Wkt(code)!;
            zone = (ProjectedCoordinateSystem)Parse(Wkt)!;
            Srid = code;
        }
        else
        {
            zone = Parse(crs) as ProjectedCoordinateSystem ?? throw new GisException("ZoneCrsUnsupported", Shorten(crs));
            Wkt = crs.Trim();
            Srid = zone.AuthorityCode > 0 && string.Equals(zone.Authority, "EPSG", StringComparison.OrdinalIgnoreCase)
                ? (int)zone.AuthorityCode
                : srid ?? throw new GisException("ZoneCrsWithoutSrid", zone.Name);
        }
        if (!IsMetres(zone.LinearUnit)) throw new GisException("ZoneCrsUnsupported", zone.Name);
        Factory = new GeometryFactory(new PrecisionModel(), Srid);

        // WGS84 and CGCS2000 coordinates are taken as equal (EPSG's and PROJ's null transformation between them, good to a
        // few centimetres): going through geocentric coordinates with the two ellipsoids would only add ProjNET's
        // rounding, millimetres, and PROJ — the reference — does not do it either.
        var factory = new CoordinateTransformationFactory();
        var cgcs2000 = (GeographicCoordinateSystem)Parse(CrsCatalog.Wkt(CrsCatalog.Cgcs2000)!)!;
        try
        {
            fromGeographic = factory.CreateFromCoordinateSystems(cgcs2000, zone).MathTransform;
            toGeographic = factory.CreateFromCoordinateSystems(zone, cgcs2000).MathTransform;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new GisException("ZoneCrsUnsupported", zone.Name);
        }
    }

    /// <summary>From configuration: <c>Pipelines:Crs</c> (default EPSG:4548) and, for a WKT without authority, <c>Pipelines:CrsSrid</c>.</summary>
    public static ZoneCrs FromConfiguration(IConfiguration configuration) =>
        new(configuration["Pipelines:Crs"] is { Length: > 0 } crs ? crs : "EPSG:4548", configuration.GetValue<int?>("Pipelines:CrsSrid"));

    /// <summary>Whether geometries in this SRID can be brought into the zone CRS: 4326, 4490 and the zone's own.</summary>
    public bool CanTransform(int srid) => srid is CrsCatalog.Wgs84 or CrsCatalog.Cgcs2000 || srid == Srid;

    /// <summary>A copy of <paramref name="g"/> (x = lon or easting) in the zone CRS, with <see cref="Srid"/> set.</summary>
    /// <exception cref="GisException">CrsUnsupported when <paramref name="fromSrid"/> is not transformable; CoordinatesOutOfRange for lon/lat off the globe.</exception>
    public Geometry ToZone(Geometry g, int fromSrid)
    {
        ArgumentNullException.ThrowIfNull(g);
        if (fromSrid == Srid) return WithSrid(g.Copy(), Srid);
        if (fromSrid is not (CrsCatalog.Wgs84 or CrsCatalog.Cgcs2000))
            throw new GisException("CrsUnsupported", "EPSG:" + fromSrid.ToString(CultureInfo.InvariantCulture));
        RequireLonLat(g.EnvelopeInternal);
        return Apply(g, fromGeographic, Srid);
    }

    /// <summary>A lon/lat point (WGS84 or CGCS2000) in zone metres.</summary>
    public (double X, double Y) ToZone(double lon, double lat)
    {
        RequireLonLat(new Envelope(lon, lon, lat, lat));
        return fromGeographic.Transform(lon, lat);
    }

    /// <summary>A zone-CRS point in WGS84 lon/lat.</summary>
    public (double Lon, double Lat) ToWgs84(double x, double y) => toGeographic.Transform(x, y);

    /// <summary>
    /// Whether a zone-CRS envelope lies where the projection means something: within 250 km of the central meridian
    /// (a 3-degree band is about 130 km wide each side at these latitudes) and between 18°N and 54°N, China's extent.
    /// </summary>
    public bool Covers(Envelope e) =>
        e.MinX > FalseEasting - 250_000 && e.MaxX < FalseEasting + 250_000 && e.MinY > 2_000_000 && e.MaxY < 6_000_000;

    /// <summary>The zone-CRS envelope of a map view, clamped to the zone's band (two degrees either side of the central meridian).</summary>
    public Envelope ToZoneClamped(Envelope wgs84)
    {
        var cm = CentralMeridian;
        return ToZone(new Envelope(Math.Clamp(wgs84.MinX, cm - 2, cm + 2), Math.Clamp(wgs84.MaxX, cm - 2, cm + 2),
            Math.Clamp(wgs84.MinY, 18, 54), Math.Clamp(wgs84.MaxY, 18, 54)));
    }

    /// <summary>A copy of a zone-CRS geometry in WGS84 lon/lat (SRID 4326), as GeoJSON and the map want it.</summary>
    public Geometry ToWgs84(Geometry zoneGeometry)
    {
        ArgumentNullException.ThrowIfNull(zoneGeometry);
        return Apply(zoneGeometry, toGeographic, CrsCatalog.Wgs84);
    }

    /// <summary>
    /// The zone-CRS envelope that covers a WGS84 lon/lat envelope (a map view): the box's edges are sampled, since they
    /// are curves in the projection, so the result contains every point of the box.
    /// </summary>
    public Envelope ToZone(Envelope wgs84)
    {
        ArgumentNullException.ThrowIfNull(wgs84);
        if (wgs84.IsNull) return new Envelope();
        RequireLonLat(wgs84);
        return TransformEnvelope(wgs84, fromGeographic);
    }

    /// <summary>The WGS84 lon/lat envelope that covers a zone-CRS envelope.</summary>
    public Envelope ToWgs84(Envelope zoneEnvelope)
    {
        ArgumentNullException.ThrowIfNull(zoneEnvelope);
        return zoneEnvelope.IsNull ? new Envelope() : TransformEnvelope(zoneEnvelope, toGeographic);
    }

    /// <summary>
    /// The SRID a file's CRS is in, when TechZone can transform it: a reference ("EPSG:4490", an OGC URN, CRS84) or a WKT
    /// (a .prj, gpkg_spatial_ref_sys) recognised by its authority code or, without one, by its datum and projection
    /// parameters — the usual ESRI .prj has no code. Anything else is refused.
    /// </summary>
    /// <exception cref="GisException">CrsUnsupported (naming the CRS) or CrsUnreadable.</exception>
    public int SridOf(string crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        if (string.IsNullOrWhiteSpace(crs)) throw new GisException("CrsUnreadable", "");
        if (CrsCatalog.EpsgCode(crs) is { } code)
            return CanTransform(code) ? code : throw new GisException("CrsUnsupported", "EPSG:" + code.ToString(CultureInfo.InvariantCulture));
        var system = Parse(crs) ?? throw new GisException("CrsUnreadable", Shorten(crs));
        if (string.Equals(system.Authority, "EPSG", StringComparison.OrdinalIgnoreCase) && CanTransform((int)system.AuthorityCode))
            return (int)system.AuthorityCode;
        return Recognise(system) ?? throw new GisException("CrsUnsupported", system.Name);
    }

    int? Recognise(CoordinateSystem system) => system switch
    {
        GeographicCoordinateSystem g when IsGreenwichDegrees(g) && IsEllipsoid(g.HorizontalDatum.Ellipsoid, CrsCatalog.Wgs84InverseFlattening) => CrsCatalog.Wgs84,
        GeographicCoordinateSystem g when IsGreenwichDegrees(g) && IsEllipsoid(g.HorizontalDatum.Ellipsoid, CrsCatalog.Cgcs2000InverseFlattening) => CrsCatalog.Cgcs2000,
        ProjectedCoordinateSystem p when SameProjection(p, zone) => Srid,
        _ => null,
    };

    static bool SameProjection(ProjectedCoordinateSystem a, ProjectedCoordinateSystem b) =>
        IsTransverseMercator(a.Projection.ClassName) && IsTransverseMercator(b.Projection.ClassName)
        && IsMetres(a.LinearUnit) && IsMetres(b.LinearUnit)
        && IsGreenwichDegrees(a.GeographicCoordinateSystem) && IsGreenwichDegrees(b.GeographicCoordinateSystem)
        && IsEllipsoid(a.GeographicCoordinateSystem.HorizontalDatum.Ellipsoid, b.GeographicCoordinateSystem.HorizontalDatum.Ellipsoid.InverseFlattening)
        && new[] { "central_meridian", "latitude_of_origin", "scale_factor", "false_easting", "false_northing" }
            .All(name => Math.Abs(Parameter(a, name) - Parameter(b, name)) < 1e-7);

    static double Parameter(ProjectedCoordinateSystem p, string name)
    {
        for (var i = 0; i < p.Projection.NumParameters; i++)
        {
            var parameter = p.Projection.GetParameter(i);
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase)) return parameter.Value;
        }
        // WKT may leave out a parameter at its default (scale 1, everything else 0).
        return name == "scale_factor" ? 1 : 0;
    }

    static bool IsTransverseMercator(string name) =>
        name.Replace(' ', '_').ToLowerInvariant() is "transverse_mercator" or "gauss_kruger";

    static bool IsMetres(LinearUnit unit) => Math.Abs(unit.MetersPerUnit - 1) < Tolerance;

    static bool IsGreenwichDegrees(GeographicCoordinateSystem g) =>
        Math.Abs(g.PrimeMeridian.Longitude) < Tolerance && Math.Abs(g.AngularUnit.RadiansPerUnit - Math.PI / 180) < 1e-12;

    // The two ellipsoids differ only in the ninth significant digit of the inverse flattening.
    static bool IsEllipsoid(Ellipsoid e, double inverseFlattening) =>
        Math.Abs(e.SemiMajorAxis * e.AxisUnit.MetersPerUnit - CrsCatalog.SemiMajorAxis) < 1e-3
        && Math.Abs(e.InverseFlattening - inverseFlattening) < 1e-7;

    /// <summary>ProjNET's reading of a WKT, or null when it cannot read it. ESRI's "Gauss_Kruger" is its Transverse_Mercator.</summary>
    static CoordinateSystem? Parse(string wkt)
    {
        var text = wkt.Trim().Replace("\"Gauss_Kruger\"", "\"Transverse_Mercator\"", StringComparison.OrdinalIgnoreCase);
        try { return new CoordinateSystemFactory().CreateFromWkt(text); }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or NullReferenceException or InvalidCastException)
        {
            return null;
        }
    }

    static string Shorten(string text) => text.Length <= 60 ? text.Trim() : text.Trim()[..60] + "…";

    static void RequireLonLat(Envelope e)
    {
        if (e.MinX < -180 || e.MaxX > 180 || e.MinY < -90 || e.MaxY > 90) throw new GisException("CoordinatesOutOfRange");
    }

    static Geometry WithSrid(Geometry g, int srid)
    {
        g.SRID = srid;
        return g;
    }

    static Geometry Apply(Geometry g, MathTransform transform, int srid)
    {
        var copy = g.Copy();
        copy.Apply(new TransformFilter(transform));
        copy.GeometryChanged();
        return WithSrid(copy, srid);
    }

    static Envelope TransformEnvelope(Envelope e, MathTransform transform)
    {
        const int steps = 16;
        var result = new Envelope();
        for (var i = 0; i <= steps; i++)
        {
            var x = e.MinX + e.Width * i / steps;
            var y = e.MinY + e.Height * i / steps;
            foreach (var (px, py) in new[] { (x, e.MinY), (x, e.MaxY), (e.MinX, y), (e.MaxX, y) })
            {
                var (tx, ty) = transform.Transform(px, py);
                result.ExpandToInclude(tx, ty);
            }
        }
        return result;
    }

    /// <summary>Transforms x/y of each coordinate in place; z and m are kept (depths are not coordinates here).</summary>
    sealed class TransformFilter(MathTransform transform) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = transform.Transform(seq.GetX(i), seq.GetY(i));
            if (!double.IsFinite(x) || !double.IsFinite(y)) throw new GisException("CoordinatesOutOfRange");
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
