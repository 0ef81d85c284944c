using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Enterprises;

/// <summary>
/// Portal corrections: an enterprise user proposes changes to its own profile; staff with the write grant accept
/// (through the registry's own update) or reject them; to-dos and notifications follow.
/// </summary>
public abstract class EnterpriseCorrectionTests(ZoneApp app)
{
    const string Mine = "/api/v1/my/enterprise/corrections";

    /// <summary>A fresh enterprise with a portal user of its own, so tests do not share a pending correction.</summary>
    async Task<(EnterpriseDetail Enterprise, HttpClient User, string UserName)> EnterpriseWithUserAsync()
    {
        var admin = await app.SignedInAsync("admin");
        var code = CreditCode.Make("120116", Random.Shared.NextInt64(10_000_000, 29_999_999));
        var response = await admin.PostAsJsonAsync("/api/v1/enterprises", new
        {
            creditCode = code, name = "更正" + Guid.NewGuid().ToString("N")[..8] + "有限公司", legalRepresentative = "王五",
            address = "旧地址1号", industryCode = "65", sizeClass = "Small", registeredCapitalFen = 100_000_000L,
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var enterprise = (await response.Content.ReadFromJsonAsync<EnterpriseDetail>(ZoneApp.Json))!;
        var userName = "corr" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateUserAsync(userName, Roles.Enterprise, enterpriseId: enterprise.Id);
        return (enterprise, await app.SignedInAsync(userName), userName);
    }

    static object Proposal(EnterpriseDetail e, string? address = null, string? legal = null, string? note = null, string? name = null) => new
    {
        name = name ?? e.Name, legalRepresentative = legal ?? e.LegalRepresentative, registeredCapitalFen = e.RegisteredCapitalFen,
        foundedOn = e.FoundedOn, address = address ?? e.Address, industryCode = e.IndustryCode, sizeClass = e.SizeClass, note,
    };

    static async Task<CorrectionItem> ProposeAsync(HttpClient user, object proposal)
    {
        var response = await user.PostAsJsonAsync(Mine, proposal, ZoneApp.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CorrectionItem>(ZoneApp.Json))!;
    }

    static async Task<string?> ProblemCode(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();

    static string Decide(int enterpriseId, int correctionId, string action) => $"/api/v1/enterprises/{enterpriseId}/corrections/{correctionId}/{action}";

    [Fact]
    public async Task Propose_KeepsOnlyTheChangedFields_AndPutsItBeforeTheStaffWhoMayWrite()
    {
        app.SkipIfUnavailable();
        var (enterprise, user, userName) = await EnterpriseWithUserAsync();

        var proposed = await ProposeAsync(user, Proposal(enterprise, address: "新地址 88 号", legal: "赵六", note: "已办理工商变更"));

        Assert.Equal(CorrectionStatus.Pending, proposed.Status);
        Assert.Equal(userName, proposed.ProposedBy);
        Assert.Equal(["legalRepresentative", "address"], proposed.Changes.Select(c => c.Field));
        var address = proposed.Changes.Single(c => c.Field == "address");
        Assert.Equal(("旧地址1号", "新地址 88 号"), (address.Current, address.Proposed));
        Assert.False(proposed.IsStale);
        Assert.Equal("已办理工商变更", proposed.Note);

        // The proposer sees it; the profile is unchanged until staff accept.
        var mine = await user.GetFromJsonAsync<List<CorrectionItem>>(Mine, ZoneApp.Json);
        Assert.Equal(proposed.Id, Assert.Single(mine!).Id);
        var profile = await user.GetFromJsonAsync<EnterpriseDetail>($"/api/v1/enterprises/{enterprise.Id}", ZoneApp.Json);
        Assert.Equal("旧地址1号", profile!.Address);

        // Staff of a department with the write grant have a to-do; a read-only department has none.
        var service = await app.SignedInAsync("service");
        var todo = await service.GetFromJsonAsync<PagedResult<InboxEntry>>("/api/v1/inbox?pageSize=100", ZoneApp.Json);
        Assert.Contains(todo!.Items, i => i.Link == $"/enterprises/{enterprise.Id}" && i.Title.Contains(enterprise.Name));
        var investment = await app.SignedInAsync("investment");
        var none = await investment.GetFromJsonAsync<PagedResult<InboxEntry>>("/api/v1/inbox?pageSize=100", ZoneApp.Json);
        Assert.DoesNotContain(none!.Items, i => i.Link == $"/enterprises/{enterprise.Id}");
        var pending = await service.GetFromJsonAsync<List<CorrectionItem>>("/api/v1/enterprises/corrections", ZoneApp.Json);
        Assert.Contains(pending!, c => c.Id == proposed.Id);
    }

    [Fact]
    public async Task ProposingAgain_ReplacesThePendingCorrection_AndAProposalOfNothingIsRefused()
    {
        app.SkipIfUnavailable();
        var (enterprise, user, _) = await EnterpriseWithUserAsync();
        var first = await ProposeAsync(user, Proposal(enterprise, address: "第一次"));
        var second = await ProposeAsync(user, Proposal(enterprise, legal: "第二次"));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(["legalRepresentative"], second.Changes.Select(c => c.Field));
        Assert.True(second.Version > first.Version);
        var count = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<EnterpriseCorrection>()
            .CountAsync(c => c.EnterpriseId == enterprise.Id));
        Assert.Equal(1, count);

        var nothing = await user.PostAsJsonAsync(Mine, Proposal(enterprise), ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal("CorrectionEmpty", await ProblemCode(nothing));
        var badIndustry = await user.PostAsJsonAsync(Mine, new { name = enterprise.Name, industryCode = "98" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.BadRequest, badIndustry.StatusCode);
    }

    [Fact]
    public async Task Accept_UpdatesTheProfileThroughTheRegistry_NotifiesTheProposer_AndClosesTheToDo()
    {
        app.SkipIfUnavailable();
        var (enterprise, user, _) = await EnterpriseWithUserAsync();
        var newName = enterprise.Name.Replace("有限公司", "科技有限公司");
        var proposed = await ProposeAsync(user, Proposal(enterprise, address: "新地址 1 号", name: newName));
        var service = await app.SignedInAsync("service");

        var response = await service.PostAsJsonAsync(Decide(enterprise.Id, proposed.Id, "accept"),
            new { version = proposed.Version, enterpriseVersion = proposed.EnterpriseVersion }, ZoneApp.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var decided = (await response.Content.ReadFromJsonAsync<CorrectionItem>(ZoneApp.Json))!;
        Assert.Equal((CorrectionStatus.Accepted, "service"), (decided.Status, decided.DecidedBy));
        var profile = (await service.GetFromJsonAsync<EnterpriseDetail>($"/api/v1/enterprises/{enterprise.Id}", ZoneApp.Json))!;
        Assert.Equal(("新地址 1 号", newName), (profile.Address, profile.Name));
        // The registry's own rules applied: the old name is kept as a former name.
        Assert.Equal(enterprise.Name, Assert.Single(profile.FormerNames).Name);
        var audited = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries
            .AnyAsync(a => a.EntityType == "enterprises_enterprises" && a.EntityKey == enterprise.Id.ToString() && a.UserName == "service"));
        Assert.True(audited);

        var notes = await user.GetFromJsonAsync<PagedResult<NotificationEntry>>("/api/v1/notifications", ZoneApp.Json);
        Assert.Contains(notes!.Items, n => n.Title == "档案更正已采纳" && n.Link == "/my/enterprise");
        var todo = await service.GetFromJsonAsync<PagedResult<InboxEntry>>("/api/v1/inbox?pageSize=100", ZoneApp.Json);
        Assert.DoesNotContain(todo!.Items, i => i.Link == $"/enterprises/{enterprise.Id}");

        // Decided once: deciding again is a conflict.
        var again = await service.PostAsJsonAsync(Decide(enterprise.Id, proposed.Id, "reject"), new { version = decided.Version, reason = "晚了" }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Accept_AfterTheProfileChanged_Is409_AndChangesNothing_UntilTheDeciderSawTheCurrentValues()
    {
        app.SkipIfUnavailable();
        var (enterprise, user, _) = await EnterpriseWithUserAsync();
        var proposed = await ProposeAsync(user, Proposal(enterprise, address: "企业提出的地址"));
        var service = await app.SignedInAsync("service");
        var edited = await service.PutAsJsonAsync($"/api/v1/enterprises/{enterprise.Id}", new
        {
            creditCode = enterprise.CreditCode, name = enterprise.Name, legalRepresentative = "工作人员改的", address = enterprise.Address,
            industryCode = enterprise.IndustryCode, sizeClass = enterprise.SizeClass, registeredCapitalFen = enterprise.RegisteredCapitalFen,
            version = enterprise.Version,
        }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var stale = await service.PostAsJsonAsync(Decide(enterprise.Id, proposed.Id, "accept"),
            new { version = proposed.Version, enterpriseVersion = proposed.EnterpriseVersion }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("CorrectionStale", await ProblemCode(stale));
        var profile = (await service.GetFromJsonAsync<EnterpriseDetail>($"/api/v1/enterprises/{enterprise.Id}", ZoneApp.Json))!;
        Assert.Equal(enterprise.Address, profile.Address);

        // Reloaded, the correction says it is stale and shows the current values; accepting now keeps the staff's edit.
        var listed = Assert.Single((await service.GetFromJsonAsync<List<CorrectionItem>>($"/api/v1/enterprises/{enterprise.Id}/corrections", ZoneApp.Json))!);
        Assert.True(listed.IsStale);
        var accepted = await service.PostAsJsonAsync(Decide(enterprise.Id, listed.Id, "accept"),
            new { version = listed.Version, enterpriseVersion = listed.EnterpriseVersion }, ZoneApp.Json);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        profile = (await service.GetFromJsonAsync<EnterpriseDetail>($"/api/v1/enterprises/{enterprise.Id}", ZoneApp.Json))!;
        Assert.Equal(("企业提出的地址", "工作人员改的"), (profile.Address, profile.LegalRepresentative));
    }

    [Fact]
    public async Task Reject_NeedsAReason_AndTellsTheProposerWhy()
    {
        app.SkipIfUnavailable();
        var (enterprise, user, _) = await EnterpriseWithUserAsync();
        var proposed = await ProposeAsync(user, Proposal(enterprise, legal: "钱七"));
        var service = await app.SignedInAsync("service");
        var url = Decide(enterprise.Id, proposed.Id, "reject");

        Assert.Equal(HttpStatusCode.BadRequest, (await service.PostAsJsonAsync(url, new { version = proposed.Version, reason = " " }, ZoneApp.Json)).StatusCode);
        var rejected = await service.PostAsJsonAsync(url, new { version = proposed.Version, reason = "与营业执照不符" }, ZoneApp.Json);

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var mine = Assert.Single((await user.GetFromJsonAsync<List<CorrectionItem>>(Mine, ZoneApp.Json))!);
        Assert.Equal((CorrectionStatus.Rejected, "与营业执照不符"), (mine.Status, mine.RejectReason));
        var profile = (await user.GetFromJsonAsync<EnterpriseDetail>($"/api/v1/enterprises/{enterprise.Id}", ZoneApp.Json))!;
        Assert.Equal("王五", profile.LegalRepresentative);
        var notes = await user.GetFromJsonAsync<PagedResult<NotificationEntry>>("/api/v1/notifications", ZoneApp.Json);
        Assert.Contains(notes!.Items, n => n.Body.Contains("与营业执照不符"));

        // A new proposal may follow a decided one.
        await ProposeAsync(user, Proposal(enterprise, legal: "钱七"));
    }

    [Fact]
    public async Task AnotherEnterprisesCorrections_Are404_AndOnlyWritersDecide()
    {
        app.SkipIfUnavailable();
        var (enterprise, user, _) = await EnterpriseWithUserAsync();
        var proposed = await ProposeAsync(user, Proposal(enterprise, address: "别人看不到"));
        var (other, otherUser, _) = await EnterpriseWithUserAsync();

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/v1/enterprises/{enterprise.Id}/corrections")).StatusCode);
        var foreign = await otherUser.GetAsync($"/api/v1/enterprises/{enterprise.Id}/corrections");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("别人看不到", await foreign.Content.ReadAsStringAsync());
        Assert.Empty((await otherUser.GetFromJsonAsync<List<CorrectionItem>>(Mine, ZoneApp.Json))!);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherUser.GetAsync("/api/v1/enterprises/corrections")).StatusCode);

        var accept = new { version = proposed.Version, enterpriseVersion = proposed.EnterpriseVersion };
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsJsonAsync(Decide(enterprise.Id, proposed.Id, "accept"), accept, ZoneApp.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("investment")).PostAsJsonAsync(Decide(enterprise.Id, proposed.Id, "accept"), accept, ZoneApp.Json)).StatusCode);
        // Staff may not propose: the portal is for enterprise users.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("service")).PostAsJsonAsync(Mine, Proposal(other), ZoneApp.Json)).StatusCode);
        // A correction is found only under its own enterprise.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("service")).PostAsJsonAsync(Decide(other.Id, proposed.Id, "accept"), accept, ZoneApp.Json)).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class EnterpriseCorrectionTests_Sqlite(SqliteApp app) : EnterpriseCorrectionTests(app);

[Collection("postgres")]
public sealed class EnterpriseCorrectionTests_Postgres(PostgresApp app) : EnterpriseCorrectionTests(app);
