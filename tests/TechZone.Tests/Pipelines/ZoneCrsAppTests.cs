using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Pipelines;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Pipelines;

/// <summary>
/// A zone whose CRS is not the demo's: Pipelines:Crs = EPSG:4527 (CGCS2000 3-degree Gauss-Kruger zone 39, the same
/// meridian as EPSG:4548 with the zone number in front of the easting). The registry is stored and measured in it, the
/// map still shows Tianjin, PostGIS reads the stored metres the same way, and the app refuses to start on that registry
/// with another CRS.
/// </summary>
public abstract class ZoneCrsAppTests(Provider provider)
{
    sealed class Zone39App(Provider provider) : ZoneApp(provider)
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Pipelines:Crs", "EPSG:4527");
    }

    [Fact]
    public async Task TheRegistry_IsStoredInTheConfiguredCrs_AndShownWhereItIs()
    {
        await using var app = new Zone39App(provider);
        await app.InitializeAsync();
        app.SkipIfUnavailable();

        var (srid, first) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var state = await db.Set<PipeRegistryState>().SingleAsync();
            var wkb = await db.Set<PipeSegment>().OrderBy(s => s.Id).Select(s => s.Wkb).FirstAsync();
            return (state.Srid, PipeGeometry.FromWkb(wkb).Coordinates[0]);
        });
        Assert.Equal(4527, srid);
        Assert.InRange(first.X, 39_250_000, 39_750_000); // zone 39's eastings, not 4548's 250–750 km

        // A segment given in WGS84 is stored in zone-39 metres and has its true length.
        var planning = await app.SignedInAsync("planning");
        var network = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<PipeNetwork>().Where(n => n.Code == "water").Select(n => n.Id).SingleAsync());
        var utility = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<Utility>().OrderBy(u => u.Id).Select(u => u.Id).FirstAsync());
        var created = await planning.PostAsJsonAsync("/api/v1/pipelines/segments", new
        {
            code = "Z39-" + Guid.NewGuid().ToString("N")[..6], networkId = network, material = "PE100", diameterMm = 200, ownerUtilityId = utility,
            depthStartM = 1.2, depthEndM = 1.3,
            geometry = JsonSerializer.Serialize(new { type = "LineString", coordinates = new[] { new[] { 117.30, 39.10 }, new[] { 117.30, 39.101 } } }),
        }, ZoneApp.Json);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var segment = await created.Content.ReadFromJsonAsync<PipeSegmentDetail>(ZoneApp.Json);
        Assert.InRange(segment!.Segment.LengthM, 110.9, 111.2); // 0.001° of latitude

        // The map layer (WGS84) puts the demo pipes in Tianjin's parks.
        var map = await planning.GetStringAsync($"/api/v1/pipelines/map/{network}?bbox=117.0,39.0,117.2,39.2&zoom=16");
        var lon = JsonDocument.Parse(map).RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0].GetDouble();
        Assert.InRange(lon, 117.0, 117.2);

        if (provider == Provider.Postgres)
        {
            // PostGIS knows EPSG:4527 itself: its reading of the stored metres is the same place.
            var (columnSrid, postgisLon) = await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<ZoneDb>();
                var column = await db.Database.SqlQueryRaw<int>("SELECT srid AS \"Value\" FROM geometry_columns WHERE f_table_name = 'pipelines_segments' AND f_geometry_column = 'geom'").SingleAsync();
                var x = await db.Database.SqlQuery<double>($"SELECT ST_X(ST_Transform(ST_StartPoint(geom), 4326)) AS \"Value\" FROM pipelines_segments WHERE \"Id\" = {segment.Segment.Id}").SingleAsync();
                return (column, x);
            });
            Assert.Equal(4527, columnSrid);
            Assert.Equal(117.30, postgisLon, 6);
        }

        // The same registry with another zone CRS would read every pipe in the wrong place: the app does not start.
        await using var other = app.WithWebHostBuilder(b => b.UseSetting("Pipelines:Crs", "EPSG:4548"));
        var refused = Assert.ThrowsAny<Exception>(() => other.Services);
        Assert.Contains("EPSG:4527", refused.ToString());
    }
}

public sealed class ZoneCrsAppTests_Sqlite() : ZoneCrsAppTests(Provider.Sqlite);

public sealed class ZoneCrsAppTests_Postgres() : ZoneCrsAppTests(Provider.Postgres);
