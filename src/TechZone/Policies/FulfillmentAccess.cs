using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.SupportPolicies.Resources;

namespace TechZone.SupportPolicies;

/// <summary>
/// What the fulfillment services share: a policy's review stages (its own or the default 受理 → 初审 → 复审 → 公示 →
/// 拨付, all with the policy's department), who may act on them, the locked transaction money moves in, and the
/// to-dos and notifications every step sends.
/// </summary>
public sealed class FulfillmentAccess(ZoneDb db, CurrentUser current, IAuthorizationService authorization, InboxService inbox,
    NotificationService notifications)
{
    public const string Module = "Policies";
    public const int DefaultNoticeDays = 7;

    public CurrentUser Current => current;

    /// <summary>The policy's stages in order; the default five when it configured none (empty when it has no department).</summary>
    public async Task<IReadOnlyList<PolicyStage>> StagesAsync(Policy policy, CancellationToken ct)
    {
        var own = await db.Set<PolicyStage>().AsNoTracking().Where(s => s.PolicyId == policy.Id).OrderBy(s => s.Number).ToListAsync(ct);
        if (own.Count > 0 || policy.DepartmentId is not { } d) return own;
        return DefaultStages(policy.Id, d);
    }

    public static List<PolicyStage> DefaultStages(int policyId, int departmentId)
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var en = CultureInfo.GetCultureInfo("en");
        PolicyStage S(int n, string key, StageKind kind, int days = 0) => new()
        {
            PolicyId = policyId, Number = n, Name = PolicyStrings.ResourceManager.GetString(key, zh)!, NameEn = PolicyStrings.ResourceManager.GetString(key, en)!,
            Kind = kind, DepartmentId = departmentId, NoticeDays = days,
        };
        return
        [
            S(1, "Stage_Accept", StageKind.Review), S(2, "Stage_First", StageKind.Review), S(3, "Stage_Second", StageKind.Review),
            S(4, "Stage_Notice", StageKind.Notice, DefaultNoticeDays), S(5, "Stage_Disburse", StageKind.Disbursement),
        ];
    }

    /// <summary>Admin, or a staff member of the department.</summary>
    public bool IsStaffOf(int? departmentId) =>
        current.IsAdmin || (current.IsStaff && departmentId is { } d && current.DepartmentId == d);

    public async Task<bool> HasReadGrantAsync() =>
        current.IsInternal && (await authorization.AuthorizeAsync(current.Principal, PolicyPolicies.Read)).Succeeded;

    /// <summary>Staff who read the module, the lead department and every stage's department see a policy's applications and awards.</summary>
    public async Task<bool> CanReadAsync(Policy policy, IReadOnlyList<PolicyStage> stages) =>
        current.IsInternal && (await HasReadGrantAsync() || IsStaffOf(policy.DepartmentId) || stages.Any(s => IsStaffOf(s.DepartmentId)));

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that holds the policy's row, so two payments or confirmations of
    /// one policy never both pass the budget check: FOR UPDATE on PostgreSQL; on SQLite the transaction begins
    /// IMMEDIATE, which already serializes writers.
    /// </summary>
    public async Task<T> LockedAsync<T>(int policyId, Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await LockRowAsync(policyId, ct);
            return await work();
        }
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LockRowAsync(policyId, ct);
            var result = await work();
            await tx.CommitAsync(ct);
            return result;
        });
    }

    async Task LockRowAsync(int policyId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM policies_policies WHERE \"Id\" = {0} FOR UPDATE", [policyId], ct);
    }

    public void Step(int applicationId, int stageNumber, ApplicationAction action, string comment = "", string? userName = null) =>
        db.Add(new PolicyApplicationStep
        {
            ApplicationId = applicationId, StageNumber = stageNumber, Action = action, Comment = comment,
            UserName = userName ?? current.UserName ?? "", AtUtc = DateTime.UtcNow,
        });

    static string S(string key, CultureInfo culture, params object[] args) =>
        string.Format(culture, PolicyStrings.ResourceManager.GetString(key, culture)!, args);

    static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN"), En = CultureInfo.GetCultureInfo("en");

    /// <summary>A notification to the enterprise's portal users, "{key}_Title" / "{key}_Body" in both languages.</summary>
    public async Task NotifyEnterpriseAsync(int enterpriseId, string key, string link, object[] zhArgs, object[] enArgs, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.EnterpriseId == enterpriseId).Select(u => u.Id).ToListAsync(ct);
        await NotifyAsync(users, key, link, zhArgs, enArgs, ct);
    }

    public async Task NotifyDepartmentAsync(int departmentId, string key, string link, object[] zhArgs, object[] enArgs, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.DepartmentId == departmentId && u.EnterpriseId == null).Select(u => u.Id).ToListAsync(ct);
        await NotifyAsync(users, key, link, zhArgs, enArgs, ct);
    }

    async Task NotifyAsync(List<string> users, string key, string link, object[] zhArgs, object[] enArgs, CancellationToken ct)
    {
        if (users.Count == 0) return;
        await notifications.NotifyAsync(users, new NotificationMessage(
            Cut(S(key + "_Title", Zh, zhArgs), InboxLimits.Title), Cut(S(key + "_Title", En, enArgs), InboxLimits.Title),
            Cut(S(key + "_Body", Zh, zhArgs), InboxLimits.Body), Cut(S(key + "_Body", En, enArgs), InboxLimits.Body), link), ct: ct);
    }

    /// <summary>The application's to-do for its current stage's department (one item per application, moved from stage to stage).</summary>
    public Task OpenReviewTodoAsync(PolicyApplication a, PolicyStage stage, string itemTitle, string itemTitleEn, CancellationToken ct) =>
        inbox.OpenAsync(new InboxItemRequest(Module, $"application:{a.Id}",
            Cut(S("Todo_Review", Zh, stage.DisplayName(true), itemTitle, a.Id), InboxLimits.Title),
            Cut(S("Todo_Review", En, stage.DisplayName(false), itemTitleEn, a.Id), InboxLimits.Title),
            $"/policies/applications/{a.Id}", DepartmentId: stage.DepartmentId), ct);

    public Task CompleteReviewTodoAsync(int applicationId, CancellationToken ct) => inbox.CompleteAsync(Module, $"application:{applicationId}", ct);

    /// <summary>A returned application is a to-do for each of the enterprise's portal users.</summary>
    public async Task OpenEnterpriseTodosAsync(PolicyApplication a, string itemTitle, string itemTitleEn, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.EnterpriseId == a.EnterpriseId).Select(u => u.Id).ToListAsync(ct);
        foreach (var user in users)
            await inbox.OpenAsync(new InboxItemRequest(Module, $"application:{a.Id}:user:{user}",
                Cut(S("Todo_Returned", Zh, itemTitle), InboxLimits.Title), Cut(S("Todo_Returned", En, itemTitleEn), InboxLimits.Title),
                $"/my/applications/{a.Id}", UserId: user), ct);
    }

    public async Task CompleteEnterpriseTodosAsync(PolicyApplication a, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.EnterpriseId == a.EnterpriseId).Select(u => u.Id).ToListAsync(ct);
        foreach (var user in users) await inbox.CompleteAsync(Module, $"application:{a.Id}:user:{user}", ct);
    }

    public Task OpenObjectionTodoAsync(PolicyObjection o, int departmentId, CancellationToken ct) =>
        inbox.OpenAsync(new InboxItemRequest(Module, $"objection:{o.Id}", Cut(S("Todo_Objection", Zh, o.ApplicationId), InboxLimits.Title),
            Cut(S("Todo_Objection", En, o.ApplicationId), InboxLimits.Title), $"/policies/applications/{o.ApplicationId}", DepartmentId: departmentId), ct);

    public Task CompleteObjectionTodoAsync(int objectionId, CancellationToken ct) => inbox.CompleteAsync(Module, $"objection:{objectionId}", ct);
}
