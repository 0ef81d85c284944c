using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TechZone.Platform.Identity;

namespace TechZone.Platform.Files;

static class FileEndpoints
{
    /// <summary>Room for the multipart headers around the file, so a file just over the limit gets the clear 413.</summary>
    const long FormOverhead = 1024 * 1024;

    public static void MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        var max = app.ServiceProvider.GetRequiredService<IOptions<FileStoreOptions>>().Value.MaxBytes;
        var api = app.MapGroup("/api/v1/files").WithTags("Files");
        // A multipart form: minimal APIs require an antiforgery token for it, and it stays required. Only cookie
        // clients exist today (pages upload through FileService in-process). When bearer tokens arrive, skip the
        // check for bearer-authenticated requests only, never for cookie ones (that would open cross-site uploads).
        api.MapPost("/", Upload).RequireAuthorization(Policies.SignedIn)
            .WithMetadata(new RequestSizeLimitAttribute(max + FormOverhead))
            .WithFormOptions(multipartBodyLengthLimit: max + FormOverhead);
        api.MapGet("/{id:guid}", Download).RequireAuthorization(Policies.SignedIn);
    }

    static async Task<Created<StoredFileInfo>> Upload(IFormFile file, FileService files, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var saved = await files.SaveAsync(stream, file.FileName, file.ContentType, ct: ct);
        return TypedResults.Created($"/api/v1/files/{saved.Id}", saved);
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Download(Guid id, FileService files, HttpContext http, CancellationToken ct)
    {
        if (await files.OpenAsync(id, ct) is not { } file) return TypedResults.NotFound();
        // Served as stored (attachment, declared type, no sniffing): an upload can never run as a page of this site.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.File(file.Content, file.Info.ContentType, file.Info.FileName,
            entityTag: new EntityTagHeaderValue($"\"{file.Info.Sha256}\""));
    }
}
