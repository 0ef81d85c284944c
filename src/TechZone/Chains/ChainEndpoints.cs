using Microsoft.AspNetCore.Http.HttpResults;
using TechZone.Platform.Api;
using TechZone.Platform.Localization;

namespace TechZone.Chains;

static class ChainEndpoints
{
    const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapChainEndpoints(this IEndpointRouteBuilder app)
    {
        var chains = app.MapGroup("/api/v1/chains").WithTags("Chains");
        chains.MapGet("/", ListChains).RequireAuthorization(ChainPolicies.Read);
        chains.MapPost("/", CreateChain).RequireAuthorization(ChainPolicies.Write);
        chains.MapGet("/{id:int}", Map).RequireAuthorization(ChainPolicies.Read);
        chains.MapPut("/{id:int}/thresholds", SetThresholds).RequireAuthorization(ChainPolicies.Write);
        chains.MapGet("/{id:int}/export", Export).RequireAuthorization(ChainPolicies.Read);
        chains.MapPost("/{id:int}/segments", AddSegment).RequireAuthorization(ChainPolicies.Write);
        chains.MapGet("/segments", SegmentRefs).RequireAuthorization(ChainPolicies.Read);
        chains.MapGet("/segments/{segmentId:int}", Segment).RequireAuthorization(ChainPolicies.Read);
        chains.MapPut("/segments/{segmentId:int}", UpdateSegment).RequireAuthorization(ChainPolicies.Write);
        chains.MapDelete("/segments/{segmentId:int}", RemoveSegment).RequireAuthorization(ChainPolicies.Write);
        chains.MapPost("/segments/{segmentId:int}/tags", Tag).RequireAuthorization(ChainPolicies.Write);
        chains.MapDelete("/segments/{segmentId:int}/tags/{enterpriseId:int}", Untag).RequireAuthorization(ChainPolicies.Write);
        chains.MapGet("/enterprises/{enterpriseId:int}", TagsOf).RequireAuthorization(ChainPolicies.Read);
        chains.MapGet("/settings", Settings).RequireAuthorization(ChainPolicies.Read);
        chains.MapPut("/settings", SetSettings).RequireAuthorization(ChainPolicies.Write);

        var leads = app.MapGroup("/api/v1/leads").WithTags("Leads");
        leads.MapGet("/", SearchLeads).RequireAuthorization(ChainPolicies.Read);
        leads.MapPost("/", CreateLead).RequireAuthorization(ChainPolicies.Write);
        leads.MapGet("/{id:int}", GetLead).RequireAuthorization(ChainPolicies.Read);
        leads.MapPut("/{id:int}", UpdateLead).RequireAuthorization(ChainPolicies.Write);
        leads.MapPost("/{id:int}/move", Move).RequireAuthorization(ChainPolicies.Write);
        leads.MapPost("/{id:int}/lose", Lose).RequireAuthorization(ChainPolicies.Write);
        leads.MapPost("/{id:int}/reopen", Reopen).RequireAuthorization(ChainPolicies.Write);
        leads.MapPost("/{id:int}/register", Register).RequireAuthorization(ChainPolicies.Write);
        leads.MapGet("/board", Board).RequireAuthorization(ChainPolicies.Read);
        leads.MapGet("/figures", Figures).RequireAuthorization(ChainPolicies.Read);
        leads.MapGet("/owners", Owners).RequireAuthorization(ChainPolicies.Read);
        leads.MapGet("/stages", Stages).RequireAuthorization(ChainPolicies.Read);
        leads.MapPost("/stages", CreateStage).RequireAuthorization(ChainPolicies.Write);
        leads.MapPut("/stages/{id:int}", UpdateStage).RequireAuthorization(ChainPolicies.Write);

        var projects = app.MapGroup("/api/v1/projects").WithTags("Key projects");
        projects.MapGet("/", Overview).RequireAuthorization(ChainPolicies.Read);
        projects.MapPost("/", CreateProject).RequireAuthorization(ChainPolicies.Write);
        projects.MapGet("/{id:int}", GetProject).RequireAuthorization(ChainPolicies.Read);
        projects.MapPut("/{id:int}", UpdateProject).RequireAuthorization(ChainPolicies.Write);
        projects.MapPost("/{id:int}/milestones", AddMilestone).RequireAuthorization(ChainPolicies.Write);
        projects.MapPut("/{id:int}/milestones/{milestoneId:int}", UpdateMilestone).RequireAuthorization(ChainPolicies.Write);
        projects.MapDelete("/{id:int}/milestones/{milestoneId:int}", RemoveMilestone).RequireAuthorization(ChainPolicies.Write);
        projects.MapGet("/template", Template).RequireAuthorization(ChainPolicies.Read);
        projects.MapPut("/template", SetTemplate).RequireAuthorization(ChainPolicies.Write);
    }

    static bool Chinese => ZoneCultures.IsChinese;

    // ---- chains ----

    static async Task<Ok<IReadOnlyList<ChainItem>>> ListChains(ChainService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(Chinese, ct));

