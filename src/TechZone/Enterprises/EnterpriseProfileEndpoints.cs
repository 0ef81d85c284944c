using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Identity;
using TechZone.Platform.Localization;
using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

/// <summary>Facts by fiscal year, qualifications and the timeline: per enterprise for staff, and the portal's own.</summary>
static class EnterpriseProfileEndpoints
{
    public static void MapEnterpriseProfileEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/enterprises").WithTags("Enterprises");
        // Reading: staff with a grant, or an enterprise user for its own record (another's answers 404).
        api.MapGet("/{id:int}/facts", Facts).RequireAuthorization(Policies.ReadOrOwn(Modules.Enterprises));
        // Recording: staff with the write grant (403 otherwise), or an enterprise user declaring its own figures.
        api.MapPut("/{id:int}/facts", SaveFacts).RequireAuthorization(Policies.ReadOrOwn(Modules.Enterprises));
        api.MapPost("/{id:int}/facts/verify", Verify).RequireAuthorization(EnterprisePolicies.Write);
        api.MapGet("/facts/verified", Verified).RequireAuthorization(Policies.Read(Modules.Enterprises));

        api.MapGet("/qualification-types", QualificationTypes).RequireAuthorization(Policies.SignedIn);
        api.MapPost("/qualification-types", CreateType).RequireAuthorization(Policies.Admin);
        api.MapPut("/qualification-types/{typeId:int}", UpdateType).RequireAuthorization(Policies.Admin);
        api.MapDelete("/qualification-types/{typeId:int}", DeleteType).RequireAuthorization(Policies.Admin);
        api.MapGet("/{id:int}/qualifications", Qualifications).RequireAuthorization(Policies.ReadOrOwn(Modules.Enterprises));
        api.MapPost("/{id:int}/qualifications", AddQualification).RequireAuthorization(EnterprisePolicies.Write);
        api.MapPut("/{id:int}/qualifications/{qualificationId:int}", UpdateQualification).RequireAuthorization(EnterprisePolicies.Write);
        api.MapDelete("/{id:int}/qualifications/{qualificationId:int}", RemoveQualification).RequireAuthorization(EnterprisePolicies.Write);

        api.MapGet("/{id:int}/timeline", Timeline).RequireAuthorization(Policies.ReadOrOwn(Modules.Enterprises));

        // The enterprise portal: the signed-in enterprise user's own enterprise.
        var mine = app.MapGroup("/api/v1/my/enterprise").WithTags("Enterprise portal");
        mine.MapGet("/facts", MyFacts).RequireAuthorization(Policies.Portal);
        mine.MapPut("/facts", SaveMyFacts).RequireAuthorization(Policies.Portal);
        mine.MapGet("/qualifications", MyQualifications).RequireAuthorization(Policies.Portal);
        mine.MapGet("/timeline", MyTimeline).RequireAuthorization(Policies.Portal);
    }

    static async Task<Results<Ok<EnterpriseFacts>, NotFound>> Facts(int id, [AsParameters] FactsQuery query, EnterpriseFactsService facts, CancellationToken ct) =>
        await facts.GetAsync(id, query.Year, ct) is { } f ? TypedResults.Ok(f) : TypedResults.NotFound();

    static async Task<Results<Ok<EnterpriseFacts>, NotFound>> SaveFacts(int id, FactsRequest request, EnterpriseFactsService facts, CancellationToken ct) =>
        await facts.SaveAsync(id, request, ct) is { } f ? TypedResults.Ok(f) : TypedResults.NotFound();

    static async Task<Results<Ok<EnterpriseFacts>, NotFound>> Verify(int id, FactVerifyRequest request, EnterpriseFactsService facts, CancellationToken ct) =>
        await facts.VerifyAsync(id, request, ct) is { } f ? TypedResults.Ok(f) : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<VerifiedFact>>> Verified([AsParameters] VerifiedFactsQuery query, EnterpriseFactsService facts, CancellationToken ct) =>
        TypedResults.Ok(await facts.VerifiedAsync(query.Year!.Value, query.Metric!.Value, query.AtLeast, query.AtMost, ct));

    static async Task<Results<Ok<EnterpriseFacts>, NotFound>> MyFacts([AsParameters] FactsQuery query, EnterpriseFactsService facts, CancellationToken ct) =>
        await facts.GetMineAsync(query.Year, ct) is { } f ? TypedResults.Ok(f) : TypedResults.NotFound();

    static async Task<Results<Ok<EnterpriseFacts>, NotFound>> SaveMyFacts(FactsRequest request, EnterpriseFactsService facts, CancellationToken ct) =>
        await facts.SaveMineAsync(request, ct) is { } f ? TypedResults.Ok(f) : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<QualificationTypeItem>>> QualificationTypes(bool? activeOnly, QualificationService qualifications, CancellationToken ct) =>
        TypedResults.Ok(await qualifications.ListTypesAsync(ZoneCultures.IsChinese, activeOnly == true, ct));

    static async Task<Created<QualificationTypeItem>> CreateType(QualificationTypeRequest request, QualificationService qualifications, CancellationToken ct)
    {
        var type = await qualifications.CreateTypeAsync(request, ZoneCultures.IsChinese, ct);
        return TypedResults.Created($"/api/v1/enterprises/qualification-types/{type.Id}", type);
    }

    static async Task<Results<Ok<QualificationTypeItem>, NotFound>> UpdateType(int typeId, QualificationTypeRequest request, QualificationService qualifications, CancellationToken ct) =>
        await qualifications.UpdateTypeAsync(typeId, request, ZoneCultures.IsChinese, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> DeleteType(int typeId, long? version, QualificationService qualifications, CancellationToken ct) =>
        await qualifications.DeleteTypeAsync(typeId, version, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<QualificationItem>>, NotFound>> Qualifications(int id, QualificationService qualifications, CancellationToken ct) =>
        await qualifications.ListAsync(id, ZoneCultures.IsChinese, ct) is { } q ? TypedResults.Ok(q) : TypedResults.NotFound();

    static async Task<Results<Created<QualificationItem>, NotFound>> AddQualification(int id, QualificationRequest request, QualificationService qualifications, CancellationToken ct) =>
        await qualifications.AddAsync(id, request, ZoneCultures.IsChinese, ct) is { } q
            ? TypedResults.Created($"/api/v1/enterprises/{id}/qualifications/{q.Id}", q) : TypedResults.NotFound();

    static async Task<Results<Ok<QualificationItem>, NotFound>> UpdateQualification(int id, int qualificationId, QualificationRequest request, QualificationService qualifications, CancellationToken ct) =>
        await qualifications.UpdateAsync(id, qualificationId, request, ZoneCultures.IsChinese, ct) is { } q ? TypedResults.Ok(q) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> RemoveQualification(int id, int qualificationId, long? version, QualificationService qualifications, CancellationToken ct) =>
        await qualifications.RemoveAsync(id, qualificationId, version, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<QualificationItem>>, NotFound>> MyQualifications(QualificationService qualifications, CancellationToken ct) =>
        await qualifications.ListMineAsync(ZoneCultures.IsChinese, ct) is { } q ? TypedResults.Ok(q) : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<TimelineEvent>>, NotFound>> Timeline(int id, EnterpriseTimelineService timeline, CancellationToken ct) =>
        await timeline.GetAsync(id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<TimelineEvent>>, NotFound>> MyTimeline(EnterpriseTimelineService timeline, CancellationToken ct) =>
        await timeline.GetMineAsync(ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound();
}
