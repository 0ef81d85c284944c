using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using TechZone.Data;
using TechZone.Pipelines.Gis;
using TechZone.Pipelines.Resources;
using TechZone.Platform.Files;
using TechZone.Platform.Inbox;
using TechZone.Platform.Zone;

namespace TechZone.Pipelines;

/// <summary>
/// The loop's second half (竣工测量验收): after an approved excavation the applicant uploads the as-built survey (GeoJSON,
/// GeoPackage, zipped Shapefile or CSV), or states that no pipeline was laid or moved. The check runs at once and again
/// when staff accept: valid lines with complete attributes, each inside the work area or connected from it to a pipe of
/// its network, no overlap with a registry pipe of its network. Staff accept (the features enter the registry as new
/// versions and the request closes) or return it for another round. A request closes in no other way.
/// </summary>
public sealed class AsBuiltService(ZoneDb db, PipelineAccessService access, PipelineIndex index, RegistryService registry, PipeFileResolver resolver,
    FileService fileStore, InboxService inbox, NotificationService notifications, ZoneCrs zoneCrs, TimeProvider clock)
{
    /// <summary>How far (m) outside the work area a surveyed pipe may lie and still count as inside it (survey and drawing tolerance).</summary>
    public const double AreaToleranceM = 5;
    /// <summary>How near (m) a pipe's end must be to a registry pipe of its network to count as connected to it.</summary>
    public const double ConnectionToleranceM = 0.5;
    /// <summary>Two pipes of one network nearer than this (m) along more than <see cref="OverlapLengthM"/> overlap.</summary>
    public const double OverlapToleranceM = 0.3;
    public const double OverlapLengthM = 1;

    // ---- check and submit ---------------------------------------------------------------------------------------

    /// <summary>The dry run of an upload: what would be submitted and every problem, feature by feature. Nothing is written. Null: no such request for the caller.</summary>
    public async Task<PipeFileReport?> CheckAsync(int requestId, PipeFileUpload upload, CancellationToken ct = default)
    {
        var request = await SubmittableAsync(requestId, ct);
        return request is null ? null : (await ReadAsync(request, upload, ct)).Report;
    }

    /// <summary>
    /// Submits a survey (a file whose every feature passes the check) or the no-change statement; refused with the
    /// reason and nothing written otherwise. Staff get the review to-do.
    /// </summary>
    public async Task<int?> SubmitAsync(int requestId, PipeFileUpload? upload, string? statement, CancellationToken ct = default)
    {
        var request = await SubmittableAsync(requestId, ct);
        if (request is null) return null;
        var text = statement?.Trim() ?? "";
        if (text.Length > PipelineLimits.Text) throw new PipelineRuleException("AsBuiltStatementTooLong", PipelineLimits.Text);
        List<AsBuiltFeature> features = [];
        if (upload is null)
        {
            if (text.Length == 0) throw new PipelineRuleException("AsBuiltStatementMissing");
        }
        else
        {
            var read = await ReadAsync(request, upload, ct);
            if (read.Report.Refusal is { } refusal) throw new PipelineRuleException("AsBuiltFileRefused", refusal);
            if (read.Report.Features.Count == 0) throw new PipelineRuleException("AsBuiltEmpty");
            var problems = read.Report.Features.Count(f => f.Problems.Count > 0);
            if (problems > 0) throw new PipelineRuleException("AsBuiltProblems", problems);
            features = read.Features;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Guid? fileId = null;
        if (upload is not null)
        {
            using var content = new MemoryStream(upload.Content, writable: false);
            fileId = (await fileStore.SaveAsync(content, upload.FileName, forEnterpriseId: request.ApplicantEnterpriseId, ct: ct)).Id;
        }
        var survey = new AsBuiltSurvey
        {
            RequestId = request.Id, Round = request.Surveys.Count + 1, NoChange = upload is null, Statement = text,
            FileName = upload is null ? "" : FileNames.Clean(upload.FileName), FileId = fileId, Features = features,
            SubmittedByUserId = access.User.UserId ?? "", SubmittedBy = access.User.DisplayName, SubmittedUtc = now, Status = AsBuiltStatus.Submitted,
        };
        db.Add(survey);
        // The unique (request, round) index turns a second submission at the same moment away.
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw new PipelineConflictException("AsBuiltPending"); }
        foreach (var returned in request.Surveys.Where(s => s.Status == AsBuiltStatus.Returned))
            await inbox.CompleteAsync(Modules.Pipelines, ReturnKey(returned.Id), ct);
        var link = Link(request.Id);
        foreach (var department in await WriterDepartmentsAsync(ct))
            await inbox.OpenAsync(new InboxItemRequest(Modules.Pipelines, ReviewKey(survey.Id, department), Text("Inbox_AsBuiltReview", true, request.Number, request.Title),
                Text("Inbox_AsBuiltReview", false, request.Number, request.Title), link, DepartmentId: department), ct);
        await tx.CommitAsync(ct);
        return survey.Id;
    }

    /// <summary>The request, if the caller may submit its as-built survey now: the applicant enterprise, or Pipelines staff for a contractor without an account.</summary>
    async Task<ExcavationRequest?> SubmittableAsync(int requestId, CancellationToken ct)
    {
        var request = await db.Set<ExcavationRequest>().Include(r => r.Surveys).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || (access.OwnEnterprise is { } own && request.ApplicantEnterpriseId != own)) return null;
        if (access.OwnEnterprise is null) await access.RequireWriteAsync();
        if (request.Status != ExcavationStatus.Approved) throw new PipelineRuleException("NotApproved");
        if (request.Surveys.Any(s => s.Status == AsBuiltStatus.Submitted)) throw new PipelineRuleException("AsBuiltPending");
        return request;
    }

    sealed record ReadResult(PipeFileReport Report, List<AsBuiltFeature> Features);

    /// <summary>
    /// The file resolved as an as-built survey (owner: the applicant unless named; quality: exposed and measured; code:
    /// the request's number and the feature's), then checked against the work area and the registry.
    /// </summary>
    async Task<ReadResult> ReadAsync(ExcavationRequest request, PipeFileUpload upload, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var file = await resolver.ReadAsync(upload, new PipeFileDefaults(
            PipeAttribute.Network | PipeAttribute.Material | PipeAttribute.Size | PipeAttribute.StartDepth | PipeAttribute.EndDepth,
            request.ApplicantEnterpriseId, QualityLevel.ExposedAndMeasured, index => $"{request.Number}-{index:D3}"), ct);
        foreach (var (featureIndex, problems) in await SpatialProblemsAsync(request, file.Features, culture, ct))
            file.Problems[featureIndex].AddRange(problems);
        return new(await resolver.ReportAsync(file, culture.Name.StartsWith("zh", StringComparison.Ordinal), ct: ct), file.Features);
    }

    /// <summary>
    /// The checks against the work area and the registry, per feature index: inside the area (with tolerance) or
    /// crossing it with both ends inside or on a pipe of its network; within the zone; no overlap with a registry pipe
    /// of its network other than the one it replaces.
    /// </summary>
    async Task<Dictionary<int, List<string>>> SpatialProblemsAsync(ExcavationRequest request, IReadOnlyList<AsBuiltFeature> features, CultureInfo culture, CancellationToken ct)
    {
        var result = features.ToDictionary(f => f.FeatureIndex, _ => new List<string>());
        if (features.Count == 0) return result;
        var state = await index.CurrentAsync(db, ct);
        var area = PipeGeometry.FromWkb(request.AreaWkb);
        var near = area.Buffer(AreaToleranceM);
        var nearby = new Dictionary<int, LineString>();
        foreach (var f in features)
        {
            var problems = result[f.FeatureIndex];
            var line = (LineString)PipeGeometry.FromWkb(f.Wkb);
            if (!zoneCrs.Covers(line.EnvelopeInternal)) continue; // the file check says so already
            var same = new Dictionary<int, double> { [f.NetworkId] = 0 };
            if (!near.Covers(line))
            {
                bool Connected(Point end) => near.Covers(end)
                    || state.Index.Check(end.Buffer(ConnectionToleranceM, 8), same).Any(h => h.SegmentId != f.ReplacesSegmentId);
                if (!line.Intersects(near) || !Connected(line.StartPoint) || !Connected(line.EndPoint))
                    problems.Add(Text("Problem_OutsideWorkArea", culture, AreaToleranceM));
            }
            var candidates = state.Index.Check(line.Buffer(OverlapToleranceM, 4), same).Where(h => h.SegmentId != f.ReplacesSegmentId).Select(h => h.SegmentId).ToList();
            var missing = candidates.Where(id => !nearby.ContainsKey(id)).ToList();
            if (missing.Count > 0)
                foreach (var s in await db.Set<PipeSegment>().AsNoTracking().Where(s => missing.Contains(s.Id)).Select(s => new { s.Id, s.Wkb }).ToListAsync(ct))
                    nearby[s.Id] = (LineString)PipeGeometry.FromWkb(s.Wkb);
            foreach (var id in candidates)
            {
                if (!nearby.TryGetValue(id, out var other)) continue;
                if (line.Intersection(other.Buffer(OverlapToleranceM, 4)).Length > OverlapLengthM)
                    problems.Add(Text("Problem_Overlaps", culture, await CodeOfAsync(id, ct)));
            }
        }
        return result;
    }

    async Task<string> CodeOfAsync(int segmentId, CancellationToken ct) =>
        await db.Set<PipeSegment>().AsNoTracking().Where(s => s.Id == segmentId).Select(s => s.Code).SingleAsync(ct);

    // ---- review -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Accepts a submitted survey: checked once more against the registry as it is now, then each feature becomes a
    /// new pipe segment or the next version of the one it moves, and the request closes — in one transaction.
    /// </summary>
    public async Task<bool> AcceptAsync(int requestId, int surveyId, AsBuiltReviewRequest r, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var survey = await db.Set<AsBuiltSurvey>().Include(s => s.Request).Include(s => s.Features)
            .SingleOrDefaultAsync(s => s.Id == surveyId && s.RequestId == requestId, ct);
        if (survey is null) return false;
        if (r.Version != survey.Version) throw new PipelineConflictException("Stale");
        var request = survey.Request!;
        var problems = await SpatialProblemsAsync(request, survey.Features, CultureInfo.CurrentUICulture, ct);
        var failing = problems.Count(p => p.Value.Count > 0);
        if (failing > 0) throw new PipelineRuleException("AsBuiltProblems", failing);
        var newCodes = survey.Features.Where(f => f.ReplacesSegmentId is null).Select(f => f.Code).ToList();
        if (await db.Set<PipeSegment>().Where(s => newCodes.Contains(s.Code)).Select(s => s.Code).FirstOrDefaultAsync(ct) is { } taken)
            throw new PipelineConflictException("CodeTaken", taken);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        survey.Accept(r.Note?.Trim() ?? "", access.User.DisplayName, now);
        request.Close(now);
        if (survey.Features.Count > 0)
            await registry.WriteFeaturesAsync(survey.Features, Text("AsBuilt_Reason", CultureInfo.CurrentUICulture, request.Number), now, ct);
        await SaveAsync(ct);
        await ReviewedAsync(request, survey, "Notify_AsBuiltAccepted_Title", ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Returns a submitted survey with the reason; the applicant gets a to-do to submit again.</summary>
    public async Task<bool> ReturnAsync(int requestId, int surveyId, AsBuiltReviewRequest r, CancellationToken ct = default)
    {
        await access.RequireWriteAsync();
        var survey = await db.Set<AsBuiltSurvey>().Include(s => s.Request).SingleOrDefaultAsync(s => s.Id == surveyId && s.RequestId == requestId, ct);
        if (survey is null) return false;
        if (r.Version != survey.Version) throw new PipelineConflictException("Stale");
        if (string.IsNullOrWhiteSpace(r.Note)) throw new PipelineRuleException("AsBuiltReturnReason");
        var request = survey.Request!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        survey.Return(r.Note.Trim(), access.User.DisplayName, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
        if (request.FiledByUserId.Length > 0)
            await inbox.OpenAsync(new InboxItemRequest(Modules.Pipelines, ReturnKey(survey.Id), Text("Inbox_AsBuiltReturned", true, request.Number, request.Title),
                Text("Inbox_AsBuiltReturned", false, request.Number, request.Title), Link(request.Id), UserId: request.FiledByUserId), ct);
        await ReviewedAsync(request, survey, "Notify_AsBuiltReturned_Title", ct);
        await tx.CommitAsync(ct);
        return true;
    }

    async Task ReviewedAsync(ExcavationRequest request, AsBuiltSurvey survey, string titleKey, CancellationToken ct)
    {
        foreach (var department in await WriterDepartmentsAsync(ct)) await inbox.CompleteAsync(Modules.Pipelines, ReviewKey(survey.Id, department), ct);
        if (request.FiledByUserId.Length > 0)
            await notifications.NotifyAsync([request.FiledByUserId], new NotificationMessage(
                Text(titleKey, true, request.Number, request.Title), Text(titleKey, false, request.Number, request.Title),
                survey.ReviewNote, survey.ReviewNote, Link(request.Id)), ct: ct);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /// <summary>The surveys of a request the caller may already see (ExcavationService loaded it), newest first, with the live check.</summary>
    internal async Task<IReadOnlyList<AsBuiltSurveyItem>> SurveysAsync(ExcavationRequest request, bool chinese, CancellationToken ct)
    {
        var surveys = await db.Set<AsBuiltSurvey>().AsNoTracking().Include(s => s.Features).Where(s => s.RequestId == request.Id)
            .OrderByDescending(s => s.Round).ToListAsync(ct);
        if (surveys.Count == 0) return [];
        var canReview = await access.CanWriteAsync() && access.OwnEnterprise is null;
        var list = new List<AsBuiltSurveyItem>();
        foreach (var s in surveys)
        {
            var items = await resolver.ItemsAsync(s.Features, chinese, ct);
            if (s.Status == AsBuiltStatus.Submitted)
            {
                var problems = await SpatialProblemsAsync(request, s.Features, CultureInfo.CurrentUICulture, ct);
                items = items.Select(i => i with { Problems = problems[i.FeatureIndex] }).ToList();
            }
            list.Add(new AsBuiltSurveyItem(s.Id, s.Round, s.Status, s.NoChange, s.Statement, s.FileName, s.FileId, s.SubmittedBy, PipelineLabels.Utc(s.SubmittedUtc),
                s.ReviewNote, s.ReviewedBy, s.ReviewedUtc is { } t ? PipelineLabels.Utc(t) : null, items, s.Version, canReview && s.Status == AsBuiltStatus.Submitted));
        }
        return list;
    }

    /// <summary>Whether the caller may submit the as-built survey of this request now (the page shows the upload then).</summary>
    internal async Task<bool> CanSubmitAsync(ExcavationRequest request, bool anySubmitted)
    {
        if (request.Status != ExcavationStatus.Approved || anySubmitted) return false;
        if (access.OwnEnterprise is { } own) return request.ApplicantEnterpriseId == own;
        return await access.CanWriteAsync();
    }

    /// <summary>The newest survey's features as a map layer.</summary>
    public async Task<string?> MapAsync(int requestId, CancellationToken ct = default)
    {
        if (access.OwnEnterprise is null) await access.RequireReadAsync();
        if (!await access.Visible(db.Set<ExcavationRequest>().AsNoTracking()).AnyAsync(r => r.Id == requestId, ct)) return null;
        var features = await db.Set<AsBuiltSurvey>().AsNoTracking().Where(s => s.RequestId == requestId).OrderByDescending(s => s.Round)
            .Select(s => s.Features.Select(f => new { f.Code, f.Wkb, f.SegmentId }).ToList()).FirstOrDefaultAsync(ct) ?? [];
        return Platform.Map.MapFeatures.ToGeoJson(features.Select(f => new Platform.Map.MapFeature(
            PipeGeometry.ToGeoJson(zoneCrs.ToWgs84(PipeGeometry.FromWkb(f.Wkb))), f.Code, f.SegmentId is { } id ? $"/pipelines/segments/{id}" : null, "#6a1b9a", "transparent")));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /// <summary>The departments that write Pipelines (规划建设): they review as-built surveys.</summary>
    Task<List<int>> WriterDepartmentsAsync(CancellationToken ct) =>
        db.DepartmentGrants.AsNoTracking().Where(g => g.Module == Modules.Pipelines && g.Access == ModuleAccess.Write).Select(g => g.DepartmentId).Distinct().ToListAsync(ct);

    static string Link(int requestId) => $"/pipelines/requests/{requestId}";
    static string ReviewKey(int surveyId, int department) => $"asbuilt:{surveyId}:{department}";
    static string ReturnKey(int surveyId) => $"asbuilt-returned:{surveyId}";

    static string Text(string key, bool chinese, params object[] args) => PipelineLabels.Text(key, chinese, args);

    static string Text(string key, CultureInfo culture, params object[] args) => PipelineLabels.Text(key, culture, args);

    async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new PipelineConflictException("Stale"); }
    }
}
