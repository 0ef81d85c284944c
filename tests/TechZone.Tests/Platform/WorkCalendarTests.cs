using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Platform.Calendar;
using TechZone.Platform.Seeding;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

/// <summary>
/// The official calendar is seeded and counted right, the API guards and refuses as it should, and working days
/// follow edits made elsewhere at once. Tests that write use a year of their own, far from the seeded ones.
/// </summary>
public abstract class WorkCalendarTests(ZoneApp app)
{
    static DateOnly D(int year, int month, int day) => new(year, month, day);

    Task<T> WithCalendarAsync<T>(Func<WorkCalendar, Task<T>> action) =>
        app.WithScopeAsync(sp => action(sp.GetRequiredService<WorkCalendar>()));

    Task<(int Days, long Audit)> SnapshotAsync() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ZoneDb>();
        return (await db.Set<CalendarDay>().CountAsync(), await db.AuditEntries.LongCountAsync());
    });

    static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body, string language = "zh-CN")
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = body as string is { } raw
                ? new StringContent(raw, Encoding.UTF8, "application/json")
                : JsonContent.Create(body, body.GetType(), options: ZoneApp.Json);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;

    static CalendarDayRequest Request(DateOnly date, CalendarDayKind kind, string name = "测试", long? version = null) =>
        new() { Date = date, Kind = kind, Name = name, NameEn = "Test", Version = version };

    [Fact]
    public async Task NationalDay2025_IsOff_AndItsMakeUpWeekendDaysAreWorked()
    {
        app.SkipIfUnavailable();
        for (var day = D(2025, 10, 1); day <= D(2025, 10, 8); day = day.AddDays(1))
        {
            var date = day;
            Assert.False(await WithCalendarAsync(c => c.IsWorkingDayAsync(date)), $"{date} is part of National Day");
        }
        Assert.True(await WithCalendarAsync(c => c.IsWorkingDayAsync(D(2025, 9, 28))));   // Sunday, worked
        Assert.True(await WithCalendarAsync(c => c.IsWorkingDayAsync(D(2025, 10, 11))));  // Saturday, worked
        Assert.True(await WithCalendarAsync(c => c.IsWorkingDayAsync(D(2025, 10, 9))));
        Assert.False(await WithCalendarAsync(c => c.IsWorkingDayAsync(D(2025, 10, 12)))); // an ordinary Sunday
    }

    [Fact]
    public async Task ThreeWorkingDays_AfterADemandOn30September2025_FallDueOnTheMakeUpSaturday()
    {
        app.SkipIfUnavailable();
        // Received Tuesday 15:00 in Beijing: the day of receipt is not counted, 1–8 October are off,
        // then Thursday 9th, Friday 10th and Saturday 11th (a make-up working day).
        var due = await WithCalendarAsync(c => c.AddWorkingDaysAsync(new DateTime(2025, 9, 30, 7, 0, 0, DateTimeKind.Utc), 3));
        Assert.Equal(new DateTime(2025, 10, 11, 16, 0, 0, DateTimeKind.Utc), due); // midnight at the end of the 11th, UTC+8
        Assert.Equal(DateTimeKind.Utc, due.Kind);

        // 00:30 on 1 October in Beijing is still 30 September in UTC: the zone's date counts, a holiday, so counting
        // starts at the next working day and lands on the same day.
        Assert.Equal(due, await WithCalendarAsync(c => c.AddWorkingDaysAsync(new DateTime(2025, 9, 30, 16, 30, 0, DateTimeKind.Utc), 3)));
        Assert.Equal(3, await WithCalendarAsync(c => c.WorkingDaysBetweenAsync(D(2025, 9, 30), D(2025, 10, 11))));
        Assert.Equal(3, await WithCalendarAsync(c => c.WorkingDaysBetweenAsync(new DateTime(2025, 9, 30, 7, 0, 0, DateTimeKind.Utc), due.AddTicks(-1))));
    }

    [Fact]
    public async Task SpringFestival2026_IsOffFrom15To23February_WithTwoMakeUpSaturdays()
    {
        app.SkipIfUnavailable();
        var week = await WithCalendarAsync(async c =>
        {
            var result = new List<bool>();
            for (var day = D(2026, 2, 14); day <= D(2026, 2, 28); day = day.AddDays(1)) result.Add(await c.IsWorkingDayAsync(day));
            return result;
        });
        //                14    15     16     17     18     19     20     21     22     23     24    25    26    27    28
        Assert.Equal([true, false, false, false, false, false, false, false, false, false, true, true, true, true, true], week);

        // Received Friday 13 February at 10:00: Saturday 14th is the first working day, then the 24th and the 25th.
        var due = await WithCalendarAsync(c => c.AddWorkingDaysAsync(new DateTime(2026, 2, 13, 2, 0, 0, DateTimeKind.Utc), 3));
        Assert.Equal(new DateTime(2026, 2, 25, 16, 0, 0, DateTimeKind.Utc), due);
        Assert.Equal(6, await WithCalendarAsync(c => c.WorkingDaysBetweenAsync(D(2026, 2, 13), D(2026, 2, 28))));
        Assert.Equal(-6, await WithCalendarAsync(c => c.WorkingDaysBetweenAsync(D(2026, 2, 28), D(2026, 2, 13))));
    }

    [Fact]
    public async Task List_ByYear_IsOpenToEverySignedInUser_InTheirLanguage()
    {
        app.SkipIfUnavailable();
        var staff = await app.SignedInAsync("service.staff");
        var year2025 = (await staff.GetFromJsonAsync<List<CalendarDayItem>>("/api/v1/calendar?year=2025", ZoneApp.Json))!;
        Assert.Equal(18, year2025.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(5, year2025.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
        Assert.Equal(year2025.OrderBy(d => d.Date).Select(d => d.Date), year2025.Select(d => d.Date));
        Assert.All(year2025, d => Assert.Equal(2025, d.Date.Year));

        var english = await SendAsync(staff, HttpMethod.Get, "/api/v1/calendar?year=2026", null, "en");
        var year2026 = (await english.Content.ReadFromJsonAsync<List<CalendarDayItem>>(ZoneApp.Json))!;
        Assert.Equal(19, year2026.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(6, year2026.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
        var springFestival = year2026.Single(d => d.Date == D(2026, 2, 16));
        Assert.Equal(("Spring Festival", "春节"), (springFestival.Name, springFestival.NameZh));

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/v1/calendar?year=1850")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/calendar?year=2025")).StatusCode);
    }

    [Fact]
    public async Task Admin_CreatesUpdatesAndDeletes_AndWorkingDaysFollow_WithAuditEntries()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var monday = D(2031, 3, 3);
        var auditBefore = (await SnapshotAsync()).Audit;

        var created = await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", Request(monday, CalendarDayKind.Holiday, "园区开放日"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var day = (await created.Content.ReadFromJsonAsync<CalendarDayItem>(ZoneApp.Json))!;
        Assert.Equal($"/api/v1/calendar/{day.Id}", created.Headers.Location?.OriginalString);
        Assert.False(await WithCalendarAsync(c => c.IsWorkingDayAsync(monday)));

        var updated = await SendAsync(admin, HttpMethod.Put, $"/api/v1/calendar/{day.Id}", Request(monday.AddDays(1), CalendarDayKind.Holiday, "园区开放日（改期）", day.Version));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var moved = (await updated.Content.ReadFromJsonAsync<CalendarDayItem>(ZoneApp.Json))!;
        Assert.Equal(day.Version + 1, moved.Version);
        Assert.True(await WithCalendarAsync(c => c.IsWorkingDayAsync(monday)));
        Assert.False(await WithCalendarAsync(c => c.IsWorkingDayAsync(monday.AddDays(1))));

        // A stale version: someone else saved in between.
        var before = await SnapshotAsync();
        var stale = await SendAsync(admin, HttpMethod.Put, $"/api/v1/calendar/{day.Id}", Request(monday.AddDays(2), CalendarDayKind.Holiday, "过期", day.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var noVersion = await SendAsync(admin, HttpMethod.Put, $"/api/v1/calendar/{day.Id}", Request(monday.AddDays(2), CalendarDayKind.Holiday, "无版本"));
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/calendar/{day.Id}?version={day.Version}")).StatusCode);
        Assert.Equal(before, await SnapshotAsync());
        Assert.False(await WithCalendarAsync(c => c.IsWorkingDayAsync(monday.AddDays(1))));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendar/{day.Id}?version={moved.Version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/calendar/{day.Id}")).StatusCode);
        Assert.True(await WithCalendarAsync(c => c.IsWorkingDayAsync(monday.AddDays(1))));

        var kinds = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().AuditEntries
            .Where(e => e.Sequence > auditBefore && e.EntityType == "platform_calendar_days" && e.EntityKey == day.Id.ToString())
            .OrderBy(e => e.Sequence).Select(e => e.Kind.ToString()).ToListAsync());
        Assert.Equal(["Insert", "Update", "Delete"], kinds);
    }

    [Fact]
    public async Task Refusals_AreLocalized_AndChangeNothing()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var existing = await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", Request(D(2032, 3, 1), CalendarDayKind.Holiday));
        Assert.Equal(HttpStatusCode.Created, existing.StatusCode);
        var before = await SnapshotAsync();

        var weekendHoliday = await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", Request(D(2032, 3, 6), CalendarDayKind.Holiday));
        Assert.Equal(HttpStatusCode.BadRequest, weekendHoliday.StatusCode);
        Assert.Contains("周六或周日", await DetailAsync(weekendHoliday));
        var weekendHolidayEn = await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", Request(D(2032, 3, 6), CalendarDayKind.Holiday), "en");
        Assert.Contains("Saturday or Sunday", await DetailAsync(weekendHolidayEn));

        var weekdayMakeUp = await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", Request(D(2032, 3, 2), CalendarDayKind.MakeUpWorkday));
        Assert.Equal(HttpStatusCode.BadRequest, weekdayMakeUp.StatusCode);
        Assert.Contains("调休上班", await DetailAsync(weekdayMakeUp));

        var duplicate = await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", Request(D(2032, 3, 1), CalendarDayKind.Holiday, "重复"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("2032-03-01", await DetailAsync(duplicate));

        // Moving another entry onto a taken date is the same conflict.
        var other = (await (await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", Request(D(2032, 3, 8), CalendarDayKind.Holiday))).Content
            .ReadFromJsonAsync<CalendarDayItem>(ZoneApp.Json))!;
        before = await SnapshotAsync();
        var moveOnto = await SendAsync(admin, HttpMethod.Put, $"/api/v1/calendar/{other.Id}", Request(D(2032, 3, 1), CalendarDayKind.Holiday, "重复", other.Version));
        Assert.Equal(HttpStatusCode.Conflict, moveOnto.StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", "{\"date\": \"2032-03-09\", \"kind\": \"Holiday\", \"name\": \"\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", "{\"date\": \"2032-03-09\", \"name\": \"x\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", "{\"date\": \"2032-03-09\", \"kind\": \"Weekend\", \"name\": \"x\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", "{\"date\": \"2032-03-09\", \"kind\": 1, \"name\": \"x\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", "{\"date\": \"2032-13-40\", \"kind\": \"Holiday\", \"name\": \"x\"}")).StatusCode);
        var tooLong = await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", Request(D(2032, 3, 9), CalendarDayKind.Holiday, new string('节', 51)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(admin, HttpMethod.Put, "/api/v1/calendar/999999", Request(D(2032, 3, 9), CalendarDayKind.Holiday, version: 0))).StatusCode);

        Assert.Equal(before, await SnapshotAsync());
        Assert.True(await WithCalendarAsync(c => c.IsWorkingDayAsync(D(2032, 3, 9))));
    }

    [Fact]
    public async Task Writes_ByAnyoneButAnAdmin_Are403_AndChangeNothing()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var day = (await (await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", Request(D(2033, 3, 1), CalendarDayKind.Holiday))).Content
            .ReadFromJsonAsync<CalendarDayItem>(ZoneApp.Json))!;
        // Signed in first: a sign-in is itself an audit entry.
        var clients = new List<HttpClient>();
        foreach (var user in new[] { "leader", "service", "service.staff" }) clients.Add(await app.SignedInAsync(user));
        var before = await SnapshotAsync();

        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Post, "/api/v1/calendar", Request(D(2033, 3, 2), CalendarDayKind.Holiday))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Put, $"/api/v1/calendar/{day.Id}", Request(D(2033, 3, 2), CalendarDayKind.Holiday, version: day.Version))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/calendar/{day.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/calendar")).StatusCode);
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task WorkCalendar_SeesAChangeMadeByAnotherInstance_AtOnce()
    {
        app.SkipIfUnavailable();
        var monday = D(2034, 5, 1);
        Assert.True(await WithCalendarAsync(c => c.IsWorkingDayAsync(monday)));

        // As another instance would: a write straight to the database that this process hears nothing about.
        var id = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var day = new CalendarDay { Date = monday, Kind = CalendarDayKind.Holiday, Name = "劳动节", NameEn = "Labour Day" };
            db.Add(day);
            await db.SaveChangesAsync();
            return day.Id;
        });
        Assert.False(await WithCalendarAsync(c => c.IsWorkingDayAsync(monday)));

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ZoneDb>();
            var day = await db.Set<CalendarDay>().SingleAsync(d => d.Id == id);
            day.Date = monday.AddDays(1);
            return await db.SaveChangesAsync();
        });
        var (mondayWorks, tuesdayWorks) = await WithCalendarAsync(async c => (await c.IsWorkingDayAsync(monday), await c.IsWorkingDayAsync(monday.AddDays(1))));
        Assert.True(mondayWorks);
        Assert.False(tuesdayWorks);

        await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<CalendarDay>().Where(d => d.Id == id).ExecuteDeleteAsync());
        Assert.True(await WithCalendarAsync(c => c.IsWorkingDayAsync(monday.AddDays(1))));
    }

    [Fact]
    public async Task OfficialSeeding_IsIdempotent_AndLeavesAnAdminsDeletionDeleted()
    {
        app.SkipIfUnavailable();
        var seed = app.Services.GetServices<IReferenceData>().OfType<OfficialCalendar>().Single();
        var before = await SnapshotAsync();
        await app.WithScopeAsync(async sp => { await seed.SeedAsync(sp.GetRequiredService<ZoneDb>(), default); return 0; });
        Assert.Equal(before, await SnapshotAsync());

        var admin = await app.SignedInAsync("admin");
        var nationalDay = (await admin.GetFromJsonAsync<List<CalendarDayItem>>("/api/v1/calendar?year=2026", ZoneApp.Json))!.Single(d => d.Date == D(2026, 10, 7));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendar/{nationalDay.Id}")).StatusCode);
        try
        {
            await app.WithScopeAsync(async sp => { await seed.SeedAsync(sp.GetRequiredService<ZoneDb>(), default); return 0; });
            Assert.True(await WithCalendarAsync(c => c.IsWorkingDayAsync(D(2026, 10, 7))));
        }
        finally
        {
            var restored = await SendAsync(admin, HttpMethod.Post, "/api/v1/calendar", Request(D(2026, 10, 7), CalendarDayKind.Holiday, nationalDay.NameZh) with { NameEn = nationalDay.NameEn });
            Assert.Equal(HttpStatusCode.Created, restored.StatusCode);
        }
    }

    [Fact]
    public async Task AdminPage_ShowsTheYear_HolidaysAndMakeUpDaysMarked()
    {
        app.SkipIfUnavailable();
        var admin = await app.SignedInAsync("admin");
        var html = await admin.GetStringAsync("/admin/calendar?year=2026");
        Assert.Contains("节假日日历", html);
        Assert.Matches("class=\"tz-cal-day tz-cal-holiday[^\"]*\"[^>]*data-testid=\"day-2026-02-16\"", html);
        Assert.Matches("class=\"tz-cal-day tz-cal-makeup[^\"]*\"[^>]*data-testid=\"day-2026-02-14\"", html);
        Assert.Matches("class=\"tz-cal-day tz-cal-weekend[^\"]*\"[^>]*data-testid=\"day-2026-02-15\"", html);
    }
}