    static async Task<Created<ChainMap>> CreateChain(ChainRequest request, ChainService service, CancellationToken ct)
    {
        var id = await service.CreateChainAsync(request, ct);
        return TypedResults.Created($"/api/v1/chains/{id}", (await service.MapAsync(id, Chinese, ct))!);
    }

    static async Task<Results<Ok<ChainMap>, NotFound>> Map(int id, ChainService service, CancellationToken ct) =>
        await service.MapAsync(id, Chinese, ct) is { } map ? TypedResults.Ok(map) : TypedResults.NotFound();

    static async Task<Results<Ok<ChainMap>, NotFound>> SetThresholds(int id, ThresholdsRequest request, ChainService service, CancellationToken ct) =>
        await service.SetThresholdsAsync(id, request, ct) && await service.MapAsync(id, Chinese, ct) is { } map ? TypedResults.Ok(map) : TypedResults.NotFound();

    static async Task<Results<FileContentHttpResult, NotFound>> Export(int id, ChainService service, CancellationToken ct)
    {
        // Buffered: the workbook is a zip, which needs synchronous writes that Kestrel refuses on the response body.
        using var buffer = new MemoryStream();
        var map = await service.ExportAsync(id, Chinese, buffer, ct);
        if (map is null) return TypedResults.NotFound();
        return TypedResults.File(buffer.ToArray(), Xlsx, $"{map.Chain.Name}-{DateTime.UtcNow:yyyyMMdd}.xlsx");
    }

    static async Task<Results<Created<SegmentDetail>, NotFound>> AddSegment(int id, SegmentRequest request, ChainService service,
        LeadService leads, ProjectService projects, CancellationToken ct) =>
        await service.AddSegmentAsync(id, request, ct) is { } segmentId
            ? TypedResults.Created($"/api/v1/chains/segments/{segmentId}", (await service.SegmentAsync(segmentId, Chinese, leads, projects, ct))!)
            : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<SegmentRef>>> SegmentRefs(ChainService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SegmentRefsAsync(Chinese, ct));

