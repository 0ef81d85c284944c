using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

/// <summary>
/// What the loop is configured with: the category tree, routing rules, SLAs per department and category, and
/// answer templates. Categories, rules and SLAs are the admin's; templates belong to staff who write demands.
/// The tables are small (dozens of rows), so lookups load them whole, once per scope.
/// </summary>
public sealed class DemandSetupService(ZoneDb db, CurrentUser current, IAuthorizationService authorization)
{
    CategoryTree? tree;

    public async Task<CategoryTree> CategoriesAsync(CancellationToken ct = default) =>
        tree ??= new CategoryTree(await db.Set<DemandCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct));

    public async Task<IReadOnlyList<DemandCategoryItem>> CategoryListAsync(bool chinese, bool activeOnly, CancellationToken ct = default)
    {
        var categories = await CategoriesAsync(ct);
        return categories.InTreeOrder().Where(c => !activeOnly || categories.IsOffered(c.Id))
            .Select(c => new DemandCategoryItem(c.Id, c.Code, c.ParentId, c.Name, c.NameEn, categories.Path(c.Id, chinese), c.SortOrder, c.IsActive, c.Version))
            .ToList();
    }

    /// <summary>The department a demand of this category from this park goes to, by the most specific rule; null if none applies.</summary>
    public async Task<int?> RouteAsync(int categoryId, int? parkId, CancellationToken ct = default)
    {
        var categories = await CategoriesAsync(ct);
        var routes = await db.Set<DemandRoute>().AsNoTracking().ToListAsync(ct);
        foreach (var category in categories.Ancestry(categoryId).Select(c => (int?)c.Id).Append(null))
        {
            var rule = (parkId is null ? null : routes.FirstOrDefault(r => r.CategoryId == category && r.ParkId == parkId))
                ?? routes.FirstOrDefault(r => r.CategoryId == category && r.ParkId == null);
            if (rule is not null) return rule.DepartmentId;
        }
        return null;
    }

    /// <summary>The department's deadline for the category in working days: its own, its parent's ..., the department's default, or the rule's default.</summary>
    public async Task<int> SlaDaysAsync(int departmentId, int categoryId, CancellationToken ct = default)
    {
        var categories = await CategoriesAsync(ct);
        var slas = await db.Set<DemandSla>().AsNoTracking().Where(s => s.DepartmentId == departmentId).ToListAsync(ct);
        foreach (var category in categories.Ancestry(categoryId).Select(c => (int?)c.Id).Append(null))
            if (slas.FirstOrDefault(s => s.CategoryId == category) is { } sla) return sla.WorkingDays;
        return DemandRules.DefaultSlaDays;
    }

    /// <summary>Who gets demands no rule routes: the department of the catch-all rule, else none (an admin assigns).</summary>
    public async Task<int?> DispatchDepartmentAsync(CancellationToken ct = default) =>
        await db.Set<DemandRoute>().AsNoTracking().Where(r => r.CategoryId == null && r.ParkId == null)
            .Select(r => (int?)r.DepartmentId).FirstOrDefaultAsync(ct);

    // ---------------------------------------------------------------- categories (admin)

    public async Task<int> CreateCategoryAsync(DemandCategoryRequest request, CancellationToken ct = default)
    {
        RequireAdmin();
        var category = new DemandCategory { Code = "c-" + Guid.NewGuid().ToString("N")[..12] };
        await ApplyAsync(category, request, ct);
        db.Add(category);
        await db.SaveChangesAsync(ct);
        tree = null;
        return category.Id;
    }

    public async Task<bool> UpdateCategoryAsync(int id, DemandCategoryRequest request, CancellationToken ct = default)
    {
        RequireAdmin();
        var category = await db.Set<DemandCategory>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null) return false;
        Versioned(category, request.Version);
        await ApplyAsync(category, request, ct);
        await db.SaveChangesAsync(ct);
        tree = null;
        return true;
    }

    async Task ApplyAsync(DemandCategory category, DemandCategoryRequest request, CancellationToken ct)
    {
        if (request.ParentId is { } parent)
        {
            var categories = await CategoriesAsync(ct);
            if (categories.Find(parent) is null) throw new DemandRuleException("CategoryNotFound");
            // A category cannot move under itself or its own children: the tree would become a loop.
            if (category.Id != 0 && categories.SubtreeOf(category.Id).Contains(parent)) throw new DemandRuleException("CategoryLoop");
        }
        category.ParentId = request.ParentId;
        category.Name = request.Name!.Trim();
        category.NameEn = request.NameEn?.Trim() ?? "";
        category.SortOrder = request.SortOrder ?? category.SortOrder;
        category.IsActive = request.IsActive ?? category.IsActive;
    }

    // ---------------------------------------------------------------- routing rules (admin)

    public async Task<IReadOnlyList<DemandRouteItem>> RoutesAsync(bool chinese, CancellationToken ct = default)
    {
        var categories = await CategoriesAsync(ct);
        var parks = await db.Parks.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DisplayName(chinese), ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.DisplayName(chinese), ct);
        var routes = await db.Set<DemandRoute>().AsNoTracking().ToListAsync(ct);
        return routes
            .Select(r => new DemandRouteItem(r.Id, r.CategoryId, r.CategoryId is { } c ? categories.Path(c, chinese) : null,
                r.ParkId, r.ParkId is { } p ? parks.GetValueOrDefault(p) : null, r.DepartmentId, departments.GetValueOrDefault(r.DepartmentId, ""), r.Version))
            .OrderBy(r => r.CategoryName is null).ThenBy(r => r.CategoryName, StringComparer.Ordinal).ThenBy(r => r.ParkName is null).ToList();
    }

    /// <summary>Adds a rule, or changes the department of the rule for the same category and park (one rule per pair).</summary>
    public async Task<int> SetRouteAsync(DemandRouteRequest request, CancellationToken ct = default)
    {
        RequireAdmin();
        await CheckReferencesAsync(request.CategoryId, request.ParkId, request.DepartmentId, ct);
        var route = await db.Set<DemandRoute>().FirstOrDefaultAsync(r => r.CategoryId == request.CategoryId && r.ParkId == request.ParkId, ct);
        if (route is null) db.Add(route = new DemandRoute { CategoryId = request.CategoryId, ParkId = request.ParkId });
        route.DepartmentId = request.DepartmentId!.Value;
        await db.SaveChangesAsync(ct);
        return route.Id;
    }

    public async Task<bool> DeleteRouteAsync(int id, CancellationToken ct = default)
    {
        RequireAdmin();
        var route = await db.Set<DemandRoute>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (route is null) return false;
        db.Remove(route);
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---------------------------------------------------------------- SLAs (admin)

    public async Task<IReadOnlyList<DemandSlaItem>> SlasAsync(bool chinese, CancellationToken ct = default)
    {
        var categories = await CategoriesAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.DisplayName(chinese), ct);
        var slas = await db.Set<DemandSla>().AsNoTracking().ToListAsync(ct);
        return slas
            .Select(s => new DemandSlaItem(s.Id, s.DepartmentId, departments.GetValueOrDefault(s.DepartmentId, ""), s.CategoryId,
                s.CategoryId is { } c ? categories.Path(c, chinese) : null, s.WorkingDays, s.Version))
            .OrderBy(s => s.DepartmentName, StringComparer.Ordinal).ThenBy(s => s.CategoryName is not null).ThenBy(s => s.CategoryName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Sets the department's SLA for the category (or its default), replacing the one there was.</summary>
    public async Task<int> SetSlaAsync(DemandSlaRequest request, CancellationToken ct = default)
    {
        RequireAdmin();
        await CheckReferencesAsync(request.CategoryId, null, request.DepartmentId, ct);
        var sla = await db.Set<DemandSla>().FirstOrDefaultAsync(s => s.DepartmentId == request.DepartmentId && s.CategoryId == request.CategoryId, ct);
        if (sla is null) db.Add(sla = new DemandSla { DepartmentId = request.DepartmentId!.Value, CategoryId = request.CategoryId });
        sla.WorkingDays = request.WorkingDays!.Value;
        await db.SaveChangesAsync(ct);
        return sla.Id;
    }

    public async Task<bool> DeleteSlaAsync(int id, CancellationToken ct = default)
    {
        RequireAdmin();
        var sla = await db.Set<DemandSla>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (sla is null) return false;
        db.Remove(sla);
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---------------------------------------------------------------- answer templates (staff who write demands)

    /// <summary>Templates, those of <paramref name="categoryId"/>'s branch first.</summary>
    public async Task<IReadOnlyList<ResponseTemplateItem>> TemplatesAsync(int? categoryId, bool chinese, CancellationToken ct = default)
    {
        var categories = await CategoriesAsync(ct);
        var branch = categoryId is { } c ? categories.Ancestry(c).Select(x => x.Id).ToHashSet() : [];
        var templates = await db.Set<DemandResponseTemplate>().AsNoTracking().ToListAsync(ct);
        return templates
            .OrderBy(t => t.CategoryId is { } tc && branch.Contains(tc) ? 0 : t.CategoryId is null ? 1 : 2).ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t => new ResponseTemplateItem(t.Id, t.Title, t.Body, t.CategoryId, t.CategoryId is { } x ? categories.Path(x, chinese) : null, t.Version))
            .ToList();
    }

    public async Task<int> SaveTemplateAsync(int? id, ResponseTemplateRequest request, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        if (request.CategoryId is { } c && (await CategoriesAsync(ct)).Find(c) is null) throw new DemandRuleException("CategoryNotFound");
        DemandResponseTemplate? template;
        if (id is { } existing)
        {
            template = await db.Set<DemandResponseTemplate>().SingleOrDefaultAsync(t => t.Id == existing, ct);
            if (template is null) return 0;
            Versioned(template, request.Version);
        }
        else db.Add(template = new DemandResponseTemplate());
        template.Title = request.Title!.Trim();
        template.Body = request.Body!.Trim();
        template.CategoryId = request.CategoryId;
        await db.SaveChangesAsync(ct);
        return template.Id;
    }

    public async Task<bool> DeleteTemplateAsync(int id, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var template = await db.Set<DemandResponseTemplate>().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return false;
        db.Remove(template);
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---------------------------------------------------------------- helpers

    async Task CheckReferencesAsync(int? categoryId, int? parkId, int? departmentId, CancellationToken ct)
    {
        if (categoryId is { } c && (await CategoriesAsync(ct)).Find(c) is null) throw new DemandRuleException("CategoryNotFound");
        if (parkId is { } p && !await db.Parks.AnyAsync(x => x.Id == p, ct)) throw new DemandRuleException("ParkNotFound");
        if (departmentId is not { } d || !await db.Departments.AnyAsync(x => x.Id == d, ct)) throw new DemandRuleException("DepartmentNotFound");
        if (!await AnswersDemandsAsync(d, ct)) throw new DemandRuleException("DepartmentCannotAnswer");
    }

    /// <summary>A department can be sent demands only if it may write the module, or nobody could answer them.</summary>
    public Task<bool> AnswersDemandsAsync(int departmentId, CancellationToken ct = default) =>
        db.DepartmentGrants.AnyAsync(g => g.DepartmentId == departmentId && g.Module == Modules.Demands && g.Access == ModuleAccess.Write, ct);

    void Versioned<T>(T entity, long? version) where T : class, IVersioned
    {
        if (version is not { } v) return;
        if (entity.Version != v) throw new ConflictException("ConcurrencyConflict");
        db.Entry(entity).Property(x => x.Version).OriginalValue = v;
    }

    void RequireAdmin()
    {
        if (!current.IsAdmin) throw new DemandForbiddenException();
    }

    async Task RequireWriteAsync()
    {
        if (!current.IsInternal || !(await authorization.AuthorizeAsync(current.Principal, DemandPolicies.Write)).Succeeded)
            throw new DemandForbiddenException();
    }
}

/// <summary>The category tree at one moment: paths for display, subtrees for filters, ancestry for rules.</summary>
public sealed class CategoryTree
{
    readonly Dictionary<int, DemandCategory> byId;
    readonly ILookup<int?, DemandCategory> children;

    public CategoryTree(IReadOnlyList<DemandCategory> categories)
    {
        byId = categories.ToDictionary(c => c.Id);
        children = categories.ToLookup(c => c.ParentId);
    }

    public DemandCategory? Find(int id) => byId.GetValueOrDefault(id);

    /// <summary>The category, its parent, ... up to its root.</summary>
    public IEnumerable<DemandCategory> Ancestry(int id)
    {
        var seen = new HashSet<int>();
        for (var c = Find(id); c is not null && seen.Add(c.Id); c = c.ParentId is { } p ? Find(p) : null)
            yield return c;
    }

    /// <summary>"基础设施配套 / 交通出行".</summary>
    public string Path(int id, bool chinese) => string.Join(" / ", Ancestry(id).Reverse().Select(c => c.DisplayName(chinese)));

    /// <summary>The category and everything below it.</summary>
    public List<int> SubtreeOf(int id)
    {
        var result = new List<int>();
        var stack = new Stack<int>([id]);
        while (stack.TryPop(out var next))
        {
            if (result.Contains(next)) continue;
            result.Add(next);
            foreach (var child in children[next]) stack.Push(child.Id);
        }
        return result;
    }

    /// <summary>Offered for new demands: active, and so are all its ancestors.</summary>
    public bool IsOffered(int id) => Ancestry(id).All(c => c.IsActive);

    /// <summary>Depth-first, siblings in their sort order.</summary>
    public IEnumerable<DemandCategory> InTreeOrder(int? parent = null)
    {
        foreach (var c in children[parent].OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
        {
            yield return c;
            foreach (var below in InTreeOrder(c.Id)) yield return below;
        }
    }
}
