using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using TechZone.Data;
using TechZone.Platform.Zone;
using TechZone.Space.Resources;

namespace TechZone.Space;

/// <summary>
/// Imports parcels or buildings from a GeoJSON FeatureCollection. A dry run reports, feature by feature, what would
/// be created or updated and what stops a feature (invalid geometry, missing or unknown attributes), writing nothing;
/// confirmed, it writes the valid features in one transaction. Parcels are matched by number, buildings by park and name.
/// </summary>
public sealed class GeoImportService(ZoneDb db, SpaceAccessService access, IEnterpriseDirectory enterprises)
{
    public const int MaxFeatures = 5000;

    sealed record Parsed(int Index, string Key, List<string> Problems, Geometry? Geometry, JsonElement Properties);

    public async Task<GeoImportReport> ImportAsync(GeoImportRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        if (request.Kind is not { } kind) throw new SpaceRuleException("ImportKindRequired");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(request.GeoJson ?? ""); }
        catch (JsonException) { throw new SpaceRuleException("GeoJsonInvalid"); }
        using var owned = doc;
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            throw new SpaceRuleException("GeoJsonNotCollection");
        if (features.GetArrayLength() > MaxFeatures) throw new SpaceRuleException("GeoJsonTooMany", MaxFeatures);

        var parks = await db.Parks.AsNoTracking().ToListAsync(ct);
        var parsed = new List<Parsed>();
        var i = 0;
        foreach (var f in features.EnumerateArray())
        {
            i++;
            var problems = new List<string>();
            Geometry? geometry = null;
            if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object)
                problems.Add(SpaceStrings.Import_NoGeometry);
            else
            {
                geometry = Geo.TryParse(g.GetRawText());
                if (Geo.Problem(geometry) is { } problem) problems.Add(Message(problem));
                else if (geometry is not (Polygon or MultiPolygon)) problems.Add(SpaceStrings.Import_NotPolygon);
            }
            var props = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : default;
            var key = Text(props, kind == ImportKind.Parcels ? "number" : "name") ?? "";
            parsed.Add(new Parsed(i, key, problems, geometry, props));
        }

        var reports = new List<FeatureReport>();
        var seen = new HashSet<string>();
        foreach (var x in parsed)
        {
            var parkCode = Text(x.Properties, "park");
            var park = parks.FirstOrDefault(p => p.Code == parkCode || p.Name == parkCode);
            if (x.Key.Length == 0) x.Problems.Add(string.Format(CultureInfo.CurrentUICulture, SpaceStrings.Import_Missing, kind == ImportKind.Parcels ? "number" : "name"));
            if (parkCode is null) x.Problems.Add(string.Format(CultureInfo.CurrentUICulture, SpaceStrings.Import_Missing, "park"));
            else if (park is null) x.Problems.Add(string.Format(CultureInfo.CurrentUICulture, SpaceStrings.Import_UnknownPark, parkCode));
            if (x.Key.Length > 0 && !seen.Add((park?.Id ?? 0) + "/" + x.Key)) x.Problems.Add(SpaceStrings.Import_Duplicate);
            var exists = false;
            if (kind == ImportKind.Parcels)
            {
                CheckEnum<LandUse>(x, "landUse", required: true);
                CheckEnum<ParcelStatus>(x, "status", required: false);
                if (Text(x.Properties, "acquiredOn") is { } d && !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    x.Problems.Add(string.Format(CultureInfo.CurrentUICulture, SpaceStrings.Import_BadValue, "acquiredOn", d));
                if (Text(x.Properties, "holderCreditCode") is { } code && (await enterprises.SearchAsync(code, 1)).FirstOrDefault(e => e.CreditCode == code) is null)
                    x.Problems.Add(string.Format(CultureInfo.CurrentUICulture, SpaceStrings.Import_UnknownHolder, code));
                if (x.Key.Length > 0) exists = await db.Set<Parcel>().AnyAsync(p => p.Number == x.Key, ct);
            }
            else
            {
                CheckEnum<BuildingType>(x, "type", required: true);
                if (!exists && Number(x.Properties, "leasableArea") is null && x.Key.Length > 0 && park is not null
                    && !await db.Set<Building>().AnyAsync(b => b.ParkId == park.Id && b.Name == x.Key, ct))
                    x.Problems.Add(string.Format(CultureInfo.CurrentUICulture, SpaceStrings.Import_Missing, "leasableArea"));
                if (park is not null && x.Key.Length > 0) exists = await db.Set<Building>().AnyAsync(b => b.ParkId == park.Id && b.Name == x.Key, ct);
            }
            reports.Add(new FeatureReport(x.Index, x.Key, x.Problems.Count > 0 ? FeatureAction.Skip : exists ? FeatureAction.Update : FeatureAction.Create, x.Problems.ToList()));
        }

        var valid = parsed.Where(x => x.Problems.Count == 0).ToList();
        var written = false;
        if (request.Confirm && valid.Count > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var x in valid)
            {
                var park = parks.First(p => p.Code == Text(x.Properties, "park") || p.Name == Text(x.Properties, "park"));
                if (kind == ImportKind.Parcels) await WriteParcelAsync(x, park.Id, ct);
                else await WriteBuildingAsync(x, park.Id, ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            written = true;
        }
        return new GeoImportReport(kind, written, parsed.Count, valid.Count, parsed.Count - valid.Count, reports);
    }

    async Task WriteParcelAsync(Parsed x, int parkId, CancellationToken ct)
    {
        var parcel = await db.Set<Parcel>().SingleOrDefaultAsync(p => p.Number == x.Key, ct);
        if (parcel is null) db.Add(parcel = new Parcel { Number = x.Key, Status = ParcelStatus.Unallocated });
        parcel.ParkId = parkId;
        parcel.LandUse = Enum.Parse<LandUse>(Text(x.Properties, "landUse")!, true);
        if (Text(x.Properties, "status") is { } s) parcel.Status = Enum.Parse<ParcelStatus>(s, true);
        var areaM2 = Number(x.Properties, "areaM2") ?? (Number(x.Properties, "areaMu") is { } mu ? mu * Parcel.SquareMetresPerMu : Geo.AreaM2(x.Geometry!));
        parcel.AreaDm2 = (long)Math.Round(areaM2 * 100);
        if (Number(x.Properties, "plotRatio") is { } ratio) parcel.PlotRatio = ratio;
        if (Text(x.Properties, "acquiredOn") is { } d) parcel.AcquiredOn = DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Text(x.Properties, "holderCreditCode") is { } code)
            parcel.HolderId = (await enterprises.SearchAsync(code, 1)).First(e => e.CreditCode == code).Id;
        Geo.Apply(parcel, x.Geometry);
    }

    async Task WriteBuildingAsync(Parsed x, int parkId, CancellationToken ct)
    {
        var b = await db.Set<Building>().SingleOrDefaultAsync(b => b.ParkId == parkId && b.Name == x.Key, ct);
        if (b is null) db.Add(b = new Building { ParkId = parkId, Name = x.Key, FloorCount = 1 });
        b.Type = Enum.Parse<BuildingType>(Text(x.Properties, "type")!, true);
        if (Number(x.Properties, "leasableArea") is { } leasable) b.LeasableAreaDm2 = (long)Math.Round(leasable * 100);
        b.GrossAreaDm2 = Number(x.Properties, "grossArea") is { } gross ? (long)Math.Round(gross * 100) : Math.Max(b.GrossAreaDm2, b.LeasableAreaDm2);
        if (Number(x.Properties, "floors") is { } floors) b.FloorCount = Math.Max(1, (int)floors);
        if (Text(x.Properties, "owner") is { } owner) b.Owner = owner;
        if (Text(x.Properties, "address") is { } address) b.Address = address;
        if (Text(x.Properties, "parcel") is { } number && await db.Set<Parcel>().SingleOrDefaultAsync(p => p.Number == number, ct) is { } parcel) b.ParcelId = parcel.Id;
        Geo.Apply(b, x.Geometry);
    }

    static void CheckEnum<T>(Parsed x, string name, bool required) where T : struct, Enum
    {
        var value = Text(x.Properties, name);
        if (value is null) { if (required) x.Problems.Add(string.Format(CultureInfo.CurrentUICulture, SpaceStrings.Import_Missing, name)); return; }
        if (!Enum.TryParse<T>(value, true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(value, out _))
            x.Problems.Add(string.Format(CultureInfo.CurrentUICulture, SpaceStrings.Import_BadValue, name, value));
    }

    static string? Text(JsonElement props, string name) =>
        props.ValueKind == JsonValueKind.Object && props.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s.Trim() : null, JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;

    static double? Number(JsonElement props, string name) =>
        props.ValueKind == JsonValueKind.Object && props.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d > 0 ? d : null;

    static string Message(string code) => SpaceStrings.ResourceManager.GetString("Error_" + code, CultureInfo.CurrentUICulture) ?? code;
}
