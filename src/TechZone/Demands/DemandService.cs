using Microsoft.AspNetCore.Authorization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using TechZone.Data;
using TechZone.Demands.Resources;
using TechZone.Enterprises;
using TechZone.Platform;
using TechZone.Platform.Api;
using TechZone.Platform.Calendar;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.Platform.Text;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

/// <summary>
/// The demand loop: raise → route → work → answer → rate/close, with reject and reopen. Data scope is enforced
/// here: an enterprise user sees and acts on its own enterprise's demands only (any other is "not found"), and staff
/// act only on the parts of their own department.
/// </summary>
public sealed class DemandService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, WorkCalendar calendar,
    InboxService inbox, NotificationService notifications, IEnterpriseDirectory directory, EnterpriseService enterprises,
    DemandSetupService setup, TimeProvider clock)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---------------------------------------------------------------- reading

    /// <summary>
    /// How far a demand list counts its matches (<see cref="PagedResult{T}.TotalCapped"/> beyond). Each counted match
    /// may cost a probe of another index (a department's parts, the title's words), so a broad filter is counted only
    /// as far as people page: 50 pages of 20.
    /// </summary>
    public const int CountCap = 1_000;

    public async Task<PagedResult<DemandSummary>> SearchAsync(DemandQuery query, bool chinese, CancellationToken ct = default)
    {
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var lights = await LightsAsync(ct);
        var rows = await FilterAsync(query, lights, ct);
        // A zone holds millions of demands: counting every match of a broad filter costs more than the page itself,
        // and nobody pages past the thousandth row, so the count stops there (the list says "more than").
        var total = await rows.Take(CountCap + 1).CountAsync(ct);
        var searching = !string.IsNullOrWhiteSpace(query.Search);
        var sorted = query.Sort == DemandSort.Due
            ? (query.Descending == true ? rows.OrderByDescending(d => d.DueUtc) : rows.OrderBy(d => d.DueUtc == null).ThenBy(d => d.DueUtc)).ThenByDescending(d => d.Id)
            // A text search matches an unknown share: walking the RaisedUtc index and reading each demand to test its
            // title took seconds when few match. Ids are given in the order demands are raised, so the id order
            // (the table's own) is the same newest-first list without the random reads.
            : searching ? (query.Descending == false ? rows.OrderBy(d => d.Id) : rows.OrderByDescending(d => d.Id))
            : query.Descending == false ? rows.OrderBy(d => d.RaisedUtc).ThenBy(d => d.Id) : rows.OrderByDescending(d => d.RaisedUtc).ThenByDescending(d => d.Id);
        // The page's ids first: the sort then reads only index columns (a light's thousands of demands sorted by
        // RaisedUtc from the (DueUtc, RaisedUtc) index), and only the twenty rows shown are read whole.
        var skip = (page - 1) * pageSize; // a plain variable: EF compiles a computed query argument on every execution
        var pageIds = sorted.Skip(skip).Take(pageSize).Select(d => d.Id);
        List<int> ids;
        // A common phrase (more matches than counted) is found sooner by walking the newest ids and testing each
        // title than by collecting every match from the index first, which PostgreSQL does because it judges a
        // phrase of common characters rare (0.4–0.8 s for 产业空间 in a million titles, 2 ms for the walk). With
        // bitmap scans off for this one statement the GIN index cannot be used, so it walks. A rare one stays with the index.
        if (searching && total > CountCap && query.Sort != DemandSort.Due && db.Database.IsNpgsql())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_bitmapscan = off", ct);
            ids = await pageIds.ToListAsync(ct);
            await transaction.CommitAsync(ct);
        }
        else ids = await pageIds.ToListAsync(ct);
        var found = await SummariesAsync(db.Set<Demand>().AsNoTracking().Where(d => ids.Contains(d.Id)), lights, chinese, ct);
        var items = found.OrderBy(d => ids.IndexOf(d.Id)).ToList();
        return new PagedResult<DemandSummary>(items, Math.Min(total, CountCap), page, pageSize, total > CountCap);
    }

    async Task<IQueryable<Demand>> FilterAsync(DemandQuery query, DemandLights lights, CancellationToken ct)
    {
        var rows = db.Set<Demand>().AsNoTracking();
        if (!current.IsInternal)
            rows = rows.Where(d => d.EnterpriseId == current.EnterpriseId);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            var number = int.TryParse(s.TrimStart('#'), out var n) ? n : 0;
            // The enterprise's name (pinyin too) through the registry: the first matches are plenty for a search box.
            var named = current.IsInternal ? (await directory.SearchAsync(s, 50)).Select(e => e.Id).ToList() : [];
            // The title through the full-text index (a substring scan read every demand): FTS5 on SQLite (made by
            // the Demands_TitleSearch migration), a GIN index over the stored TitleVector on PostgreSQL. Only the
            // alternatives that can match are asked for: each OR makes the database collect every match first.
            var matches = new List<Expression<Func<Demand, bool>>>();
            if (db.Database.IsNpgsql())
            {
                if (TextTokens.TsQuery(s) is { } tsQuery)
                    matches.Add(d => EF.Property<NpgsqlTsVector>(d, DemandConfiguration.TitleVector).Matches(EF.Functions.ToTsQuery("simple", tsQuery)));
            }
            else if (TextTokens.Fts5Query(s) is { } match)
                // A subquery of the same statement: the database joins the index's matches with the other filters.
                matches.Add(d => db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM demands_title_fts WHERE demands_title_fts MATCH {match}").Contains(d.Id));
            if (number > 0) matches.Add(d => d.Id == number);
            if (named.Count > 0) matches.Add(d => named.Contains(d.EnterpriseId));
            rows = rows.Where(Predicates.AnyOf(matches));
        }
        if (query.Status is { } status) rows = rows.Where(d => d.Status == status);
        if (query.Open == true) rows = rows.Where(Demand.OpenInDb);
        if (query.CategoryId is { } category)
        {
            var ids = (await setup.CategoriesAsync(ct)).SubtreeOf(category);
            rows = rows.Where(d => ids.Contains(d.CategoryId));
        }
        if (query.DepartmentId is { } department) rows = rows.Where(d => d.Parts.Any(p => p.DepartmentId == department));
        if (query.ParkId is { } park) rows = rows.Where(d => d.ParkId == park);
        if (query.EnterpriseId is { } enterprise) rows = rows.Where(d => d.EnterpriseId == enterprise);
        rows = query.Light switch
        {
            DemandLight.Red => rows.Where(d => d.DueUtc != null && d.DueUtc < lights.Now),
            DemandLight.Yellow => rows.Where(d => d.DueUtc != null && d.DueUtc >= lights.Now && d.DueUtc <= lights.YellowUntil),
            DemandLight.Green => rows.Where(d => d.DueUtc != null && d.DueUtc > lights.YellowUntil),
            DemandLight.None => rows.Where(d => d.DueUtc == null),
            _ => rows,
        };
        return rows;
    }

    internal async Task<IReadOnlyList<DemandSummary>> SummariesAsync(IQueryable<Demand> rows, DemandLights lights, bool chinese, CancellationToken ct)
    {
        var page = await rows.Select(d => new
        {
            d.Id, d.Title, d.EnterpriseId, d.CategoryId, d.Status, d.DueUtc, d.RaisedUtc, d.Channel,
            Departments = d.Parts.OrderBy(p => p.Id).Select(p => p.DepartmentId).ToList(),
        }).ToListAsync(ct);
        var names = await directory.NamesAsync(page.Select(d => d.EnterpriseId).Distinct());
        var categories = await setup.CategoriesAsync(ct);
        var departments = await DepartmentNamesAsync(chinese, ct);
        return page.Select(d => new DemandSummary(d.Id, d.Title, d.EnterpriseId, names.GetValueOrDefault(d.EnterpriseId, ""),
            categories.Path(d.CategoryId, chinese), d.Status, lights.Of(DbTime.Utc(d.DueUtc)), DbTime.Utc(d.DueUtc), DbTime.Utc(d.RaisedUtc), d.Channel,
            d.Departments.Distinct().Select(id => departments.GetValueOrDefault(id, "")).ToList())).ToList();
    }

    /// <summary>One demand, or null if it does not exist or is not the caller's to see.</summary>
    public async Task<DemandDetail?> GetAsync(int id, bool chinese, CancellationToken ct = default)
    {
        var d = await db.Set<Demand>().AsNoTracking().AsSplitQuery()
            .Include(x => x.Parts).Include(x => x.Events)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !MaySee(d)) return null;

        var lights = await LightsAsync(ct);
        var categories = await setup.CategoriesAsync(ct);
        var departments = await DepartmentNamesAsync(chinese, ct);
        var enterpriseName = (await directory.NamesAsync([d.EnterpriseId])).GetValueOrDefault(d.EnterpriseId, "");
        var parkName = d.ParkId is { } parkId
            ? await db.Parks.AsNoTracking().Where(p => p.Id == parkId).Select(p => chinese || p.NameEn == "" ? p.Name : p.NameEn).FirstOrDefaultAsync(ct)
            : null;
        var canWrite = await CanWriteAsync();
        var holds = d.Parts.Any(p => Owns(p));
        DemandRef? duplicate = null;
        if (current.IsInternal && d.PossibleDuplicateOfId is { } dupId)
            duplicate = await db.Set<Demand>().AsNoTracking().Where(x => x.Id == dupId)
                .Select(x => new DemandRef(x.Id, x.Title, x.Status)).FirstOrDefaultAsync(ct);

        var ownEnterprise = current.IsEnterprise && d.EnterpriseId == current.EnterpriseId;
        var reopenUntil = d.ClosedUtc is { } closed ? DbTime.Utc(closed).AddDays(DemandRules.ReopenDays) : (DateTime?)null;
        var actions = new DemandActions(
            Assign: canWrite && d.IsOpen && d.Parts.Count == 0,
            Split: canWrite && d.IsOpen && (holds || current.IsAdmin),
            Reject: canWrite && d.IsOpen && d.Status != DemandStatus.Answered && (holds || current.IsAdmin || d.Parts.Count == 0),
            Close: canWrite && d.Status == DemandStatus.Answered && (holds || current.IsAdmin),
            Rate: ownEnterprise && (d.Status == DemandStatus.Answered || d.Status == DemandStatus.Closed && d.Rating is null && Now <= reopenUntil),
            Reopen: (ownEnterprise || current.IsAdmin) && !d.IsOpen && Now <= reopenUntil,
            ReopenUntilUtc: d.IsOpen ? null : reopenUntil,
            ClearDuplicate: canWrite && duplicate is not null);

        var hidden = current.IsInternal ? [] : new[] { DemandEventKind.Escalated, DemandEventKind.DuplicateCleared };
        return new DemandDetail(d.Id, d.Title, d.Description, d.EnterpriseId, enterpriseName, d.CategoryId, categories.Path(d.CategoryId, chinese),
            parkName, d.Channel, d.VisitId, d.RaisedByName, DbTime.Utc(d.RaisedUtc), d.Status, lights.Of(DbTime.Utc(d.DueUtc)), DbTime.Utc(d.DueUtc),
            DbTime.Utc(d.ClosedUtc), d.RejectReason, d.Rating, d.RatingComment, d.ReopenCount, duplicate, d.Version,
            d.Parts.OrderBy(p => p.Id).Select(p => new DemandPartItem(p.Id, p.DepartmentId, departments.GetValueOrDefault(p.DepartmentId, ""), p.Scope,
                p.Status, DbTime.Utc(p.AssignedUtc), DbTime.Utc(p.DueUtc), p.SlaDays,
                p.Status == PartStatus.Answered || !d.IsOpen ? DemandLight.None : lights.Of(DbTime.Utc(p.DueUtc)),
                p.Answer, DbTime.Utc(p.AnsweredUtc), p.AnsweredByName,
                p.AnsweredUtc is { } answered ? DbTime.Utc(answered) <= DbTime.Utc(p.DueUtc) : null,
                current.IsInternal && p.EscalatedUtc is not null, p.Version,
                canWrite && d.IsOpen && p.Status != PartStatus.Answered && Owns(p))).ToList(),
            d.Events.Where(e => !hidden.Contains(e.Kind)).OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                .Select(e => new DemandEventItem(e.Kind, DbTime.Utc(e.AtUtc), e.ByName,
                    e.DepartmentId is { } dep ? departments.GetValueOrDefault(dep) : null,
                    !current.IsInternal && e.Kind == DemandEventKind.Reassigned ? "" : e.Note)).ToList(),
            actions);
    }

    /// <summary>
    /// Open demands that look like the draft: same category, same enterprise or park, similar wording. An
    /// enterprise user is shown its own enterprise's only.
    /// </summary>
    public async Task<IReadOnlyList<DemandRef>> SimilarAsync(int enterpriseId, int? parkId, int categoryId, string title, string description, CancellationToken ct = default)
    {
        var candidates = db.Set<Demand>().AsNoTracking()
            .Where(d => d.CategoryId == categoryId && d.Status != DemandStatus.Closed && d.Status != DemandStatus.Rejected);
        candidates = current.IsInternal && parkId is { } park
            ? candidates.Where(d => d.EnterpriseId == enterpriseId || d.ParkId == park)
            : candidates.Where(d => d.EnterpriseId == enterpriseId);
        // The newest few hundred are enough: duplicates are raised close together.
        var recent = await candidates.OrderByDescending(d => d.Id).Take(300)
            .Select(d => new { d.Id, d.Title, d.Description, d.Status }).ToListAsync(ct);
        var draft = TextSimilarity.Shingles(title + " " + description);
        return recent.Select(d => (d, score: TextSimilarity.Dice(draft, TextSimilarity.Shingles(d.Title + " " + d.Description))))
            .Where(x => x.score >= TextSimilarity.DuplicateThreshold)
            .OrderByDescending(x => x.score).Take(5)
            .Select(x => new DemandRef(x.d.Id, x.d.Title, x.d.Status)).ToList();
    }

    /// <summary>Open demands like a draft that is about to be raised; nothing when the draft is too incomplete to compare.</summary>
    public async Task<IReadOnlyList<DemandRef>> SimilarDraftAsync(RaiseDemandRequest draft, CancellationToken ct = default)
    {
        var enterpriseId = current.IsEnterprise ? current.EnterpriseId : draft.EnterpriseId;
        if (enterpriseId is not { } e || draft.CategoryId is not { } category || string.IsNullOrWhiteSpace(draft.Title)) return [];
        if (!current.IsInternal && !current.IsEnterprise) return [];
        var enterprise = await enterprises.GetAsync(e, chinese: true);
        if (enterprise is null) return [];
        return await SimilarAsync(e, enterprise.ParkId, category, draft.Title.Trim(), draft.Description?.Trim() ?? "", ct);
    }

    // ---------------------------------------------------------------- raising

    /// <summary>Raises a demand, routes it to a department by the rules, and puts it in that department's inbox.</summary>
    public async Task<int> RaiseAsync(RaiseDemandRequest request, CancellationToken ct = default)
    {
        int enterpriseId;
        DemandChannel channel;
        if (current.IsEnterprise)
        {
            enterpriseId = current.EnterpriseId ?? throw new DemandForbiddenException();
            channel = DemandChannel.Portal;
        }
        else
        {
            await RequireWriteAsync();
            enterpriseId = request.EnterpriseId ?? throw new DemandRuleException("EnterpriseRequired");
            channel = request.VisitId is not null ? DemandChannel.Visit : request.Channel ?? DemandChannel.Phone;
            if (channel == DemandChannel.Portal) throw new DemandRuleException("PortalChannelIsEnterprises");
        }
        var enterprise = await enterprises.GetAsync(enterpriseId, chinese: true) ?? throw new DemandRuleException("EnterpriseNotFound");
        if (request.VisitId is { } visitId && !await db.Set<Visit>().AnyAsync(v => v.Id == visitId && v.EnterpriseId == enterpriseId, ct))
            throw new DemandRuleException("VisitNotFound");
        var categories = await setup.CategoriesAsync(ct);
        var category = categories.Find(request.CategoryId!.Value);
        if (category is null || !categories.IsOffered(category.Id)) throw new DemandRuleException("CategoryNotFound");

        var title = request.Title!.Trim();
        var description = request.Description!.Trim();
        if (title.Length == 0) throw new DemandRuleException("TitleRequired");
        var now = Now;
        var demand = new Demand
        {
            EnterpriseId = enterpriseId, ParkId = enterprise.ParkId, CategoryId = category.Id, Title = title, Description = description,
            Channel = channel, VisitId = request.VisitId, RaisedByUserId = current.UserId ?? "", RaisedByName = current.DisplayName, RaisedUtc = now,
        };
        demand.PossibleDuplicateOfId = (await SimilarAsync(enterpriseId, enterprise.ParkId, category.Id, title, description, ct)).FirstOrDefault()?.Id;
        demand.Events.Add(Event(DemandEventKind.Raised, now, null, ""));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(demand);
        var department = await setup.RouteAsync(category.Id, enterprise.ParkId, ct);
        DemandPart? part = null;
        if (department is { } departmentId)
            part = await AddPartAsync(demand, departmentId, "", now, DemandEventKind.Assigned, "", ct, byRule: true);
        demand.Recompute();
        await db.SaveChangesAsync(ct);
        if (part is not null) await OpenPartItemAsync(demand, part, ct);
        else await OpenDispatchItemAsync(demand, ct);
        await tx.CommitAsync(ct);
        if (part is not null) await NotifyDepartmentAsync(part.DepartmentId, demand, Note.Assigned, ct);
        return demand.Id;
    }

    // ---------------------------------------------------------------- working

    /// <summary>Sends an unrouted demand to a department (no rule matched it).</summary>
    public Task<bool> AssignAsync(int id, AssignRequest request, CancellationToken ct = default) =>
        ChangeAsync(id, null, async (d, now) =>
        {
            if (!d.IsOpen || d.Parts.Count > 0) throw new DemandConflictException("AlreadyAssigned");
            var part = await AddPartAsync(d, await DepartmentAsync(request.DepartmentId, ct), "", now, DemandEventKind.Assigned, request.Reason?.Trim() ?? "", ct);
            return async () =>
            {
                await inbox.CompleteAsync(Modules.Demands, DispatchKey(d.Id), ct);
                await OpenPartItemAsync(d, part, ct);
                await NotifyDepartmentAsync(part.DepartmentId, d, Note.Assigned, ct);
            };
        }, ct, staffOnly: true);

    /// <summary>Moves a part to another department, with a reason; the deadline starts again there.</summary>
    public Task<bool> ReassignAsync(int id, int partId, AssignRequest request, CancellationToken ct = default) =>
        ChangeAsync(id, request.Version, async (d, now) =>
        {
            var part = OwnPart(d, partId);
            var reason = request.Reason?.Trim() ?? "";
            if (reason.Length == 0) throw new DemandRuleException("ReasonRequired");
            var to = await DepartmentAsync(request.DepartmentId, ct);
            if (to == part.DepartmentId) throw new DemandRuleException("SameDepartment");
            if (d.Parts.Any(p => p.DepartmentId == to && p.Status != PartStatus.Answered)) throw new DemandConflictException("DepartmentHoldsPart");
            var from = part.DepartmentId;
            part.DepartmentId = to;
            part.Status = PartStatus.Assigned;
            await StartClockAsync(part, d.CategoryId, now, ct);
            d.Events.Add(Event(DemandEventKind.Reassigned, now, to, reason));
            return async () =>
            {
                await OpenPartItemAsync(d, part, ct);
                await CompleteEscalationsAsync(part.Id, from, ct);
                await NotifyDepartmentAsync(to, d, Note.Assigned, ct);
            };
        }, ct);

    /// <summary>Adds a part for another department (a demand that needs several to solve it).</summary>
    public Task<bool> SplitAsync(int id, SplitRequest request, CancellationToken ct = default) =>
        ChangeAsync(id, null, async (d, now) =>
        {
            if (!d.IsOpen) throw new DemandConflictException("NotOpen");
            if (!current.IsAdmin && !d.Parts.Any(Owns)) throw new DemandForbiddenException();
            var to = await DepartmentAsync(request.DepartmentId, ct);
            if (d.Parts.Any(p => p.DepartmentId == to && p.Status != PartStatus.Answered)) throw new DemandConflictException("DepartmentHoldsPart");
            var part = await AddPartAsync(d, to, request.Scope!.Trim(), now, DemandEventKind.Split, request.Scope!.Trim(), ct);
            return async () =>
            {
                await OpenPartItemAsync(d, part, ct);
                await NotifyDepartmentAsync(to, d, Note.Assigned, ct);
            };
        }, ct, staffOnly: true);

    /// <summary>The department starts work on its part (处置).</summary>
    public Task<bool> StartAsync(int id, int partId, long? version, CancellationToken ct = default) =>
        ChangeAsync(id, null, (d, now) =>
        {
            var part = OwnPart(d, partId);
            CheckVersion(part, version);
            if (part.Status != PartStatus.Assigned) throw new DemandConflictException("AlreadyStarted");
            part.Status = PartStatus.InProgress;
            d.Events.Add(Event(DemandEventKind.Started, now, part.DepartmentId, ""));
            return Task.FromResult<Func<Task>?>(null);
        }, ct);

    /// <summary>The department's answer (反馈); when every part is answered the enterprise is told and may rate it.</summary>
    public Task<bool> AnswerAsync(int id, int partId, AnswerRequest request, CancellationToken ct = default) =>
        ChangeAsync(id, null, (d, now) =>
        {
            var part = OwnPart(d, partId);
            CheckVersion(part, request.Version);
            var answer = request.Answer!.Trim();
            if (answer.Length == 0) throw new DemandRuleException("AnswerRequired");
            part.Status = PartStatus.Answered;
            part.Answer = answer;
            part.AnsweredUtc = now;
            part.AnsweredByName = current.DisplayName;
            d.Events.Add(Event(DemandEventKind.Answered, now, part.DepartmentId, answer));
            return Task.FromResult<Func<Task>?>(async () =>
            {
                await inbox.CompleteAsync(Modules.Demands, PartKey(part.Id), ct);
                await CompleteEscalationsAsync(part.Id, part.DepartmentId, ct);
                if (d.Status == DemandStatus.Answered) await NotifyEnterpriseAsync(d, Note.Answered, ct);
            });
        }, ct);

    /// <summary>Refuses the demand (不予受理 / 退回) with a reason the enterprise reads; it may reopen it within 15 days.</summary>
    public Task<bool> RejectAsync(int id, ReasonRequest request, CancellationToken ct = default) =>
        ChangeAsync(id, request.Version, (d, now) =>
        {
            if (!d.IsOpen || d.Status == DemandStatus.Answered) throw new DemandConflictException("NotOpen");
            if (!current.IsAdmin && d.Parts.Count > 0 && !d.Parts.Any(Owns)) throw new DemandForbiddenException();
            var reason = request.Reason?.Trim() ?? "";
            if (reason.Length == 0) throw new DemandRuleException("ReasonRequired");
            d.Status = DemandStatus.Rejected;
            d.RejectReason = reason;
            d.ClosedUtc = now;
            d.Events.Add(Event(DemandEventKind.Rejected, now, current.DepartmentId, reason));
            return Task.FromResult<Func<Task>?>(async () =>
            {
                await CompleteAllItemsAsync(d, ct);
                await NotifyEnterpriseAsync(d, Note.Rejected, ct);
            });
        }, ct, staffOnly: true);

    /// <summary>Staff close an answered demand (办结), e.g. when the enterprise confirmed by phone; it may still rate and reopen.</summary>
    public Task<bool> CloseAsync(int id, ReasonRequest request, CancellationToken ct = default) =>
        ChangeAsync(id, request.Version, (d, now) =>
        {
            if (d.Status != DemandStatus.Answered) throw new DemandConflictException("NotAnswered");
            if (!current.IsAdmin && !d.Parts.Any(Owns)) throw new DemandForbiddenException();
            d.Status = DemandStatus.Closed;
            d.ClosedUtc = now;
            d.Events.Add(Event(DemandEventKind.Closed, now, current.DepartmentId, request.Reason?.Trim() ?? ""));
            return Task.FromResult<Func<Task>?>(async () =>
            {
                await CompleteAllItemsAsync(d, ct);
                await NotifyEnterpriseAsync(d, Note.Closed, ct);
            });
        }, ct, staffOnly: true);

    /// <summary>The enterprise rates the answer 1–5: an answered demand closes with it.</summary>
    public Task<bool> RateAsync(int id, RateRequest request, CancellationToken ct = default) =>
        ChangeAsync(id, null, (d, now) =>
        {
            if (!current.IsEnterprise) throw new DemandForbiddenException();
            var closedRecently = d.Status == DemandStatus.Closed && d.Rating is null && now <= DbTime.Utc(d.ClosedUtc!.Value).AddDays(DemandRules.ReopenDays);
            if (d.Status != DemandStatus.Answered && !closedRecently) throw new DemandConflictException("NotRatable");
            d.Rating = request.Rating!.Value;
            d.RatingComment = request.Comment?.Trim() ?? "";
            d.RatedUtc = now;
            d.Events.Add(Event(DemandEventKind.Rated, now, null, $"{d.Rating}/5 {d.RatingComment}".Trim()));
            if (d.Status == DemandStatus.Answered)
            {
                d.Status = DemandStatus.Closed;
                d.ClosedUtc = now;
                d.Events.Add(Event(DemandEventKind.Closed, now, null, ""));
            }
            return Task.FromResult<Func<Task>?>(() => CompleteAllItemsAsync(d, ct));
        }, ct);

    /// <summary>The enterprise reopens a closed or rejected demand within 15 days, saying why; every department works on it again.</summary>
    public Task<bool> ReopenAsync(int id, ReasonRequest request, CancellationToken ct = default) =>
        ChangeAsync(id, null, async (d, now) =>
        {
            if (!current.IsEnterprise && !current.IsAdmin) throw new DemandForbiddenException();
            if (d.IsOpen) throw new DemandConflictException("NotClosed");
            if (now > DbTime.Utc(d.ClosedUtc!.Value).AddDays(DemandRules.ReopenDays)) throw new DemandConflictException("ReopenExpired", DemandRules.ReopenDays);
            var reason = request.Reason?.Trim() ?? "";
            if (reason.Length == 0) throw new DemandRuleException("ReasonRequired");
            d.Status = DemandStatus.Reopened;
            d.ClosedUtc = null;
            d.Rating = null;
            d.RatingComment = "";
            d.RatedUtc = null;
            d.RejectReason = "";
            d.ReopenCount++;
            d.Events.Add(Event(DemandEventKind.Reopened, now, null, reason));
            foreach (var part in d.Parts)
            {
                part.Status = PartStatus.Assigned;
                await StartClockAsync(part, d.CategoryId, now, ct);
            }
            if (d.Parts.Count == 0 && await setup.RouteAsync(d.CategoryId, d.ParkId, ct) is { } department)
                await AddPartAsync(d, department, "", now, DemandEventKind.Assigned, "", ct, byRule: true);
            return async () =>
            {
                foreach (var part in d.Parts)
                {
                    await OpenPartItemAsync(d, part, ct);
                    await NotifyDepartmentAsync(part.DepartmentId, d, Note.Reopened, ct);
                }
                if (d.Parts.Count == 0) await OpenDispatchItemAsync(d, ct);
            };
        }, ct);

    /// <summary>Staff looked at the flagged duplicate and found it is not one.</summary>
    public Task<bool> ClearDuplicateAsync(int id, CancellationToken ct = default) =>
        ChangeAsync(id, null, (d, now) =>
        {
            if (d.PossibleDuplicateOfId is null) return Task.FromResult<Func<Task>?>(null);
            d.Events.Add(Event(DemandEventKind.DuplicateCleared, now, current.DepartmentId, $"#{d.PossibleDuplicateOfId}"));
            d.PossibleDuplicateOfId = null;
            return Task.FromResult<Func<Task>?>(null);
        }, ct, staffOnly: true);

    /// <summary>
    /// Loads the demand (404 if not the caller's to see), lets <paramref name="change"/> change it, recomputes its
    /// status and deadline, saves, then runs what the change asked for afterwards (inbox, notifications) in the same
    /// transaction. Staff changes require the module's write grant.
    /// </summary>
    async Task<bool> ChangeAsync(int id, long? version, Func<Demand, DateTime, Task<Func<Task>?>> change, CancellationToken ct, bool staffOnly = false)
    {
        if (current.IsInternal) await RequireWriteAsync();
        else if (staffOnly) throw new DemandForbiddenException();
        var d = await db.Set<Demand>().Include(x => x.Parts).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !MaySee(d)) return false;
        if (version is { } v)
        {
            if (d.Version != v) throw new ConflictException("ConcurrencyConflict");
            db.Entry(d).Property(x => x.Version).OriginalValue = v;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var after = await change(d, Now);
        d.Recompute();
        // Any change to the demand moves its version, so two people acting at once cannot both win.
        db.Entry(d).Property(x => x.Version).IsModified = true;
        await db.SaveChangesAsync(ct);
        if (after is not null) await after();
        await tx.CommitAsync(ct);
        return true;
    }

    // ---------------------------------------------------------------- helpers

    bool MaySee(Demand d) => current.IsInternal || current.IsEnterprise && d.EnterpriseId == current.EnterpriseId;

    bool Owns(DemandPart p) => current.IsAdmin || current.DepartmentId == p.DepartmentId;

    DemandPart OwnPart(Demand d, int partId)
    {
        var part = d.Parts.SingleOrDefault(p => p.Id == partId) ?? throw new DemandRuleException("PartNotFound");
        if (!current.IsInternal || !Owns(part)) throw new DemandForbiddenException();
        if (!d.IsOpen) throw new DemandConflictException("NotOpen");
        if (part.Status == PartStatus.Answered) throw new DemandConflictException("PartAnswered");
        return part;
    }

    void CheckVersion(DemandPart part, long? version)
    {
        if (version is not { } v) return;
        if (part.Version != v) throw new ConflictException("ConcurrencyConflict");
        db.Entry(part).Property(x => x.Version).OriginalValue = v;
    }

    async Task<int> DepartmentAsync(int? id, CancellationToken ct)
    {
        if (id is not { } d || !await db.Departments.AnyAsync(x => x.Id == d, ct)) throw new DemandRuleException("DepartmentNotFound");
        if (!await setup.AnswersDemandsAsync(d, ct)) throw new DemandRuleException("DepartmentCannotAnswer");
        return d;
    }

    async Task<DemandPart> AddPartAsync(Demand d, int departmentId, string scope, DateTime now, DemandEventKind kind, string note, CancellationToken ct,
        bool byRule = false)
    {
        var part = new DemandPart { DepartmentId = departmentId, Scope = scope };
        await StartClockAsync(part, d.CategoryId, now, ct);
        d.Parts.Add(part);
        var step = Event(kind, now, departmentId, note);
        // Routed by the rules, not by the person who raised or reopened it.
        if (byRule) step.ByName = "";
        d.Events.Add(step);
        return part;
    }

    async Task StartClockAsync(DemandPart part, int categoryId, DateTime now, CancellationToken ct)
    {
        part.AssignedUtc = now;
        part.SlaDays = await setup.SlaDaysAsync(part.DepartmentId, categoryId, ct);
        part.DueUtc = await calendar.AddWorkingDaysAsync(now, part.SlaDays, ct);
        part.EscalatedUtc = null;
    }

    DemandEvent Event(DemandEventKind kind, DateTime at, int? departmentId, string note) =>
        new() { Kind = kind, AtUtc = at, ByName = current.IsAuthenticated ? current.DisplayName : "", DepartmentId = departmentId, Note = note };

    async Task<bool> CanWriteAsync() =>
        current.IsInternal && (await authorization.AuthorizeAsync(current.Principal, DemandPolicies.Write)).Succeeded;

    async Task RequireWriteAsync()
    {
        if (!await CanWriteAsync()) throw new DemandForbiddenException();
    }

    internal async Task<DemandLights> LightsAsync(CancellationToken ct)
    {
        var now = Now;
        return new DemandLights(now, await calendar.AddWorkingDaysAsync(now, DemandRules.YellowWorkingDays, ct));
    }

    internal async Task<Dictionary<int, string>> DepartmentNamesAsync(bool chinese, CancellationToken ct) =>
        await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => chinese || d.NameEn == "" ? d.Name : d.NameEn, ct);

    internal static string PartKey(int partId) => $"demand-part:{partId}";
    static string DispatchKey(int demandId) => $"demand-dispatch:{demandId}";
    internal static string EscalationKey(int partId, string userId) => $"demand-escalation:{partId}:{userId}";

    Task OpenPartItemAsync(Demand d, DemandPart part, CancellationToken ct) =>
        inbox.OpenAsync(new InboxItemRequest(Modules.Demands, PartKey(part.Id), PartItemTitle(d, true), PartItemTitle(d, false),
            $"/demands/{d.Id}", DbTime.Utc(part.DueUtc), DepartmentId: part.DepartmentId), ct);

    internal static string PartItemTitle(Demand d, bool chinese) => Text("Inbox_Part", chinese, d);

    /// <summary>No rule routes the demand: it waits for a dispatcher, in the inbox of the department that writes the module's defaults.</summary>
    async Task OpenDispatchItemAsync(Demand d, CancellationToken ct)
    {
        if (await setup.DispatchDepartmentAsync(ct) is not { } department) return;
        await inbox.OpenAsync(new InboxItemRequest(Modules.Demands, DispatchKey(d.Id),
            Text("Inbox_Dispatch", true, d), Text("Inbox_Dispatch", false, d),
            $"/demands/{d.Id}", DepartmentId: department), ct);
    }

    async Task CompleteAllItemsAsync(Demand d, CancellationToken ct)
    {
        await inbox.CompleteAsync(Modules.Demands, DispatchKey(d.Id), ct);
        foreach (var part in d.Parts)
        {
            await inbox.CompleteAsync(Modules.Demands, PartKey(part.Id), ct);
            await CompleteEscalationsAsync(part.Id, part.DepartmentId, ct);
        }
    }

    async Task CompleteEscalationsAsync(int partId, int departmentId, CancellationToken ct)
    {
        foreach (var head in await HeadsAsync(departmentId, ct))
            await inbox.CompleteAsync(Modules.Demands, EscalationKey(partId, head), ct);
    }

    internal Task<List<string>> HeadsAsync(int departmentId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.DepartmentId == departmentId && u.IsDepartmentHead && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);

    enum Note { Assigned, Answered, Rejected, Closed, Reopened }

    async Task NotifyDepartmentAsync(int departmentId, Demand d, Note note, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.DepartmentId == departmentId && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);
        await notifications.NotifyAsync(users, Message(note, d), ct: ct);
    }

    async Task NotifyEnterpriseAsync(Demand d, Note note, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.EnterpriseId == d.EnterpriseId && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);
        var message = Message(note, d) with { Link = $"/my/demands/{d.Id}" };
        // The enterprise may not sign in for days: an e-mail copy goes out through the outbox.
        await notifications.NotifyAsync(users, message, alsoEmail: true, ct: ct);
    }

    static NotificationMessage Message(Note note, Demand d) => new(
        Text($"Notify_{note}_Title", true, d), Text($"Notify_{note}_Title", false, d),
        Text($"Notify_{note}_Body", true, d, clip: false), Text($"Notify_{note}_Body", false, d, clip: false), $"/demands/{d.Id}");

    /// <summary>A demand's message in one language ({0} its number, {1} its title), clipped to a to-do title's length unless told not to.</summary>
    internal static string Text(string key, bool chinese, Demand d, bool clip = true)
    {
        var culture = chinese ? ZhCn : En;
        var text = string.Format(culture, DemandStrings.ResourceManager.GetString(key, culture)!, d.Id, d.Title);
        return clip ? Clip(text) : text;
    }

    static readonly System.Globalization.CultureInfo ZhCn = new("zh-CN"), En = System.Globalization.CultureInfo.InvariantCulture;

    static string Clip(string text) => text.Length <= InboxLimits.Title ? text : text[..(InboxLimits.Title - 1)] + "…";
}

/// <summary>The traffic-light thresholds of one moment: red before <see cref="Now"/>, yellow until <see cref="YellowUntil"/>.</summary>
public sealed record DemandLights(DateTime Now, DateTime YellowUntil)
{
    public DemandLight Of(DateTime? dueUtc) => dueUtc switch
    {
        null => DemandLight.None,
        { } due when due < Now => DemandLight.Red,
        { } due when due <= YellowUntil => DemandLight.Yellow,
        _ => DemandLight.Green,
    };
}

/// <summary>SQLite gives times back without a kind: every stored time is UTC.</summary>
static class DbTime
{
    public static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
    public static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
