using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Platform;
using TechZone.Platform.Api;
using TechZone.Platform.Identity;
using TechZone.Platform.Inbox;
using TechZone.Platform.Zone;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

/// <summary>The to-do inbox: the contract modules use (open, complete), the list API and the home-page card.</summary>
public abstract class InboxTests(ZoneApp app)
{
    static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    async Task<int> DepartmentAsync()
    {
        var code = Unique("d");
        return await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var department = new Department { Code = code, Name = "部门" + code, NameEn = "Department " + code };
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            return department.Id;
        });
    }

    async Task<ZoneUser> StaffAsync(int departmentId) => await app.CreateUserAsync(Unique("u"), Roles.Staff, departmentId);

    Task<long> OpenAsync(InboxItemRequest request) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<InboxService>().OpenAsync(request));

    Task<bool> CompleteAsync(string module, string key) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<InboxService>().CompleteAsync(module, key));

    static async Task<PagedResult<InboxEntry>> InboxOf(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<PagedResult<InboxEntry>>("/api/v1/inbox" + query))!;

    [Fact]
    public async Task Open_TwiceWithTheSameKey_UpdatesOneItem_AndCompleteClosesIt()
    {
        app.SkipIfUnavailable();
        var user = await StaffAsync(await DepartmentAsync());
        var key = Unique("demand:");
        var first = await OpenAsync(new InboxItemRequest("Demands", key, "答复诉求", "Answer the demand", "/demands/1", UserId: user.Id));
        var second = await OpenAsync(new InboxItemRequest("Demands", key, "答复诉求（已催办）", "Answer the demand (reminded)", "/demands/1", UserId: user.Id));

        Assert.Equal(first, second);
        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<InboxItem>().CountAsync(i => i.SourceKey == key)));
        var client = await app.SignedInAsync(user.UserName!);
        var chinese = await InboxOf(client);
        Assert.Equal("答复诉求（已催办）", Assert.Single(chinese.Items).Title);
        var english = await InboxOf(client, "?culture=en");
        Assert.Equal("Answer the demand (reminded)", Assert.Single(english.Items).Title);

        Assert.True(await CompleteAsync("Demands", key));
        Assert.False(await CompleteAsync("Demands", key));
        Assert.Equal(0, (await InboxOf(client)).Total);

        // The same key later (a reopened demand) reopens the one item rather than adding another.
        Assert.Equal(first, await OpenAsync(new InboxItemRequest("Demands", key, "再次答复", "Answer again", "/demands/1", UserId: user.Id)));
        Assert.Equal("再次答复", Assert.Single((await InboxOf(client)).Items).Title);
    }

    [Fact]
    public async Task SameKey_InAnotherModule_IsAnotherItem()
    {
        app.SkipIfUnavailable();
        var user = await StaffAsync(await DepartmentAsync());
        var key = Unique("k");
        var a = await OpenAsync(new InboxItemRequest("Demands", key, "甲", "A", "/a", UserId: user.Id));
        var b = await OpenAsync(new InboxItemRequest("Policies", key, "乙", "B", "/b", UserId: user.Id));
        Assert.NotEqual(a, b);
        Assert.True(await CompleteAsync("Demands", key));
        var client = await app.SignedInAsync(user.UserName!);
        Assert.Equal("乙", Assert.Single((await InboxOf(client)).Items).Title);
    }

    [Fact]
    public async Task DepartmentItem_IsSeenByItsMembers_Only()
    {
        app.SkipIfUnavailable();
        var department = await DepartmentAsync();
        var member1 = await StaffAsync(department);
        var member2 = await StaffAsync(department);
        var outsider = await StaffAsync(await DepartmentAsync());
        await OpenAsync(new InboxItemRequest("Demands", Unique("dept:"), "部门待办", "Department to-do", "/demands/2", DepartmentId: department));
        await OpenAsync(new InboxItemRequest("Demands", Unique("own:"), "个人待办", "Personal to-do", "/demands/3", UserId: member1.Id));

        var one = await InboxOf(await app.SignedInAsync(member1.UserName!));
        Assert.Equal(new[] { "个人待办", "部门待办" }, one.Items.Select(i => i.Title).Order());
        Assert.True(one.Items.Single(i => i.Title == "部门待办").ForDepartment);

        var two = await InboxOf(await app.SignedInAsync(member2.UserName!));
        Assert.Equal("部门待办", Assert.Single(two.Items).Title);

        Assert.Equal(0, (await InboxOf(await app.SignedInAsync(outsider.UserName!))).Total);
    }

    [Fact]
    public async Task List_PutsDueItemsFirst_FlagsOverdue_AndPages()
    {
        app.SkipIfUnavailable();
        var user = await StaffAsync(await DepartmentAsync());
        var now = DateTime.UtcNow;
        await OpenAsync(new InboxItemRequest("Demands", Unique("none:"), "无期限", "No due date", "/x", UserId: user.Id));
        await OpenAsync(new InboxItemRequest("Demands", Unique("later:"), "下周到期", "Due next week", "/x", now.AddDays(7), UserId: user.Id));
        await OpenAsync(new InboxItemRequest("Demands", Unique("late:"), "昨天到期", "Due yesterday", "/x", now.AddDays(-1), UserId: user.Id));
        var client = await app.SignedInAsync(user.UserName!);

        var all = await InboxOf(client);
        Assert.Equal(new[] { "昨天到期", "下周到期", "无期限" }, all.Items.Select(i => i.Title));
        Assert.Equal(new[] { true, false, false }, all.Items.Select(i => i.IsOverdue));
        Assert.Equal(DateTimeKind.Utc, all.Items[0].DueUtc!.Value.Kind);
        Assert.True(Math.Abs((all.Items[0].DueUtc!.Value - now.AddDays(-1)).TotalSeconds) < 1);

        var page2 = await InboxOf(client, "?page=2&pageSize=2");
        Assert.Equal(3, page2.Total);
        Assert.Equal(2, page2.Page);
        Assert.Equal("无期限", Assert.Single(page2.Items).Title);
    }

    [Fact]
    public async Task Open_WithALinkOffSite_OrNoSingleRecipient_IsRefused_AndWritesNothing()
    {
        app.SkipIfUnavailable();
        var department = await DepartmentAsync();
        var user = await StaffAsync(department);
        var key = Unique("bad:");
        foreach (var link in new[] { "https://evil.example/x", "//evil.example/x", "/\\evil.example", "demands/1", "" })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                OpenAsync(new InboxItemRequest("Demands", key, "标题", "Title", link, UserId: user.Id)));
            Assert.Equal("LinkNotLocal", refused.Code);
        }
        var both = await Assert.ThrowsAsync<DomainException>(() =>
            OpenAsync(new InboxItemRequest("Demands", key, "标题", "Title", "/x", UserId: user.Id, DepartmentId: department)));
        Assert.Equal("InboxRecipient", both.Code);
        var neither = await Assert.ThrowsAsync<DomainException>(() => OpenAsync(new InboxItemRequest("Demands", key, "标题", "Title", "/x")));
        Assert.Equal("InboxRecipient", neither.Code);

        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<InboxItem>().CountAsync(i => i.SourceKey == key)));
    }

    [Fact]
    public async Task Api_WithoutSignIn_Returns401()
    {
        app.SkipIfUnavailable();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync("/api/v1/inbox")).StatusCode);
    }

    [Fact]
    public async Task HomeCard_ShowsStaffTheirItems_WithOverdueChip_OrAFriendlyEmptyState()
    {
        app.SkipIfUnavailable();
        var busy = await StaffAsync(await DepartmentAsync());
        var idle = await StaffAsync(await DepartmentAsync());
        await OpenAsync(new InboxItemRequest("Demands", Unique("card:"), "审核申报材料", "Review the application", "/policies/7",
            DateTime.UtcNow.AddDays(-2), UserId: busy.Id));

        var html = await (await app.SignedInAsync(busy.UserName!)).GetStringAsync("/");
        Assert.Contains("data-testid=\"inbox-card\"", html);
        Assert.Contains("审核申报材料", html);
        Assert.Contains("href=\"/policies/7\"", html);
        Assert.Contains("data-testid=\"inbox-overdue\"", html);

        var empty = await (await app.SignedInAsync(idle.UserName!)).GetStringAsync("/");
        Assert.Contains("data-testid=\"inbox-empty\"", empty);

        // The card is for the zone's own people; the enterprise portal's home has none.
        var portal = await (await app.SignedInAsync("feiteng")).GetStringAsync("/");
        Assert.DoesNotContain("data-testid=\"inbox-card\"", portal);
    }
}

[Collection("sqlite")]
public sealed class InboxTests_Sqlite(SqliteApp app) : InboxTests(app);

[Collection("postgres")]
public sealed class InboxTests_Postgres(PostgresApp app) : InboxTests(app);
