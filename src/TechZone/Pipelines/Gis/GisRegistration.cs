namespace TechZone.Pipelines.Gis;

public static class GisRegistration
{
    /// <summary>The zone CRS (and the readers and writers built on it) as singletons; a bad <c>Pipelines:Crs</c> fails at first use.</summary>
    public static IServiceCollection AddPipelineGis(this IServiceCollection s, IConfiguration c)
    {
        s.AddSingleton(_ => ZoneCrs.FromConfiguration(c));
        return s;
    }
}