    static async Task<Results<Ok<SegmentDetail>, NotFound>> Segment(int segmentId, ChainService service, LeadService leads, ProjectService projects, CancellationToken ct) =>
        await service.SegmentAsync(segmentId, Chinese, leads, projects, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    static async Task<Results<Ok<SegmentDetail>, NotFound>> UpdateSegment(int segmentId, SegmentRequest request, ChainService service,
        LeadService leads, ProjectService projects, CancellationToken ct) =>
        await service.UpdateSegmentAsync(segmentId, request, ct) && await service.SegmentAsync(segmentId, Chinese, leads, projects, ct) is { } d
            ? TypedResults.Ok(d) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> RemoveSegment(int segmentId, long? version, ChainService service, CancellationToken ct) =>
        await service.RemoveSegmentAsync(segmentId, version, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Results<Ok<SegmentDetail>, NotFound>> Tag(int segmentId, TagRequest request, ChainService service,
        LeadService leads, ProjectService projects, CancellationToken ct) =>
        await service.TagAsync(segmentId, request, ct) && await service.SegmentAsync(segmentId, Chinese, leads, projects, ct) is { } d
            ? TypedResults.Ok(d) : TypedResults.NotFound();

    static async Task<Results<NoContent, NotFound>> Untag(int segmentId, int enterpriseId, ChainService service, CancellationToken ct) =>
        await service.UntagAsync(segmentId, enterpriseId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    static async Task<Results<Ok<IReadOnlyList<EnterpriseChainTag>>, NotFound>> TagsOf(int enterpriseId, ChainService service, CancellationToken ct) =>
        await service.TagsOfAsync(enterpriseId, Chinese, ct) is { } tags ? TypedResults.Ok(tags) : TypedResults.NotFound();

    static async Task<Ok<ChainSettingsItem>> Settings(LeadService service, CancellationToken ct) => TypedResults.Ok(await service.SettingsAsync(ct));

    static async Task<Ok<ChainSettingsItem>> SetSettings(ChainSettingsRequest request, LeadService service, CancellationToken ct)
    {
        await service.SetSettingsAsync(request, ct);
        return TypedResults.Ok(await service.SettingsAsync(ct));
    }

    // ---- leads ----

    static async Task<Ok<PagedResult<LeadSummary>>> SearchLeads([AsParameters] LeadQuery query, LeadService service, CancellationToken ct) =>
        TypedResults.Ok(await service.SearchAsync(query, Chinese, ct));

    static async Task<Created<LeadDetail>> CreateLead(LeadRequest request, LeadService service, CancellationToken ct)
    {
        var id = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/leads/{id}", (await service.GetAsync(id, Chinese, ct))!);
    }

    static async Task<Results<Ok<LeadDetail>, NotFound>> GetLead(int id, LeadService service, CancellationToken ct) =>
        await service.GetAsync(id, Chinese, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    static Task<Results<Ok<LeadDetail>, NotFound>> UpdateLead(int id, LeadRequest request, LeadService service, CancellationToken ct) =>
        Then(id, service.UpdateAsync(id, request, ct), service, ct);

    static Task<Results<Ok<LeadDetail>, NotFound>> Move(int id, MoveLeadRequest request, LeadService service, CancellationToken ct) =>
        Then(id, service.MoveAsync(id, request, ct), service, ct);

    static Task<Results<Ok<LeadDetail>, NotFound>> Lose(int id, LoseLeadRequest request, LeadService service, CancellationToken ct) =>
        Then(id, service.LoseAsync(id, request, ct), service, ct);

    static Task<Results<Ok<LeadDetail>, NotFound>> Reopen(int id, LoseLeadRequest request, LeadService service, CancellationToken ct) =>
        Then(id, service.ReopenAsync(id, request, ct), service, ct);

    static async Task<Results<Ok<LeadDetail>, NotFound>> Register(int id, RegisterLeadRequest request, LeadService service, CancellationToken ct) =>
        await service.RegisterAsync(id, request, ct) is not null && await service.GetAsync(id, Chinese, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    /// <summary>Every action answers with the lead as it now is, or 404.</summary>
    static async Task<Results<Ok<LeadDetail>, NotFound>> Then(int id, Task<bool> action, LeadService service, CancellationToken ct) =>
        await action && await service.GetAsync(id, Chinese, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    static async Task<Ok<LeadBoard>> Board(string? by, int? chainId, LeadService service, CancellationToken ct) =>
        TypedResults.Ok(await service.BoardAsync(by, chainId, Chinese, ct));

    static async Task<Ok<LeadFigures>> Figures(LeadService service, CancellationToken ct) => TypedResults.Ok(await service.FiguresAsync(Chinese, ct));

    static async Task<Ok<IReadOnlyList<OwnerItem>>> Owners(LeadService service, CancellationToken ct) => TypedResults.Ok(await service.OwnersAsync(Chinese, ct));

    static async Task<Ok<IReadOnlyList<StageItem>>> Stages(LeadService service, CancellationToken ct) => TypedResults.Ok(await service.StagesAsync(Chinese, false, ct));

    static async Task<Created<IReadOnlyList<StageItem>>> CreateStage(StageRequest request, LeadService service, CancellationToken ct)
    {
        var id = await service.CreateStageAsync(request, ct);
        return TypedResults.Created($"/api/v1/leads/stages/{id}", await service.StagesAsync(Chinese, false, ct));
    }

    static async Task<Results<Ok<IReadOnlyList<StageItem>>, NotFound>> UpdateStage(int id, StageRequest request, LeadService service, CancellationToken ct) =>
        await service.UpdateStageAsync(id, request, ct) ? TypedResults.Ok(await service.StagesAsync(Chinese, false, ct)) : TypedResults.NotFound();

    // ---- key projects ----

    static async Task<Ok<ProjectOverview>> Overview(ProjectService service, CancellationToken ct) => TypedResults.Ok(await service.OverviewAsync(Chinese, ct));

    static async Task<Created<ProjectSummary>> CreateProject(ProjectRequest request, ProjectService service, CancellationToken ct)
    {
        var id = await service.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/projects/{id}", (await service.GetAsync(id, Chinese, ct))!);
    }

    static async Task<Results<Ok<ProjectSummary>, NotFound>> GetProject(int id, ProjectService service, CancellationToken ct) =>
        await service.GetAsync(id, Chinese, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    static Task<Results<Ok<ProjectSummary>, NotFound>> UpdateProject(int id, ProjectRequest request, ProjectService service, CancellationToken ct) =>
        ThenProject(id, service.UpdateAsync(id, request, ct), service, ct);

    static Task<Results<Ok<ProjectSummary>, NotFound>> AddMilestone(int id, MilestoneRequest request, ProjectService service, CancellationToken ct) =>
        ThenProject(id, service.AddMilestoneAsync(id, request, ct), service, ct);

    static Task<Results<Ok<ProjectSummary>, NotFound>> UpdateMilestone(int id, int milestoneId, MilestoneRequest request, ProjectService service, CancellationToken ct) =>
        ThenProject(id, service.UpdateMilestoneAsync(id, milestoneId, request, ct), service, ct);

    static Task<Results<Ok<ProjectSummary>, NotFound>> RemoveMilestone(int id, int milestoneId, ProjectService service, CancellationToken ct) =>
        ThenProject(id, service.RemoveMilestoneAsync(id, milestoneId, ct), service, ct);

    static async Task<Results<Ok<ProjectSummary>, NotFound>> ThenProject(int id, Task<bool> action, ProjectService service, CancellationToken ct) =>
        await action && await service.GetAsync(id, Chinese, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    static async Task<Ok<IReadOnlyList<MilestoneTemplateItem>>> Template(ProjectService service, CancellationToken ct) => TypedResults.Ok(await service.TemplateAsync(ct));

    static async Task<Ok<IReadOnlyList<MilestoneTemplateItem>>> SetTemplate(MilestoneTemplateRequest request, ProjectService service, CancellationToken ct)
    {
        await service.SetTemplateAsync(request, ct);
        return TypedResults.Ok(await service.TemplateAsync(ct));
    }
}
