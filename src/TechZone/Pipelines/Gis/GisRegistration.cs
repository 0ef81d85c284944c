namespace TechZone.Pipelines.Gis;

public static class GisRegistration
{
    /// <summary>
    /// The zone CRS and the readers and writers built on it, as singletons (they keep no state between calls);
    /// a bad <c>Pipelines:Crs</c> fails with a <see cref="GisException"/> at first use.
    /// </summary>
    public static IServiceCollection AddPipelineGis(this IServiceCollection s, IConfiguration c)
    {
        s.AddSingleton(_ =>
        {
            // The registry's storage (the PostGIS column's SRID, the conflict index, the map) is in EPSG:4548 in this
            // release: another zone CRS would mix two systems, so it is refused until storage follows the setting.
            var zone = ZoneCrs.FromConfiguration(c);
            return zone.Srid == PipeGeometry.ZoneSrid ? zone : throw new GisException("ZoneCrsNotStorage", zone.Name, "EPSG:" + PipeGeometry.ZoneSrid);
        });
        s.AddSingleton<GeoJsonFileReader>();
        s.AddSingleton<GeoPackageFileReader>();
        s.AddSingleton<ShapefileFileReader>();
        s.AddSingleton<CsvFileReader>();
        s.AddSingleton<GisFiles>();
        s.AddSingleton<GeoJsonFileWriter>();
        s.AddSingleton<GeoPackageFileWriter>();
        return s;
    }
}
