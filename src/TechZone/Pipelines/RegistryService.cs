using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using TechZone.Data;
using TechZone.Pipelines.Gis;
using TechZone.Platform.Api;
using TechZone.Platform.Map;
using TechZone.Platform.Zone;

namespace TechZone.Pipelines;

/// <summary>
/// The pipeline registry (管线档案): networks and their clearances, pipe segments with every change versioned, owner
/// names, the registry as of a date, and the map layers.
/// </summary>
public sealed class RegistryService(ZoneDb db, PipelineAccessService access, IEnterpriseDirectory enterprises, PipelineIndex index, ZoneCrs zoneCrs)
{
    const int MaxFeatures = 5000;

    // ---- networks -----------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<NetworkItem>> NetworksAsync(CancellationToken ct = default)
    {
        await RequireReadOrPortalAsync();
        return await db.Set<PipeNetwork>().AsNoTracking().OrderBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new NetworkItem(n.Id, n.Code, n.Name, n.NameEn, n.ClearanceM, n.Color, n.Version)).ToListAsync(ct);
    }

    /// <summary>An admin changes a network's names, clearance or colour; the next check uses the new clearance.</summary>
    public async Task<bool> UpdateNetworkAsync(int id, NetworkRequest r, CancellationToken ct = default)
    {
        access.RequireAdmin();
        var n = await db.Set<PipeNetwork>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return false;
        if (r.Version != n.Version) throw new PipelineConflictException("Stale");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        n.Name = r.Name.Trim();
        n.NameEn = r.NameEn?.Trim() ?? "";
        n.ClearanceM = r.ClearanceM!.Value;
        n.Color = r.Color.ToLowerInvariant();
        await NextVersionAsync(ct);
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Enterprises staff may name in the module's forms: a pipe segment's owner, a request's applicant.</summary>
    public async Task<IReadOnlyList<EnterpriseRef>> SearchEnterprisesAsync(string? text, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        return await enterprises.SearchAsync(text, 20);
    }

    public async Task<IReadOnlyList<UtilityItem>> UtilitiesAsync(bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var rows = await db.Set<Utility>().AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        return rows.Select(u => new UtilityItem(u.Id, u.DisplayName(chinese), u.DepartmentId)).ToList();
    }

    // ---- pipe segments ------------------------------------------------------------------------------------------

    public async Task<PagedResult<PipeSegmentItem>> ListAsync(SegmentQuery q, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var (page, size) = Paging.Normalize(q.Page, q.PageSize);
        var (enterpriseIds, utilityIds) = await OwnerMatchesAsync(q.Owner, ct);
        if (q.AsOf is { } asOf)
        {
            var at = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var versions = db.Set<PipeSegmentVersion>().AsNoTracking().Where(v => v.ValidFromUtc < at && (v.ValidToUtc == null || v.ValidToUtc >= at)
                && v.Status != PipeStatus.Removed);
            if (q.NetworkId is { } nv) versions = versions.Where(v => v.NetworkId == nv);
            if (enterpriseIds is not null) versions = versions.Where(v => enterpriseIds.Contains(v.OwnerEnterpriseId ?? 0) || utilityIds!.Contains(v.OwnerUtilityId ?? 0));
            var totalV = await versions.CountAsync(ct);
            var rowsV = await versions.OrderBy(v => v.Code).Skip((page - 1) * size).Take(size).ToListAsync(ct);
            var itemsV = await ItemsAsync(rowsV.Select(v => (v.SegmentId, v.Revision, v.ValidFromUtc, (IPipeAttributes)v)).ToList(), chinese, ct);
            return new PagedResult<PipeSegmentItem>(itemsV, totalV, page, size);
        }
        var rows = db.Set<PipeSegment>().AsNoTracking().Where(s => s.Status != PipeStatus.Removed);
        if (q.NetworkId is { } n) rows = rows.Where(s => s.NetworkId == n);
        if (enterpriseIds is not null) rows = rows.Where(s => enterpriseIds.Contains(s.OwnerEnterpriseId ?? 0) || utilityIds!.Contains(s.OwnerUtilityId ?? 0));
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(s => s.Code).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = await ItemsAsync(list.Select(s => (s.Id, s.Revision, s.ChangedUtc, (IPipeAttributes)s)).ToList(), chinese, ct);
        return new PagedResult<PipeSegmentItem>(items, total, page, size);
    }

    public async Task<PipeSegmentDetail?> GetAsync(int id, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var s = await db.Set<PipeSegment>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var item = (await ItemsAsync([(s.Id, s.Revision, s.ChangedUtc, s)], chinese, ct))[0];
        var versions = await db.Set<PipeSegmentVersion>().AsNoTracking().Where(v => v.SegmentId == id).OrderByDescending(v => v.Revision).ToListAsync(ct);
        var owners = await OwnerNamesAsync(versions.Select(v => (v.OwnerEnterpriseId, v.OwnerUtilityId)), chinese, ct);
        var history = versions.Select(v => new PipeSegmentVersionItem(v.Revision, PipelineLabels.Utc(v.ValidFromUtc), v.ValidToUtc is { } to ? PipelineLabels.Utc(to) : null,
            v.ChangedBy, v.Reason, v.Material, v.DiameterMm, v.Section, v.DepthStartM, v.DepthEndM,
            owners[(v.OwnerEnterpriseId, v.OwnerUtilityId)].Name, v.Status, v.Quality)).ToList();
        return new PipeSegmentDetail(item, history);
    }

    public async Task<int> CreateAsync(PipeSegmentRequest r, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var geometry = await ValidateAsync(r, null, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var version = await NextVersionAsync(ct);
        var s = new PipeSegment { Revision = 1 };
        Apply(s, r, geometry, version);
        db.Add(s);
        await SaveAsync(ct);
        db.Add(NewVersion(s, r.Reason));
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return s.Id;
    }

    /// <summary>A change: the current version is closed (valid to now) and a new one opened; the index sees it at the next check.</summary>
    public async Task<bool> UpdateAsync(int id, PipeSegmentRequest r, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var s = await db.Set<PipeSegment>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return false;
        if (r.Revision != s.Revision) throw new PipelineConflictException("Stale");
        var geometry = await ValidateAsync(r, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var version = await NextVersionAsync(ct);
        Apply(s, r, geometry, version);
        s.Revision++;
        var open = await db.Set<PipeSegmentVersion>().Where(v => v.SegmentId == id && v.ValidToUtc == null).ToListAsync(ct);
        foreach (var v in open) v.ValidToUtc = s.ChangedUtc;
        db.Add(NewVersion(s, r.Reason));
        await SaveAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Writes resolved file features (an accepted as-built survey, a confirmed import) into the registry, in the
    /// caller's transaction and at one registry version: each a new pipe segment, or the next revision of the segment
    /// it replaces (its open version closed). Sets each feature's <see cref="AsBuiltFeature.SegmentId"/>. The caller saves.
    /// </summary>
    internal async Task WriteFeaturesAsync(IReadOnlyList<AsBuiltFeature> features, string reason, DateTime now, CancellationToken ct)
    {
        var version = await NextVersionAsync(ct);
        var replacedIds = features.Where(f => f.ReplacesSegmentId is not null).Select(f => f.ReplacesSegmentId!.Value).ToList();
        var replaced = new Dictionary<int, PipeSegment>();
        foreach (var chunk in replacedIds.Chunk(2000))
        {
            foreach (var s in await db.Set<PipeSegment>().Where(s => chunk.Contains(s.Id)).ToListAsync(ct)) replaced[s.Id] = s;
            foreach (var v in await db.Set<PipeSegmentVersion>().Where(v => chunk.Contains(v.SegmentId) && v.ValidToUtc == null).ToListAsync(ct)) v.ValidToUtc = now;
        }
        var created = new List<(AsBuiltFeature Feature, PipeSegment Segment)>();
        foreach (var f in features)
        {
            var s = f.ReplacesSegmentId is { } id ? replaced[id] : new PipeSegment { Revision = 0 };
            PipeSegmentVersion.Copy(f, s);
            SetGeometry(s, (LineString)PipeGeometry.FromWkb(f.Wkb));
            s.Revision++;
            s.ChangedVersion = version;
            s.ChangedUtc = now;
            if (s.Id == 0) db.Add(s);
            created.Add((f, s));
        }
        await SaveAsync(ct);
        foreach (var (f, s) in created)
        {
            f.SegmentId = s.Id;
            db.Add(NewVersion(s, reason));
        }
    }

    void Apply(PipeSegment s, PipeSegmentRequest r, LineString g, long version)
    {
        s.Code = r.Code.Trim();
        s.NetworkId = r.NetworkId!.Value;
        s.Material = r.Material.Trim();
        s.DiameterMm = r.DiameterMm;
        s.Section = string.IsNullOrWhiteSpace(r.Section) ? null : r.Section.Trim();
        s.DepthStartM = r.DepthStartM!.Value;
        s.DepthEndM = r.DepthEndM!.Value;
        s.PressureClass = string.IsNullOrWhiteSpace(r.PressureClass) ? null : r.PressureClass.Trim();
        s.OwnerEnterpriseId = r.OwnerEnterpriseId;
        s.OwnerUtilityId = r.OwnerUtilityId;
        s.BuildYear = r.BuildYear;
        s.Status = r.Status;
        s.Quality = r.Quality;
        SetGeometry(s, g);
        s.ChangedVersion = version;
        s.ChangedUtc = DateTime.UtcNow;
    }

    internal static void SetGeometry(PipeSegment s, LineString g)
    {
        var e = g.EnvelopeInternal;
        s.Wkb = PipeGeometry.ToWkb(g);
        (s.MinX, s.MinY, s.MaxX, s.MaxY) = (e.MinX, e.MinY, e.MaxX, e.MaxY);
    }

    PipeSegmentVersion NewVersion(PipeSegment s, string? reason)
    {
        var v = new PipeSegmentVersion
        {
            SegmentId = s.Id, Revision = s.Revision, MinX = s.MinX, MinY = s.MinY, MaxX = s.MaxX, MaxY = s.MaxY,
            ValidFromUtc = s.ChangedUtc, ChangedBy = db.CurrentUser.DisplayName, Reason = reason?.Trim() ?? "",
        };
        PipeSegmentVersion.Copy(s, v);
        return v;
    }

    async Task<LineString> ValidateAsync(PipeSegmentRequest r, int? id, CancellationToken ct)
    {
        if (!await db.Set<PipeNetwork>().AnyAsync(n => n.Id == r.NetworkId, ct)) throw new PipelineRuleException("NetworkUnknown");
        if ((r.OwnerEnterpriseId is null) == (r.OwnerUtilityId is null)) throw new PipelineRuleException("OwnerOne");
        if (r.OwnerEnterpriseId is { } e && (await enterprises.NamesAsync([e])).Count == 0) throw new PipelineRuleException("OwnerUnknown");
        if (r.OwnerUtilityId is { } u && !await db.Set<Utility>().AnyAsync(x => x.Id == u, ct)) throw new PipelineRuleException("OwnerUnknown");
        if (r.DiameterMm is null && string.IsNullOrWhiteSpace(r.Section)) throw new PipelineRuleException("SizeMissing");
        var code = r.Code.Trim();
        if (await db.Set<PipeSegment>().AnyAsync(s => s.Code == code && s.Id != (id ?? 0), ct)) throw new PipelineConflictException("CodeTaken", code);
        var parsed = PipeGeometry.ParseGeoJson(r.Geometry);
        if (parsed is not LineString line || line.IsEmpty || line.NumPoints < 2) throw new PipelineRuleException("LineExpected");
        if (!zoneCrs.CanTransform(r.Srid)) throw new PipelineRuleException("CrsUnsupported", r.Srid);
        Geometry zone;
        try { zone = zoneCrs.ToZone(line, r.Srid); }
        catch (GisException) { throw new PipelineRuleException("OutsideZone"); } // lon/lat off the globe
        if (!zoneCrs.Covers(zone.EnvelopeInternal)) throw new PipelineRuleException("OutsideZone");
        if (zone.Length <= 0.01) throw new PipelineRuleException("LineExpected");
        return (LineString)zone;
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new PipelineConflictException("Stale"); }
    }

    /// <summary>Bumps the registry version in the caller's transaction: the row lock orders concurrent changes.</summary>
    internal async Task<long> NextVersionAsync(CancellationToken ct)
    {
        await db.Set<PipeRegistryState>().Where(s => s.Id == 1).ExecuteUpdateAsync(u => u.SetProperty(s => s.Version, s => s.Version + 1), ct);
        return await PipelineIndex.RegistryVersionAsync(db, ct);
    }

    // ---- owners -------------------------------------------------------------------------------------------------

    internal async Task<(List<int>? Enterprises, List<int>? Utilities)> OwnerMatchesAsync(string? owner, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(owner)) return (null, null);
        var text = owner.Trim();
        var e = (await enterprises.SearchAsync(text, 200)).Select(x => x.Id).ToList();
        var u = await db.Set<Utility>().Where(x => x.Name.Contains(text) || x.NameEn.Contains(text)).Select(x => x.Id).ToListAsync(ct);
        return (e, u);
    }

    /// <summary>Display names of owners: enterprises through the Enterprises module's directory, utilities from here.</summary>
    public async Task<Dictionary<(int?, int?), OwnerRef>> OwnerNamesAsync(IEnumerable<(int? Enterprise, int? Utility)> owners, bool chinese, CancellationToken ct)
    {
        var list = owners.Distinct().ToList();
        var eNames = await enterprises.NamesAsync(list.Where(o => o.Enterprise is not null).Select(o => o.Enterprise!.Value).Distinct());
        var uIds = list.Where(o => o.Utility is not null).Select(o => o.Utility!.Value).Distinct().ToList();
        var uNames = (await db.Set<Utility>().AsNoTracking().Where(u => uIds.Contains(u.Id)).ToListAsync(ct)).ToDictionary(u => u.Id, u => u.DisplayName(chinese));
        return list.ToDictionary(o => (o.Enterprise, o.Utility), o => new OwnerRef(o.Enterprise, o.Utility,
            o.Enterprise is { } e ? eNames.GetValueOrDefault(e, "—") : o.Utility is { } u ? uNames.GetValueOrDefault(u, "—") : "—"));
    }

    async Task<IReadOnlyList<PipeSegmentItem>> ItemsAsync(IReadOnlyList<(int Id, int Revision, DateTime Changed, IPipeAttributes A)> rows, bool chinese, CancellationToken ct)
    {
        var networks = (await db.Set<PipeNetwork>().AsNoTracking().ToListAsync(ct)).ToDictionary(n => n.Id, n => n.DisplayName(chinese));
        var owners = await OwnerNamesAsync(rows.Select(r => (r.A.OwnerEnterpriseId, r.A.OwnerUtilityId)), chinese, ct);
        return rows.Select(r =>
        {
            var zone = PipeGeometry.FromWkb(r.A.Wkb);
            return new PipeSegmentItem(r.Id, r.A.Code, r.A.NetworkId, networks.GetValueOrDefault(r.A.NetworkId, ""), r.A.Material, r.A.DiameterMm, r.A.Section,
                r.A.DepthStartM, r.A.DepthEndM, r.A.PressureClass, owners[(r.A.OwnerEnterpriseId, r.A.OwnerUtilityId)], r.A.BuildYear, r.A.Status, r.A.Quality,
                Math.Round(zone.Length, 2), PipeGeometry.ToGeoJson(zoneCrs.ToWgs84(zone)), r.Revision, PipelineLabels.Utc(r.Changed));
        }).ToList();
    }

    // ---- map ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// One network's pipe segments in view as WGS84 GeoJSON: the view goes to zone metres, the conflict index's R-tree
    /// finds the segments in it, and each line is simplified for the zoom.
    /// </summary>
    public async Task<string> MapAsync(int networkId, MapBounds view, int zoom, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var network = await db.Set<PipeNetwork>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId, ct);
        if (network is null) return MapFeatures.ToGeoJson([]);
        // The conflict index holds every current segment under an R-tree, kept in step with the registry version.
        var state = await index.CurrentAsync(db, ct);
        var ids = state.Index.InView(ZoneEnvelope(view), networkId).Take(MaxFeatures).ToList();
        var rows = await db.Set<PipeSegment>().AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Code, s.Material, s.DiameterMm, s.Section, s.OwnerEnterpriseId, s.OwnerUtilityId, s.Wkb }).ToListAsync(ct);
        var owners = await OwnerNamesAsync(rows.Select(r => (r.OwnerEnterpriseId, r.OwnerUtilityId)), chinese, ct);
        var metres = zoom >= 17 ? 0 : 156_543.0 / Math.Pow(2, Math.Clamp(zoom, 0, 22)); // about a screen pixel
        return MapFeatures.ToGeoJson(rows.Select(r =>
        {
            Geometry g = PipeGeometry.FromWkb(r.Wkb);
            if (metres > 0) g = NetTopologySuite.Simplify.DouglasPeuckerSimplifier.Simplify(g, metres);
            var size = r.DiameterMm is { } d ? $"DN{d}" : r.Section ?? "";
            return new MapFeature(PipeGeometry.ToGeoJson(zoneCrs.ToWgs84(g)), r.Code, $"/pipelines/segments/{r.Id}", network.Color, "transparent",
                $"{network.DisplayName(chinese)} · {r.Material} {size} · {owners[(r.OwnerEnterpriseId, r.OwnerUtilityId)].Name}");
        }));
    }

    /// <summary>
    /// The nodes in view (valves, manholes, junctions) as WGS84 points in their network's colour; from zoom 15 on only,
    /// where single points can be told apart.
    /// </summary>
    public async Task<string> NodeMapAsync(MapBounds view, int zoom, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        if (zoom < 15) return MapFeatures.ToGeoJson([]);
        var env = ZoneEnvelope(view);
        var networks = (await db.Set<PipeNetwork>().AsNoTracking().ToListAsync(ct)).ToDictionary(n => n.Id);
        var rows = await db.Set<PipeNode>().AsNoTracking()
            .Where(n => n.X >= env.MinX && n.X <= env.MaxX && n.Y >= env.MinY && n.Y <= env.MaxY)
            .OrderBy(n => n.Id).Take(MaxFeatures)
            .Select(n => new { n.Code, n.NetworkId, n.Kind, n.X, n.Y, n.DepthM, n.OwnerEnterpriseId, n.OwnerUtilityId }).ToListAsync(ct);
        var owners = await OwnerNamesAsync(rows.Select(r => (r.OwnerEnterpriseId, r.OwnerUtilityId)), chinese, ct);
        return MapFeatures.ToGeoJson(rows.Select(r =>
        {
            var point = zoneCrs.ToWgs84(zoneCrs.Factory.CreatePoint(new Coordinate(r.X, r.Y)));
            var network = networks.GetValueOrDefault(r.NetworkId);
            var depth = r.DepthM is { } d ? " · " + PipelineLabels.Metres(d) : "";
            return new MapFeature(PipeGeometry.ToGeoJson(point), r.Code, null, network?.Color ?? "#607d8b", network?.Color ?? "#607d8b",
                $"{network?.DisplayName(chinese)} · {PipelineLabels.Node(r.Kind)}{depth} · {owners[(r.OwnerEnterpriseId, r.OwnerUtilityId)].Name}");
        }));
    }

    Envelope ZoneEnvelope(MapBounds view) =>
        zoneCrs.ToZoneClamped(new Envelope(view.MinLon, view.MaxLon, view.MinLat, view.MaxLat));

    async Task RequireReadOrPortalAsync()
    {
        if (access.OwnEnterprise is not null) return;
        await access.RequireReadAsync();
    }
}
