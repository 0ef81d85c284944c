namespace TechZone.Pipelines.Gis;

/// <summary>
/// Picks the reader for an uploaded file by its extension: .geojson/.json, .gpkg, .zip (a zipped Shapefile) or .csv
/// (whose CRS the user names). Anything else is refused with a message, as the readers refuse what they cannot read.
/// </summary>
public sealed class GisFiles(GeoJsonFileReader geoJson, GeoPackageFileReader geoPackage, ShapefileFileReader shapefile, CsvFileReader csv)
{
    /// <summary>The extensions an upload field should accept.</summary>
    public const string Accept = ".geojson,.json,.gpkg,.zip,.csv";

    /// <summary>Reads <paramref name="content"/>; <paramref name="csvSrid"/> is required for a CSV and ignored otherwise.</summary>
    public GisReadResult Read(string fileName, Stream content, int? csvSrid)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".geojson" or ".json" => geoJson.Read(content),
                ".gpkg" => geoPackage.Read(content),
                ".zip" => shapefile.ReadZip(content),
                ".csv" when csvSrid is { } srid => csv.Read(content, srid),
                ".csv" => GisReadResult.Refused(new GisMessage("Error_CsvCrsMissing")),
                _ => GisReadResult.Refused(new GisMessage("Error_FileTypeUnsupported", extension.Length == 0 ? fileName : extension)),
            };
        }
        catch (GisException e)
        {
            return GisReadResult.Refused(e);
        }
    }
}
