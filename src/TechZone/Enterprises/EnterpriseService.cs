using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform;
using TechZone.Platform.Api;
using TechZone.Platform.Audit;
using TechZone.Platform.Calendar;
using TechZone.Enterprises.Resources;
using TechZone.Platform.Identity;

namespace TechZone.Enterprises;

/// <summary>The enterprise registry's use cases. Data scope is enforced here, so API and pages agree.</summary>
public sealed class EnterpriseService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, ZoneTime time,
    IEnumerable<IEnterpriseChangeListener> listeners)
{
    // Dates are the zone's: at 01:00 in Tianjin it is still yesterday in UTC.
    DateOnly Today => time.Today;

    /// <summary>How far a name search counts its matches (<see cref="PagedResult{T}.TotalCapped"/> beyond).</summary>
    public const int SearchCountCap = 10_000;

    /// <summary>The registry list, for the zone's own people (the caller's module grant is checked by policy).</summary>
    public async Task<PagedResult<EnterpriseSummary>> SearchAsync(EnterpriseQuery query, bool chinese)
    {
        var (page, pageSize) = Paging.Normalize(query.Page, query.PageSize);
        var skip = (page - 1) * pageSize; // a plain variable: EF compiles a computed query argument on every execution
        var rows = Filter(query);
        var sort = query.Sort ?? EnterpriseSort.Name;
        var descending = query.Descending == true;
        if (string.IsNullOrWhiteSpace(query.Search))
        {
            var total = await rows.CountAsync();
            var pageIds = await Sort(rows, sort, descending).Skip(skip).Take(pageSize).Select(e => e.Id).ToListAsync();
            return new PagedResult<EnterpriseSummary>(await SummariesAsync(pageIds, chinese), total, page, pageSize);
        }

        // A search: one pass collects the matching ids in order (up to the cap), which is both the count and the
        // page, instead of one scan to count and another to sort. On SQLite a search with no other filter walks the
        // (NameKey, Name) index, which then covers the whole test (the rowid is the id; PostgreSQL's index includes
        // it); with other filters, which would read the table row by row in name order, the matches are sorted.
        var covered = query.ParkId is null && string.IsNullOrWhiteSpace(query.IndustryCode) && query.Status is null
            && query.SizeClass is null && query.QualificationTypeId is null;
        var ids = await Sort(rows, sort, descending, searching: !covered).Select(e => e.Id).Take(SearchCountCap + 1).ToListAsync();
        var onPage = skip < SearchCountCap
            ? ids.Skip(skip).Take(pageSize).ToList()
            : await Sort(rows, sort, descending, searching: !covered).Skip(skip).Take(pageSize).Select(e => e.Id).ToListAsync();
        return new PagedResult<EnterpriseSummary>(await SummariesAsync(onPage, chinese), Math.Min(ids.Count, SearchCountCap), page, pageSize,
            ids.Count > SearchCountCap);
    }

    /// <summary>The rows of one page, read by id and kept in the page's order.</summary>
    async Task<List<EnterpriseSummary>> SummariesAsync(List<int> ids, bool chinese)
    {
        var rows = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.CreditCode, e.Name, e.ParkId, ParkName = e.Park == null ? null : chinese || e.Park.NameEn == "" ? e.Park.Name : e.Park.NameEn,
                e.IndustryCode, e.SizeClass, e.Status, e.FoundedOn, e.RegisteredCapitalFen,
            })
            .ToListAsync();
        return rows.OrderBy(e => ids.IndexOf(e.Id)).Select(e => new EnterpriseSummary(e.Id, e.CreditCode, e.Name, e.ParkId, e.ParkName,
            e.IndustryCode, IndustryCodes.Find(e.IndustryCode)?.DisplayName(chinese), e.SizeClass, e.Status, e.FoundedOn, e.RegisteredCapitalFen)).ToList();
    }

    /// <summary>The rows a query selects, within the caller's data scope (an enterprise user: its own only).</summary>
    IQueryable<Enterprise> Filter(EnterpriseQuery query)
    {
        var rows = db.Enterprises.AsNoTracking();
        if (!current.IsInternal)
            rows = rows.Where(e => e.Id == current.EnterpriseId);
        if (!string.IsNullOrWhiteSpace(query.Search)) rows = rows.Where(EnterpriseMatch.Of(db, query.Search));
        if (query.ParkId is { } park) rows = rows.Where(e => e.ParkId == park);
        if (!string.IsNullOrWhiteSpace(query.IndustryCode))
        {
            var industry = query.IndustryCode.Trim();
            rows = rows.Where(e => e.IndustryCode == industry);
        }
        if (query.Status is { } status) rows = rows.Where(e => e.Status == status);
        if (query.SizeClass is { } size) rows = rows.Where(e => e.SizeClass == size);
        if (query.QualificationTypeId is { } type) rows = HoldingQualification(rows, type, query.QualificationStatus ?? QualificationStatus.Valid);
        return rows;
    }

    /// <summary>
    /// Enterprises holding a qualification of <paramref name="type"/> in <paramref name="status"/>: semi-joins
    /// (<c>Id IN (SELECT EnterpriseId …)</c>, the same result as EXISTS) that the (type, enterprise, expiry) index
    /// answers. Written as IN rather than a correlated EXISTS because SQLite then reads the type's range of that index
    /// once and looks the enterprises up by key, instead of probing the index once per enterprise (7× faster at
    /// 100,000 enterprises, docs/perf.md); PostgreSQL plans both as the same hash semi-join.
    /// </summary>
    IQueryable<Enterprise> HoldingQualification(IQueryable<Enterprise> rows, int type, QualificationStatus status)
    {
        var today = time.Today;
        var soon = today.AddDays(EnterpriseQualification.ExpiringWithinDays);
        var held = db.Set<EnterpriseQualification>().Where(q => q.QualificationTypeId == type);
        var validNow = held.Where(q => q.ExpiresOn == null || q.ExpiresOn >= today).Select(q => q.EnterpriseId);
        return status switch
        {
            QualificationStatus.Expiring => rows.Where(e =>
                held.Where(q => q.ExpiresOn >= today && q.ExpiresOn <= soon).Select(q => q.EnterpriseId).Contains(e.Id)
                && !held.Where(q => q.ExpiresOn == null || q.ExpiresOn > soon).Select(q => q.EnterpriseId).Contains(e.Id)),
            QualificationStatus.Expired => rows.Where(e =>
                held.Where(q => q.ExpiresOn < today).Select(q => q.EnterpriseId).Contains(e.Id) && !validNow.Contains(e.Id)),
            _ => rows.Where(e => validNow.Contains(e.Id)),
        };
    }

    /// <summary>
    /// Every row the query selects (not just a page), as an .xlsx workbook in the caller's language, streamed
    /// into <paramref name="output"/>. An export is a security event: who took which list, how many rows.
    /// </summary>
    public async Task<int> ExportAsync(EnterpriseQuery query, bool chinese, Stream output, CancellationToken ct = default)
    {
        var rows = await Sort(Filter(query), query.Sort ?? EnterpriseSort.Name, query.Descending == true)
            .Take(MaxExportRows)
            .Select(e => new
            {
                e.CreditCode, e.Name, e.LegalRepresentative, e.RegisteredCapitalFen, e.FoundedOn, e.IndustryCode, e.SizeClass, e.Status, e.Address,
                ParkName = e.Park == null ? null : chinese || e.Park.NameEn == "" ? e.Park.Name : e.Park.NameEn,
            })
            .ToListAsync(ct);

        var sheet = rows.Select(e => new Dictionary<string, object?>
        {
            [EnterpriseStrings.CreditCode] = e.CreditCode,
            [EnterpriseStrings.Name] = e.Name,
            [EnterpriseStrings.LegalRepresentative] = e.LegalRepresentative,
            [EnterpriseStrings.RegisteredCapitalWan] = e.RegisteredCapitalFen / 1_000_000m,
            [EnterpriseStrings.FoundedOn] = e.FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [EnterpriseStrings.Industry] = IndustryCodes.Find(e.IndustryCode)?.DisplayName(chinese),
            [EnterpriseStrings.SizeClass] = e.SizeClass is null ? null : EnterpriseLabels.Size(e.SizeClass),
            [EnterpriseStrings.Status] = EnterpriseLabels.Status(e.Status),
            [EnterpriseStrings.Park] = e.ParkName,
            [EnterpriseStrings.Address] = e.Address,
        });
        await MiniExcelLibs.MiniExcel.SaveAsAsync(output, sheet, sheetName: EnterpriseStrings.Title, cancellationToken: ct);

        AuditTrail.Security(db, "Export", null, new { list = "enterprises", rows = rows.Count, query.Search, query.ParkId, query.IndustryCode, query.Status, query.SizeClass, query.QualificationTypeId, query.QualificationStatus });
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>More than a zone has; a province-wide registry exports by park or industry.</summary>
    public const int MaxExportRows = 200_000;

    static IQueryable<Enterprise> Sort(IQueryable<Enterprise> rows, EnterpriseSort sort, bool descending, bool searching = false)
    {
        // A text search matches an unknown share of the rows. Walking the name index in order and testing each row
        // costs a random read per enterprise when few match (0.4 s at 100,000 on SQLite), so then the matches are
        // sorted instead: `NameKey || ''` has the same order but no index.
        if (searching && sort == EnterpriseSort.Name)
        {
            var bySearch = descending
                ? rows.OrderByDescending(e => e.NameKey + "").ThenByDescending(e => e.Name).ThenByDescending(e => e.Id)
                : rows.OrderBy(e => e.NameKey + "").ThenBy(e => e.Name).ThenBy(e => e.Id);
            return bySearch;
        }
        // Unknown dates and capitals go last either way (SQLite and PostgreSQL disagree on where NULLs sort);
        // status sorts in lifecycle order, not by its stored name; the id breaks ties so pages never overlap.
        IOrderedQueryable<Enterprise> ordered = sort switch
        {
            EnterpriseSort.Founded => descending
                ? rows.OrderBy(e => e.FoundedOn == null).ThenByDescending(e => e.FoundedOn)
                : rows.OrderBy(e => e.FoundedOn == null).ThenBy(e => e.FoundedOn),
            EnterpriseSort.Capital => descending
                ? rows.OrderBy(e => e.RegisteredCapitalFen == null).ThenByDescending(e => e.RegisteredCapitalFen)
                : rows.OrderBy(e => e.RegisteredCapitalFen == null).ThenBy(e => e.RegisteredCapitalFen),
            EnterpriseSort.Status => descending ? rows.OrderByDescending(StatusRank) : rows.OrderBy(StatusRank),
            // By pinyin, as Chinese readers expect, the same on both databases (code-point order of 汉字 means nothing to people).
            _ => descending ? rows.OrderByDescending(e => e.NameKey).ThenByDescending(e => e.Name) : rows.OrderBy(e => e.NameKey).ThenBy(e => e.Name),
        };
        if (sort == EnterpriseSort.Status) ordered = ordered.ThenBy(e => e.NameKey);
        return descending ? ordered.ThenByDescending(e => e.Id) : ordered.ThenBy(e => e.Id);
    }

    // Statuses are stored by name; this CASE expression lets the database sort them in lifecycle order.
    static readonly System.Linq.Expressions.Expression<Func<Enterprise, int>> StatusRank = e =>
        e.Status == EnterpriseStatus.Prospect ? 0
        : e.Status == EnterpriseStatus.Registered ? 1
        : e.Status == EnterpriseStatus.Operating ? 2
        : e.Status == EnterpriseStatus.Expanding ? 3
        : e.Status == EnterpriseStatus.MovedOut ? 4
        : 5;

    /// <summary>
    /// One enterprise's full profile. An enterprise user asking for another enterprise gets null, exactly as for
    /// one that does not exist, so the answer reveals nothing.
    /// </summary>
    public async Task<EnterpriseDetail?> GetAsync(int id, bool chinese)
    {
        if (!current.IsInternal && current.EnterpriseId != id) return null;
        var e = await db.Enterprises.AsNoTracking().AsSplitQuery()
            .Include(x => x.Park).Include(x => x.FormerNames).Include(x => x.StatusChanges).Include(x => x.Contacts)
            .SingleOrDefaultAsync(x => x.Id == id);
        if (e is null) return null;
        return new EnterpriseDetail(e.Id, e.CreditCode, e.Name, e.ParkId, e.Park?.DisplayName(chinese), e.CreatedUtc,
            e.LegalRepresentative, e.RegisteredCapitalFen, e.FoundedOn, e.Address,
            e.IndustryCode, IndustryCodes.Find(e.IndustryCode)?.DisplayName(chinese), e.SizeClass, e.Status, e.StatusSinceOn, e.Version,
            e.FormerNames.OrderByDescending(f => f.UntilOn).ThenByDescending(f => f.Id).Select(f => new FormerNameItem(f.Name, f.UntilOn)).ToList(),
            e.StatusChanges.OrderByDescending(c => c.OnDate).ThenByDescending(c => c.Id)
                .Select(c => new StatusChangeItem(c.From, c.To, c.OnDate, c.Note, c.ByUserName)).ToList(),
            e.Contacts.OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Id).Select(ToItem).ToList());
    }

    /// <summary>The signed-in enterprise user's own enterprise.</summary>
    public Task<EnterpriseDetail?> GetMineAsync(bool chinese) =>
        current.EnterpriseId is { } id ? GetAsync(id, chinese) : Task.FromResult<EnterpriseDetail?>(null);

    /// <summary>The GB/T 4754-2017 divisions, in code order.</summary>
    public static IReadOnlyList<IndustryItem> Industries(bool chinese) =>
        IndustryCodes.All.Select(d => new IndustryItem(d.Code, d.Section, d.DisplayName(chinese))).ToList();

    /// <summary>Registers an enterprise; its first status opens the lifecycle history. Returns the new id.</summary>
    public async Task<int> CreateAsync(EnterpriseRequest request)
    {
        await RequireWriteAsync();
        return await InsertAsync(request);
    }

    /// <summary>
    /// Registers an enterprise that investment attraction (招商) brought into the zone: the same use case as
    /// <see cref="CreateAsync"/>, also open to the Chains module's writers (招商局 lands the enterprises it attracts
    /// without a general write grant on the registry), with the contact person the lead already knows. Returns the new id.
    /// </summary>
    public async Task<int> CreateLandedAsync(EnterpriseRequest request, ContactRequest? contact = null)
    {
        if (!(await authorization.AuthorizeAsync(current.Principal, EnterprisePolicies.Write)).Succeeded
            && !(await authorization.AuthorizeAsync(current.Principal, Policies.Write(Platform.Zone.Modules.Chains))).Succeeded)
            throw new EnterpriseForbiddenException();
        return await InsertAsync(request, contact);
    }

    /// <summary>Bulk read for other modules (chain maps): registry rows of the given enterprises; internal callers only.</summary>
    public async Task<IReadOnlyList<EnterpriseSummary>> SummariesAsync(IReadOnlyCollection<int> ids, bool chinese, CancellationToken ct = default)
    {
        if (!current.IsInternal || ids.Count == 0) return [];
        var wanted = ids.Distinct().ToList();
        var rows = await db.Enterprises.AsNoTracking().Where(e => wanted.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.CreditCode, e.Name, e.ParkId, ParkName = e.Park == null ? null : chinese || e.Park.NameEn == "" ? e.Park.Name : e.Park.NameEn,
                e.IndustryCode, e.SizeClass, e.Status, e.FoundedOn, e.RegisteredCapitalFen,
            })
            .ToListAsync(ct);
        return rows.Select(e => new EnterpriseSummary(e.Id, e.CreditCode, e.Name, e.ParkId, e.ParkName,
            e.IndustryCode, IndustryCodes.Find(e.IndustryCode)?.DisplayName(chinese), e.SizeClass, e.Status, e.FoundedOn, e.RegisteredCapitalFen)).ToList();
    }

    async Task<int> InsertAsync(EnterpriseRequest request, ContactRequest? contact = null)
    {
        var code = await CheckAsync(request, null);
        var enterprise = new Enterprise { CreditCode = code };
        if (contact is not null && !string.IsNullOrWhiteSpace(contact.Name))
            enterprise.Contacts.Add(new EnterpriseContact { Name = contact.Name.Trim(), Title = contact.Title?.Trim() ?? "", Phone = contact.Phone?.Trim() ?? "",
                Email = contact.Email?.Trim() ?? "", IsPrimary = true });
        Apply(enterprise, request);
        enterprise.Rename(request.Name.Trim(), Today);
        enterprise.ChangeStatus(request.Status ?? EnterpriseStatus.Registered, request.StatusSinceOn ?? Today, Today, null, current.UserName);
        db.Enterprises.Add(enterprise);
        await SaveAsync();
        return enterprise.Id;
    }

    /// <summary>
    /// Updates the basic facts. The version must be the one the editor saw (409 otherwise, nothing written);
    /// a new name keeps the old one as a former name.
    /// </summary>
    public async Task<bool> UpdateAsync(int id, EnterpriseRequest request)
    {
        await RequireWriteAsync();
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == id);
        if (enterprise is null) return false;
        if (request.Version is not { } version) throw new DomainException("VersionRequired");
        if (enterprise.Version != version) throw new ConflictException("ConcurrencyConflict");
        db.Entry(enterprise).Property(e => e.Version).OriginalValue = version;

        enterprise.CreditCode = await CheckAsync(request, id);
        Apply(enterprise, request);
        enterprise.Rename(request.Name.Trim(), Today);
        foreach (var listener in listeners) listener.Changed(id);
        await SaveAsync();
        return true;
    }

    /// <summary>
    /// What a policy engine reads of every enterprise that is in the zone (not a prospect, not moved out or
    /// deregistered): park, industry, size class, founding date. One enterprise's when given, whatever its status.
    /// </summary>
    public async Task<IReadOnlyList<EnterpriseTraits>> TraitsAsync(int? enterpriseId = null, CancellationToken ct = default)
    {
        var rows = db.Enterprises.AsNoTracking();
        if (!current.IsInternal && current.IsAuthenticated) rows = rows.Where(e => e.Id == current.EnterpriseId);
        rows = enterpriseId is { } id ? rows.Where(e => e.Id == id)
            : rows.Where(e => e.Status == EnterpriseStatus.Registered || e.Status == EnterpriseStatus.Operating || e.Status == EnterpriseStatus.Expanding);
        return await rows.OrderBy(e => e.Id)
            .Select(e => new EnterpriseTraits(e.Id, e.Name, e.CreditCode, e.Park == null ? null : e.Park.Code, e.IndustryCode, e.SizeClass, e.FoundedOn, e.Status))
            .ToListAsync(ct);
    }

    /// <summary>Moves the enterprise to another lifecycle status, recording who did it and when it took effect.</summary>
    public async Task<bool> ChangeStatusAsync(int id, StatusChangeRequest request)
    {
        await RequireWriteAsync();
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == id);
        if (enterprise is null) return false;
        if (request.Version is { } version)
        {
            if (enterprise.Version != version) throw new ConflictException("ConcurrencyConflict");
            db.Entry(enterprise).Property(e => e.Version).OriginalValue = version;
        }
        if (request.Status is not { } status || request.OnDate is not { } on) throw new DomainException("BadRequest");
        enterprise.ChangeStatus(status, on, Today, request.Note, current.UserName);
        foreach (var listener in listeners) listener.Changed(id);
        await SaveAsync();
        return true;
    }

    /// <summary>Adds a contact; null when the enterprise does not exist.</summary>
    public async Task<ContactItem?> AddContactAsync(int enterpriseId, ContactRequest request)
    {
        await RequireWriteAsync();
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId)) return null;
        var contact = new EnterpriseContact { EnterpriseId = enterpriseId };
        await ApplyAsync(contact, request);
        db.Add(contact);
        await SaveAsync();
        return ToItem(contact);
    }

    public async Task<ContactItem?> UpdateContactAsync(int enterpriseId, int contactId, ContactRequest request)
    {
        await RequireWriteAsync();
        var contact = await db.Set<EnterpriseContact>().SingleOrDefaultAsync(c => c.Id == contactId && c.EnterpriseId == enterpriseId);
        if (contact is null) return null;
        await ApplyAsync(contact, request);
        await SaveAsync();
        return ToItem(contact);
    }

    public async Task<bool> RemoveContactAsync(int enterpriseId, int contactId)
    {
        await RequireWriteAsync();
        var contact = await db.Set<EnterpriseContact>().SingleOrDefaultAsync(c => c.Id == contactId && c.EnterpriseId == enterpriseId);
        if (contact is null) return false;
        db.Remove(contact);
        await SaveAsync();
        return true;
    }

    async Task ApplyAsync(EnterpriseContact contact, ContactRequest request)
    {
        contact.Name = request.Name.Trim();
        contact.Title = request.Title?.Trim() ?? "";
        contact.Phone = request.Phone?.Trim() ?? "";
        contact.Email = request.Email?.Trim() ?? "";
        if (request.IsPrimary && !contact.IsPrimary)
        {
            // At most one primary contact: the new one takes over.
            var others = await db.Set<EnterpriseContact>().Where(c => c.EnterpriseId == contact.EnterpriseId && c.IsPrimary && c.Id != contact.Id).ToListAsync();
            foreach (var other in others) other.IsPrimary = false;
        }
        contact.IsPrimary = request.IsPrimary;
    }

    static ContactItem ToItem(EnterpriseContact c) => new(c.Id, c.Name, c.Title, c.Phone, c.Email, c.IsPrimary);

    /// <summary>Rules the attributes cannot see (uniqueness, dates, the park exists); returns the normalized credit code.</summary>
    async Task<string> CheckAsync(EnterpriseRequest request, int? id)
    {
        var code = request.CreditCode.Trim().ToUpperInvariant();
        // Pages validate with the same attributes, but the service must not trust its caller.
        if (!CreditCode.IsValid(code)) throw new EnterpriseRuleException("InvalidCreditCode", request.CreditCode);
        var industry = string.IsNullOrWhiteSpace(request.IndustryCode) ? null : request.IndustryCode.Trim();
        if (industry is not null && !IndustryCodes.IsKnown(industry)) throw new EnterpriseRuleException("UnknownIndustry", industry);
        if (request.FoundedOn > Today) throw new EnterpriseRuleException("FoundedInFuture");
        if (request.RegisteredCapitalFen < 0) throw new EnterpriseRuleException("NegativeCapital");
        if (request.ParkId is { } park && !await db.Parks.AnyAsync(p => p.Id == park)) throw new EnterpriseRuleException("UnknownPark", park);
        if (await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.Id != id))
            throw new EnterpriseConflictException("DuplicateCreditCode", code);
        return code;
    }

    static void Apply(Enterprise e, EnterpriseRequest request)
    {
        e.LegalRepresentative = request.LegalRepresentative?.Trim() ?? "";
        e.RegisteredCapitalFen = request.RegisteredCapitalFen;
        e.FoundedOn = request.FoundedOn;
        e.ParkId = request.ParkId;
        e.Address = request.Address?.Trim() ?? "";
        e.IndustryCode = string.IsNullOrWhiteSpace(request.IndustryCode) ? null : request.IndustryCode.Trim();
        e.SizeClass = request.SizeClass;
    }

    async Task RequireWriteAsync()
    {
        if (!(await authorization.AuthorizeAsync(current.Principal, EnterprisePolicies.Write)).Succeeded)
            throw new EnterpriseForbiddenException();
    }

    async Task SaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("ConcurrencyConflict");
        }
        catch (DbUpdateException)
        {
            // Two registrations of one code at the same moment: the unique index decides, and the loser hears why.
            var codes = db.ChangeTracker.Entries<Enterprise>().Where(e => e.State == EntityState.Added)
                .Select(e => e.Entity.CreditCode).ToList();
            db.ChangeTracker.Clear();
            if (codes.Count > 0 && await db.Enterprises.AnyAsync(e => codes.Contains(e.CreditCode)))
                throw new EnterpriseConflictException("DuplicateCreditCode", codes[0]);
            throw;
        }
    }
}
