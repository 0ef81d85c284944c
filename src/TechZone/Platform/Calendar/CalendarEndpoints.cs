using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;

namespace TechZone.Platform.Calendar;

static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        api.MapGet("/", List).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        api.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Admin);
        api.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.Admin);
    }

    static async Task<Ok<IReadOnlyList<CalendarDayItem>>> List([AsParameters] CalendarQuery query, CalendarService calendar, CancellationToken ct) =>
        TypedResults.Ok(await calendar.ListAsync(query.Year, ZoneCultures.IsChinese, ct));

    static async Task<Created<CalendarDayItem>> Create(CalendarDayRequest request, CalendarService calendar, CancellationToken ct)
    {
        var day = await calendar.CreateAsync(request, ZoneCultures.IsChinese, ct);
        return TypedResults.Created($"/api/v1/calendar/{day.Id}", day);
    }

    static async Task<Results<Ok<CalendarDayItem>, NotFound>> Update(int id, CalendarDayRequest request, CalendarService calendar, CancellationToken ct) =>
        await calendar.UpdateAsync(id, request, ZoneCultures.IsChinese, ct) is { } day ? TypedResults.Ok(day) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> Delete(int id, long? version, CalendarService calendar, CancellationToken ct) =>
        await calendar.DeleteAsync(id, version, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
