using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Calendar;
using TechZone.Platform.Inbox;
using TechZone.Platform.Zone;
using TechZone.Space.Resources;

namespace TechZone.Space;

/// <summary>
/// Space requests: an enterprise (from its portal) or staff for a lead asks for space; the units free from the
/// move-in date are ranked against it, each criterion with its reason; staff send offers and record the outcome
/// (accepted → a lease). An enterprise user sees and raises only its own requests (another's is 404).
/// </summary>
public sealed class SpaceRequestService(ZoneDb db, SpaceAccessService access, ZoneTime time, IEnterpriseDirectory enterprises, SpaceService space,
    NotificationService notifications)
{
    const int MaxListed = 20;

    public async Task<IReadOnlyList<SpaceRequestItem>> ListAsync(SpaceRequestQuery query, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadOrOwnAsync();
        var rows = db.Set<SpaceRequest>().AsNoTracking().Include(r => r.Offers).AsQueryable();
        if (access.OwnEnterprise is { } own) rows = rows.Where(r => r.EnterpriseId == own);
        else if (query.EnterpriseId is { } e) rows = rows.Where(r => r.EnterpriseId == e);
        if (query.Status is { } s) rows = rows.Where(r => r.Status == s);
        var list = await rows.OrderByDescending(r => r.Id).Take(500).ToListAsync(ct);
        return await ItemsAsync(list, chinese, ct);
    }

    public async Task<SpaceRequestItem?> GetAsync(int id, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadOrOwnAsync();
        var r = await db.Set<SpaceRequest>().AsNoTracking().Include(x => x.Offers).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || access.OwnEnterprise is { } own && r.EnterpriseId != own) return null;
        return (await ItemsAsync([r], chinese, ct))[0];
    }

    async Task<IReadOnlyList<SpaceRequestItem>> ItemsAsync(List<SpaceRequest> list, bool chinese, CancellationToken ct)
    {
        var parks = await space.ParkNamesAsync(chinese, ct);
        var names = await enterprises.NamesAsync(list.Where(r => r.EnterpriseId is not null).Select(r => r.EnterpriseId!.Value).Distinct());
        var unitIds = list.SelectMany(r => r.Offers.Select(o => o.UnitId)).Distinct().ToList();
        var units = await db.Set<Unit>().AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Join(db.Set<Building>(), u => u.BuildingId, b => b.Id, (u, b) => new { u.Id, u.Number, u.BuildingId, b.Name, u.AreaDm2 }).ToDictionaryAsync(x => x.Id, ct);
        return list.Select(r => new SpaceRequestItem(r.Id, r.EnterpriseId,
            r.EnterpriseId is { } e ? names.GetValueOrDefault(e, "#" + e) : r.LeadName,
            Area.M2(r.MinAreaDm2), Area.M2(r.MaxAreaDm2), r.Use, r.ParkId, r.ParkId is { } p ? parks.GetValueOrDefault(p) : null,
            r.MinFloorLoadTenths / 10m, r.NeedsCleanRoom, r.NeedsExhaust, r.NeedsLabSinks, r.MinPowerKw, r.BudgetFen, r.MoveInOn, r.Note, r.Status,
            r.CreatedByName, DateTime.SpecifyKind(r.CreatedUtc, DateTimeKind.Utc),
            r.Offers.OrderBy(o => o.Id).Select(o =>
            {
                var u = units[o.UnitId];
                return new OfferItem(o.Id, o.UnitId, u.Number, u.BuildingId, u.Name, Area.M2(u.AreaDm2), o.RentFen, o.Note, o.Status, o.SentByName,
                    DateTime.SpecifyKind(o.SentUtc, DateTimeKind.Utc), o.DecidedUtc is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null, o.LeaseId);
            }).ToList(), r.Version)).ToList();
    }

    /// <summary>Raises a request: an enterprise user for itself; staff (write grant) for an enterprise or a named lead.</summary>
    public async Task<int> CreateAsync(SpaceRequestRequest request, CancellationToken ct = default)
    {
        int? enterpriseId;
        string lead = "";
        if (access.OwnEnterprise is { } own)
        {
            if (own <= 0) throw new SpaceForbiddenException();
            enterpriseId = own;
        }
        else
        {
            await access.RequireWriteAsync();
            enterpriseId = request.EnterpriseId;
            lead = (request.LeadName ?? "").Trim();
            if (enterpriseId is null && lead.Length == 0) throw new SpaceRuleException("RequesterRequired");
            if (enterpriseId is { } e && (await enterprises.NamesAsync([e])).Count == 0) throw new SpaceRuleException("EnterpriseUnknown");
        }
        if (request.MinArea is not { } min || request.MaxArea is not { } max || request.MoveInOn is not { } moveIn) throw new SpaceRuleException("RequestIncomplete");
        if (min <= 0 || max < min) throw new SpaceRuleException("AreaRangeReversed");
        if (request.ParkId is { } park && !await db.Parks.AnyAsync(p => p.Id == park, ct)) throw new SpaceRuleException("ParkUnknown");
        var r = new SpaceRequest
        {
            EnterpriseId = enterpriseId, LeadName = enterpriseId is null ? lead : "",
            MinAreaDm2 = Area.Dm2(min), MaxAreaDm2 = Area.Dm2(max), Use = request.Use, ParkId = request.ParkId,
            MinFloorLoadTenths = (int)Math.Round((request.MinFloorLoad ?? 0) * 10), NeedsCleanRoom = request.NeedsCleanRoom,
            NeedsExhaust = request.NeedsExhaust, NeedsLabSinks = request.NeedsLabSinks, MinPowerKw = request.MinPowerKw ?? 0,
            BudgetFen = request.BudgetFen, MoveInOn = moveIn, Note = (request.Note ?? "").Trim(), Status = RequestStatus.Open,
            CreatedByName = access.User.DisplayName, CreatedUtc = DateTime.UtcNow,
        };
        db.Add(r);
        await db.SaveChangesAsync(ct);
        return r.Id;
    }

    /// <summary>
    /// Ranks the units free from the move-in date on (no lease ends on or after it) against the request. A unit that
    /// passes every criterion is a match; one that fails one or two is a near-miss, with what it lacks.
    /// </summary>
    public async Task<MatchResult?> MatchAsync(int id, bool chinese, CancellationToken ct = default)
    {
        await access.RequireReadAsync();
        var r = await db.Set<SpaceRequest>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var moveIn = r.MoveInOn;
        var candidates = await db.Set<Unit>().AsNoTracking()
            .Where(u => !db.Set<LeaseUnit>().Any(lu => lu.UnitId == u.Id && lu.EndOn >= moveIn))
            .Join(db.Set<Floor>(), u => u.FloorId, f => f.Id, (u, f) => new { u, f.Level })
            .Join(db.Set<Building>(), x => x.u.BuildingId, b => b.Id, (x, b) => new { x.u, x.Level, b.Name, b.ParkId })
            .ToListAsync(ct);
        var parks = await space.ParkNamesAsync(chinese, ct);
        var ranked = candidates.Select(x =>
        {
            var reasons = Criteria(r, x.u, x.ParkId, parks);
            var fails = reasons.Count(c => !c.Passed);
            return (Fails: fails, Match: new UnitMatch(x.u.Id, x.u.Number, x.u.BuildingId, x.Name, parks.GetValueOrDefault(x.ParkId, ""), x.Level,
                Area.M2(x.u.AreaDm2), x.u.AskingRentFen, fails == 0, Score(r, x.u, fails), reasons));
        }).ToList();
        return new MatchResult(
            ranked.Where(m => m.Fails == 0).OrderByDescending(m => m.Match.Score).ThenBy(m => m.Match.UnitId).Take(MaxListed).Select(m => m.Match).ToList(),
            ranked.Where(m => m.Fails is 1 or 2).OrderBy(m => m.Fails).ThenByDescending(m => m.Match.Score).ThenBy(m => m.Match.UnitId).Take(MaxListed).Select(m => m.Match).ToList());
    }

    static string F(string format, params object[] args) => string.Format(CultureInfo.CurrentUICulture, format, args);
    static string M2(long dm2) => Area.M2(dm2).ToString("#,0.##", CultureInfo.CurrentUICulture);
    static string Kn(int tenths) => (tenths / 10m).ToString("0.#", CultureInfo.CurrentUICulture);
    static string Yuan(long fen) => (fen / 100m).ToString("#,0.##", CultureInfo.CurrentUICulture);

    internal static List<MatchReason> Criteria(SpaceRequest r, Unit u, int parkId, IReadOnlyDictionary<int, string> parks)
    {
        var list = new List<MatchReason>();
        void Add(string criterion, bool passed, string text) => list.Add(new MatchReason(criterion, passed, text));
        if (r.ParkId is { } park)
            Add("park", parkId == park, parkId == park ? F(SpaceStrings.Match_ParkOk, parks.GetValueOrDefault(park, ""))
                : F(SpaceStrings.Match_ParkOther, parks.GetValueOrDefault(parkId, ""), parks.GetValueOrDefault(park, "")));
        if (r.Use is { } use)
            Add("use", u.Use == use, u.Use == use ? F(SpaceStrings.Match_UseOk, SpaceLabels.Use(use)) : F(SpaceStrings.Match_UseOther, SpaceLabels.Use(u.Use), SpaceLabels.Use(use)));
        if (u.AreaDm2 < r.MinAreaDm2) Add("area", false, F(SpaceStrings.Match_AreaSmall, M2(u.AreaDm2), M2(r.MinAreaDm2)));
        else if (u.AreaDm2 > r.MaxAreaDm2) Add("area", false, F(SpaceStrings.Match_AreaLarge, M2(u.AreaDm2), M2(r.MaxAreaDm2)));
        else Add("area", true, F(SpaceStrings.Match_AreaOk, M2(u.AreaDm2), M2(r.MinAreaDm2), M2(r.MaxAreaDm2)));
        if (r.MinFloorLoadTenths > 0)
            Add("floorLoad", u.FloorLoadTenths >= r.MinFloorLoadTenths, F(u.FloorLoadTenths >= r.MinFloorLoadTenths ? SpaceStrings.Match_LoadOk : SpaceStrings.Match_LoadLow,
                Kn(u.FloorLoadTenths), Kn(r.MinFloorLoadTenths)));
        if (r.NeedsCleanRoom) Add("cleanRoom", u.CleanRoom, u.CleanRoom ? SpaceStrings.Match_CleanRoomOk : SpaceStrings.Match_CleanRoomMissing);
        if (r.NeedsExhaust) Add("exhaust", u.Exhaust, u.Exhaust ? SpaceStrings.Match_ExhaustOk : SpaceStrings.Match_ExhaustMissing);
        if (r.NeedsLabSinks) Add("labSinks", u.LabSinks, u.LabSinks ? SpaceStrings.Match_SinksOk : SpaceStrings.Match_SinksMissing);
        if (r.MinPowerKw > 0)
            Add("power", u.PowerKw >= r.MinPowerKw, F(u.PowerKw >= r.MinPowerKw ? SpaceStrings.Match_PowerOk : SpaceStrings.Match_PowerLow, u.PowerKw, r.MinPowerKw));
        if (r.BudgetFen is { } budget)
            Add("budget", u.AskingRentFen <= budget, F(u.AskingRentFen <= budget ? SpaceStrings.Match_RentOk : SpaceStrings.Match_RentHigh, Yuan(u.AskingRentFen), Yuan(budget)));
        return list;
    }

    /// <summary>Best first: fewer failed criteria, an area near the middle of the range, a rent well within budget.</summary>
    static int Score(SpaceRequest r, Unit u, int fails)
    {
        var mid = (r.MinAreaDm2 + r.MaxAreaDm2) / 2.0;
        var areaFit = mid <= 0 ? 0 : Math.Min(1, Math.Abs(u.AreaDm2 - mid) / mid);
        var rentFit = r.BudgetFen is { } b && b > 0 ? Math.Min(1, (double)u.AskingRentFen / b) : 0.5;
        return (int)Math.Round(100 - fails * 25 - areaFit * 40 - rentFit * 20);
    }

    /// <summary>Offers a unit to the request. The unit must be free from the move-in date on.</summary>
    public async Task<bool> OfferAsync(int id, OfferRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var r = await db.Set<SpaceRequest>().Include(x => x.Offers).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return false;
        if (r.Status is RequestStatus.Leased or RequestStatus.Closed) throw new SpaceConflictException("RequestClosed");
        if (request.UnitId is not { } unitId) throw new SpaceRuleException("UnitUnknown");
        var unit = await db.Set<Unit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new SpaceRuleException("UnitUnknown");
        if (await db.Set<LeaseUnit>().AnyAsync(lu => lu.UnitId == unitId && lu.EndOn >= r.MoveInOn, ct)) throw new SpaceConflictException("UnitNotFree", unit.Number);
        if (r.Offers.Any(o => o.UnitId == unitId && o.Status == OfferStatus.Sent)) throw new SpaceConflictException("AlreadyOffered", unit.Number);
        r.Offers.Add(new SpaceOffer
        {
            UnitId = unitId, RentFen = request.RentFen ?? unit.AskingRentFen, Note = (request.Note ?? "").Trim(), Status = OfferStatus.Sent,
            SentByName = access.User.DisplayName, SentUtc = DateTime.UtcNow,
        });
        r.Status = RequestStatus.Offered;
        // The enterprise's portal users hear of the offer; the notification is saved with it.
        var users = r.EnterpriseId is { } e
            ? await db.Users.AsNoTracking().Where(u => u.EnterpriseId == e && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct) : [];
        if (users.Count == 0) await db.SaveChangesAsync(ct);
        else
        {
            var building = await db.Set<Building>().Where(b => b.Id == unit.BuildingId).Select(b => b.Name).SingleAsync(ct);
            var rent = request.RentFen ?? unit.AskingRentFen;
            string T(string key, string culture, params object[] args)
            {
                var c = CultureInfo.GetCultureInfo(culture);
                return string.Format(c, SpaceStrings.ResourceManager.GetString(key, c)!, args);
            }
            await notifications.NotifyAsync(users, new NotificationMessage(
                T(nameof(SpaceStrings.Notify_Offer), "zh-CN", building, unit.Number), T(nameof(SpaceStrings.Notify_Offer), "en", building, unit.Number),
                T(nameof(SpaceStrings.Notify_OfferBody), "zh-CN", M2(unit.AreaDm2), Yuan(rent)), T(nameof(SpaceStrings.Notify_OfferBody), "en", M2(unit.AreaDm2), Yuan(rent)),
                "/my/space"), ct: ct);
        }
        return true;
    }

    /// <summary>
    /// Records what came of an offer. Accepted: the unit is leased to the requesting enterprise from the move-in date
    /// for the given years (409 when it was leased meanwhile) and the request is done. Declined: the request stays open.
    /// </summary>
    public async Task<bool> OutcomeAsync(int id, int offerId, OfferOutcomeRequest request, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var r = await db.Set<SpaceRequest>().Include(x => x.Offers).SingleOrDefaultAsync(x => x.Id == id, ct);
        var offer = r?.Offers.SingleOrDefault(o => o.Id == offerId);
        if (r is null || offer is null) return false;
        if (offer.Status != OfferStatus.Sent) throw new SpaceConflictException("OfferDecided");
        if (request.Accepted is not { } accepted) throw new SpaceRuleException("OutcomeRequired");
        offer.DecidedUtc = DateTime.UtcNow;
        if (!accepted)
        {
            offer.Status = OfferStatus.Declined;
            if (r.Offers.All(o => o.Status != OfferStatus.Sent)) r.Status = RequestStatus.Open;
            await db.SaveChangesAsync(ct);
            return true;
        }
        if (r.EnterpriseId is not { } enterpriseId) throw new SpaceRuleException("LeadNotRegistered");
        var years = request.Years ?? 3;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var leaseId = await space.LeaseAsync(new LeaseRequest
        {
            EnterpriseId = enterpriseId, UnitIds = [offer.UnitId], StartOn = r.MoveInOn, EndOn = r.MoveInOn.AddYears(years).AddDays(-1), RentFen = offer.RentFen,
        }, r.Id, ct);
        offer.Status = OfferStatus.Accepted;
        offer.LeaseId = leaseId;
        foreach (var other in r.Offers.Where(o => o.Status == OfferStatus.Sent)) { other.Status = OfferStatus.Declined; other.DecidedUtc = DateTime.UtcNow; }
        r.Status = RequestStatus.Leased;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Closes a request nobody will fill (withdrawn, found space elsewhere).</summary>
    public async Task<bool> CloseAsync(int id, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var r = await db.Set<SpaceRequest>().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return false;
        if (r.Status is RequestStatus.Leased or RequestStatus.Closed) throw new SpaceConflictException("RequestClosed");
        r.Status = RequestStatus.Closed;
        await db.SaveChangesAsync(ct);
        return true;
    }

    internal DateOnly Today => time.Today;
}
