using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Sylvan.Data.Csv;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// CSV with coordinates, in the CRS the caller names (a CSV carries none). Geometry columns are found by their
/// header, in Chinese or English: a WKT column; else x1,y1,x2,y2 (a straight segment); else x,y (a point). Every other
/// column is an attribute (text; empty cells are null). Feature index = data row, 1-based. UTF-8 or GBK.
/// </summary>
public sealed class CsvFileReader(ZoneCrs zone)
{
    static readonly string[] Wkt = ["wkt", "geometry", "geom", "thegeom", "shape", "几何", "图形", "坐标串"];
    static readonly string[] X1 = ["x1", "startx", "fromx", "lon1", "起点x", "起点x坐标", "起点经度", "起点东坐标"];
    static readonly string[] Y1 = ["y1", "starty", "fromy", "lat1", "起点y", "起点y坐标", "起点纬度", "起点北坐标"];
    static readonly string[] X2 = ["x2", "endx", "tox", "lon2", "终点x", "终点x坐标", "终点经度", "终点东坐标"];
    static readonly string[] Y2 = ["y2", "endy", "toy", "lat2", "终点y", "终点y坐标", "终点纬度", "终点北坐标"];
    static readonly string[] X = ["x", "lon", "lng", "longitude", "easting", "经度", "x坐标", "东坐标"];
    static readonly string[] Y = ["y", "lat", "latitude", "northing", "纬度", "y坐标", "北坐标"];

    static readonly GeometryFactory Factory = new();

    /// <param name="srid">The CRS the user says the coordinates are in: 4326, 4490 or the zone's.</param>
    public GisReadResult Read(Stream stream, int srid)
    {
        if (!zone.CanTransform(srid)) return GisReadResult.Refused(new GisMessage("Error_CrsUnsupported", "EPSG:" + srid.ToString(CultureInfo.InvariantCulture)));
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        using var text = new StringReader(GisText.Decode(buffer.ToArray()));
        CsvDataReader csv;
        try { csv = CsvDataReader.Create(text); }
        catch (CsvMissingHeadersException) { return GisReadResult.Refused(new GisMessage("Error_CsvGeometryColumnsMissing")); }
        using (csv)
        {
            var headers = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i)).ToArray();
            var columns = GeometryColumns(headers);
            if (columns is null) return GisReadResult.Refused(new GisMessage("Error_CsvGeometryColumnsMissing"));

            var features = new GisFeatureBuilder(zone, srid);
            var wktReader = new WKTReader();
            while (csv.Read())
            {
                var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < headers.Length && i < csv.RowFieldCount; i++)
                    if (!columns.Contains(i) && headers[i].Length > 0)
                        attributes[headers[i]] = csv.GetString(i) is { Length: > 0 } v ? v.Trim() : null;
                string Cell(int i) => i < csv.RowFieldCount ? csv.GetString(i).Trim() : "";

                if (columns.Length == 1)
                {
                    var wkt = Cell(columns[0]);
                    if (wkt.Length == 0) { features.Add(null, null, attributes); continue; }
                    try { features.Add(null, wktReader.Read(wkt), attributes); }
                    catch (Exception e) when (e is ParseException or ArgumentException or FormatException or InvalidOperationException)
                    {
                        features.Add(null, null, attributes, new GisMessage("Problem_GeometryUnreadable", headers[columns[0]]));
                    }
                    continue;
                }
                var numbers = columns.Select(i => double.TryParse(Cell(i), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : (double?)null).ToArray();
                if (numbers.Any(n => n is null))
                {
                    var bad = columns[Array.FindIndex(numbers, n => n is null)];
                    features.Add(null, null, attributes, new GisMessage("Problem_CoordinatesUnreadable", headers[bad], Cell(bad)));
                    continue;
                }
                Geometry geometry = numbers.Length == 2
                    ? Factory.CreatePoint(new Coordinate(numbers[0]!.Value, numbers[1]!.Value))
                    : Factory.CreateLineString([new(numbers[0]!.Value, numbers[1]!.Value), new(numbers[2]!.Value, numbers[3]!.Value)]);
                features.Add(null, geometry, attributes);
            }
            return features.Result();
        }
    }

    /// <summary>Indexes of the geometry columns: [wkt], [x1, y1, x2, y2] or [x, y]; null when there are none.</summary>
    static int[]? GeometryColumns(string[] headers)
    {
        var normal = headers.Select(GisText.NormalizeName).ToArray();
        int Find(string[] names) => Array.FindIndex(normal, h => names.Contains(h));
        if (Find(Wkt) is var wkt and >= 0) return [wkt];
        int[] line = [Find(X1), Find(Y1), Find(X2), Find(Y2)];
        if (line.All(i => i >= 0)) return line;
        int[] point = [Find(X), Find(Y)];
        return point.All(i => i >= 0) ? point : null;
    }
}
