namespace TechZone.Pipelines.Gis;

public static class GisRegistration
{
    /// <summary>
    /// The zone CRS and the readers and writers built on it, as singletons (they keep no state between calls);
    /// a bad <c>Pipelines:Crs</c> fails with a <see cref="GisException"/> at first use (at startup: <see cref="RegistryCrsCheck"/> uses it).
    /// </summary>
    public static IServiceCollection AddPipelineGis(this IServiceCollection s, IConfiguration c)
    {
        s.AddSingleton(_ => ZoneCrs.FromConfiguration(c));
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
