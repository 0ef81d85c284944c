using System.IO.Compression;
using System.Text;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// Esri Shapefiles, as a .zip or as the set of files (.shp, .dbf, .prj, optional .shx and .cpg). The CRS is the .prj's
/// WKT: a Shapefile without one is refused, never guessed. DBF text is GBK when the .cpg says so or when it is not
/// valid UTF-8 (files from Chinese desktop GIS often have neither a .cpg nor UTF-8).
/// </summary>
public sealed class ShapefileFileReader(ZoneCrs zone)
{
    const long MaxBytes = 512L * 1024 * 1024; // unpacked, so that a zip bomb stops at the limit
    static readonly string[] Parts = [".shp", ".shx", ".dbf", ".prj", ".cpg"];

    public GisReadResult ReadZip(Stream zip)
    {
        var folder = TemporaryFolder();
        try
        {
            try
            {
                using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
                long total = 0;
                foreach (var entry in archive.Entries)
                {
                    if (entry.FullName.EndsWith('/') || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)) continue;
                    if (!Parts.Contains(Path.GetExtension(entry.Name).ToLowerInvariant())) continue;
                    total += entry.Length;
                    if (total > MaxBytes) return GisReadResult.Refused(new GisMessage("Error_FileTooLarge", MaxBytes / 1024 / 1024));
                    // Flattened: "data/管线.shp" becomes "data_管线.shp", so a folder can never reach outside the temporary one.
                    entry.ExtractToFile(Path.Combine(folder, entry.FullName.Replace('/', '_').Replace('\\', '_')));
                }
            }
            catch (InvalidDataException)
            {
                return GisReadResult.Refused(new GisMessage("Error_FileUnreadable", "ZIP"));
            }
            return ReadFolder(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Reads the files of one or more Shapefiles, by file name (e.g. pipes.shp, pipes.dbf, pipes.prj).</summary>
    public GisReadResult ReadFiles(IEnumerable<(string Name, Stream Content)> files)
    {
        var folder = TemporaryFolder();
        try
        {
            foreach (var (name, content) in files)
            {
                var safe = Path.GetFileName(name);
                if (!Parts.Contains(Path.GetExtension(safe).ToLowerInvariant())) continue;
                using var file = File.Create(Path.Combine(folder, safe));
                content.CopyTo(file);
            }
            return ReadFolder(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    GisReadResult ReadFolder(string folder)
    {
        var shapes = Directory.GetFiles(folder).Where(f => Path.GetExtension(f).Equals(".shp", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        if (shapes.Count == 0) return GisReadResult.Refused(new GisMessage("Error_ShapefilePartMissing", ".shp"));

        var layers = new List<(string Shp, string Layer, int Srid, Encoding Encoding)>();
        foreach (var shp in shapes)
        {
            var layer = Path.GetFileNameWithoutExtension(shp);
            var dbf = Sibling(shp, ".dbf");
            if (dbf is null) return GisReadResult.Refused(new GisMessage("Error_ShapefilePartMissing", layer + ".dbf"));
            if (Sibling(shp, ".prj") is not { } prj) return GisReadResult.Refused(new GisMessage("Error_ShapefilePrjMissing", layer));
            try { layers.Add((shp, layer, zone.SridOf(GisText.Decode(File.ReadAllBytes(prj))), DbfEncoding(dbf, Sibling(shp, ".cpg")))); }
            catch (GisException e) { return GisReadResult.Refused(e); }
        }

        var features = new GisFeatureBuilder(zone, layers[0].Srid);
        foreach (var (shp, layer, srid, encoding) in layers)
        {
            features.SourceSrid = srid;
            try
            {
                using var reader = Shapefile.OpenRead(shp, new ShapefileReaderOptions { Encoding = encoding });
                while (reader.Read(out var deleted, out var feature))
                {
                    if (deleted) continue;
                    var attributes = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var name in feature.Attributes.GetNames())
                        attributes[name] = feature.Attributes[name] is string s ? s.Trim() : feature.Attributes[name];
                    features.Add(layer, feature.Geometry, attributes);
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or NotSupportedException or FileNotFoundException or IndexOutOfRangeException or InvalidOperationException)
            {
                return GisReadResult.Refused(new GisMessage("Error_FileUnreadable", layer + ".shp"));
            }
        }
        return features.Result();
    }

    /// <summary>GBK when the .cpg names it; else the bytes decide: valid UTF-8 is UTF-8, anything else GBK unless the .cpg names another code page.</summary>
    internal static Encoding DbfEncoding(string dbf, string? cpg)
    {
        var named = cpg is null ? null : GisText.FromCodePageName(GisText.Decode(File.ReadAllBytes(cpg)));
        if (named?.CodePage == GisText.Gbk.CodePage) return named;
        var bytes = File.ReadAllBytes(dbf);
        // Records start after the header, whose length is at bytes 8–9 (little-endian).
        var start = bytes.Length >= 10 ? Math.Min(bytes.Length, bytes[8] | bytes[9] << 8) : bytes.Length;
        if (GisText.IsUtf8(bytes.AsSpan(start))) return new UTF8Encoding(false);
        return named is { CodePage: not 65001 } ? named : GisText.Gbk;
    }

    static string? Sibling(string shp, string extension) =>
        Directory.GetFiles(Path.GetDirectoryName(shp)!, Path.GetFileNameWithoutExtension(shp) + ".*")
            .FirstOrDefault(f => Path.GetExtension(f).Equals(extension, StringComparison.OrdinalIgnoreCase)
                && Path.GetFileNameWithoutExtension(f) == Path.GetFileNameWithoutExtension(shp));

    static string TemporaryFolder() => Directory.CreateTempSubdirectory("techzone-shp-").FullName;
}