[Collection("sqlite")]
public sealed class WorkCalendarTests_Sqlite(SqliteApp app) : WorkCalendarTests(app);

[Collection("postgres")]
public sealed class WorkCalendarTests_Postgres(PostgresApp app) : WorkCalendarTests(app);

/// <summary>Working-day arithmetic on its own, without a database.</summary>
public class WorkingDaysTests
{
    static readonly WorkingDays Calendar = new(OfficialCalendar.DaysOf(2025).Concat(OfficialCalendar.DaysOf(2026))
        .Select(d => KeyValuePair.Create(d.Date, d.Kind)));

    [Fact]
    public void OfficialYears_HaveOnlyWeekdayHolidays_AndWeekendMakeUpDays()
    {
        foreach (var year in OfficialCalendar.Years.Keys)
            Assert.All(OfficialCalendar.DaysOf(year), d =>
                Assert.Equal(d.Kind == CalendarDayKind.MakeUpWorkday, CalendarDay.IsWeekend(d.Date)));
        Assert.Equal(23, OfficialCalendar.DaysOf(2025).Count());
        Assert.Equal(25, OfficialCalendar.DaysOf(2026).Count());
    }

    [Fact]
    public void AYear_HasTheWorkingDaysThatTheNoticesMake()
    {
        // 2025: 261 weekdays, 18 of them off, 5 weekend days worked; 2026: 261 weekdays, 19 off, 6 worked.
        Assert.Equal(261 - 18 + 5, Calendar.WorkingDaysBetween(new DateOnly(2024, 12, 31), new DateOnly(2025, 12, 31)));
        Assert.Equal(261 - 19 + 6, Calendar.WorkingDaysBetween(new DateOnly(2025, 12, 31), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void CountingFromAWeekend_StartsAtTheNextWorkingDay()
    {
        Assert.Equal(new DateOnly(2025, 6, 9), Calendar.AddWorkingDays(new DateOnly(2025, 6, 7), 1));  // Saturday → Monday
        Assert.Equal(new DateOnly(2025, 6, 9), Calendar.AddWorkingDays(new DateOnly(2025, 6, 6), 1));  // Friday → Monday
        Assert.Equal(new DateOnly(2025, 6, 6), Calendar.AddWorkingDays(new DateOnly(2025, 6, 6), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2025, 6, 6), -1));
        // New Year 2026: Thursday 1st to Saturday 3rd off, Sunday 4th worked.
        Assert.Equal(new DateOnly(2026, 1, 4), Calendar.AddWorkingDays(new DateOnly(2025, 12, 31), 1));
    }

    [Fact]
    public void AYearWithoutEntries_FollowsMondayToFriday()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 10, 1)));   // a Friday; the 2027 notice is not out
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2027, 10, 2)));
        Assert.True(WorkingDays.Empty.IsWorkingDay(new DateOnly(2025, 10, 1)));
    }
}
