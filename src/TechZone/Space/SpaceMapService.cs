using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Map;

namespace TechZone.Space;

/// <summary>
/// The zone map's layers as GeoJSON: only the features whose bounding box meets the view, simplified for the zoom.
/// Parks, parcels (low-efficiency ones in red on their layer), buildings (coloured by vacancy rate on theirs).
/// </summary>
public sealed class SpaceMapService(ZoneDb db, SpaceAccessService access, OccupancyService occupancy, LandService land)
{
    const int MaxFeatures = 5000;

    static IQueryable<T> InView<T>(IQueryable<T> rows, MapBounds v) where T : class, IGeoFeature =>
        rows.Where(f => f.Geometry != null && f.MaxLon >= v.MinLon && f.MinLon <= v.MaxLon && f.MaxLat >= v.MinLat && f.MinLat <= v.MaxLat);

    public async Task<string> ParksAsync(MapBounds view, int zoom, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var rows = await InView(db.Set<ParkBoundary>().AsNoTracking(), view).Take(MaxFeatures).ToListAsync(ct);
        var parks = (await db.Parks.AsNoTracking().ToListAsync(ct)).ToDictionary(p => p.Id, p => p.DisplayName(chinese));
        var tolerance = MapBounds.ToleranceFor(zoom);
        return MapFeatures.ToGeoJson(rows.Select(p => new MapFeature(Geo.Simplified(p.Geometry!, tolerance), parks.GetValueOrDefault(p.ParkId, ""),
            $"/space?park={p.ParkId}", "#1565c0", "transparent")));
    }

    /// <summary>Parcels; with <paramref name="efficiency"/>, low-efficiency ones red and the rest green, else by status.</summary>
    public async Task<string> ParcelsAsync(MapBounds view, int zoom, bool efficiency, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var ids = await InView(db.Set<Parcel>().AsNoTracking(), view).OrderBy(p => p.Id).Take(MaxFeatures).Select(p => p.Id).ToListAsync(ct);
        var idSet = ids.ToHashSet();
        var parcels = (await land.ListAsync(new ParcelQuery(), chinese, ct)).Where(p => idSet.Contains(p.Id));
        var tolerance = MapBounds.ToleranceFor(zoom);
        return MapFeatures.ToGeoJson(parcels.Select(p =>
        {
            var color = efficiency ? (p.LowEfficiency ? "#c62828" : "#2e7d32") : "#6d4c41";
            var detail = p.LowEfficiency ? string.Join("; ", p.Reasons) : SpaceLabels.ParcelStatus(p.Status);
            return new MapFeature(Geo.Simplified(p.Geometry!, tolerance), p.Number, $"/land/parcels/{p.Id}", color, color, detail);
        }));
    }

    /// <summary>Buildings coloured by their vacancy rate from leases: green below 10 %, amber to 30 %, red above.</summary>
    public async Task<string> BuildingsAsync(MapBounds view, int zoom, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var rows = await InView(db.Set<Building>().AsNoTracking(), view).OrderBy(b => b.Id).Take(MaxFeatures).ToListAsync(ct);
        var facts = (await occupancy.FactsAsync(rows.Select(b => b.Id).ToList(), ct)).ToLookup(f => f.BuildingId);
        var tolerance = MapBounds.ToleranceFor(zoom);
        return MapFeatures.ToGeoJson(rows.Select(b =>
        {
            var rates = OccupancyService.Rates(facts[b.Id]);
            var color = rates.VacancyRate switch { null => "#757575", < 0.10m => "#2e7d32", < 0.30m => "#f9a825", _ => "#c62828" };
            var detail = rates.VacancyRate is { } r ? string.Format(CultureInfo.CurrentUICulture, Resources.SpaceStrings.Map_Vacancy, SpaceLabels.Percent(r)) : null;
            return new MapFeature(Geo.Simplified(b.Geometry!, tolerance), b.Name, $"/space/buildings/{b.Id}", color, color, detail);
        }));
    }
}
