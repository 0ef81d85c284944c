using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TechZone.Platform.Resources;

namespace TechZone.Platform.Api;

/// <summary>
/// How every API answers: JSON with enums as names, RFC 9457 problem details for every error in the caller's
/// language (Accept-Language), a body size limit, and 409 for a stale write.
/// </summary>
public static class ApiConventions
{
    public static IServiceCollection AddApiConventions(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            // Enum values travel as names; a name that does not exist, or a number, is a 400, not a silent 0.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        });
        // Malformed JSON, wrong types and missing route values reach the exception handler, which explains them.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddValidation();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            ctx.ProblemDetails.Title = TitleFor(status) ?? ctx.ProblemDetails.Title;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        return services;
    }

    /// <summary>
    /// Refuses an API body over <c>Api:MaxBodyBytes</c> (default 1 MiB) before anything reads it. An endpoint that
    /// takes files declares its own limit (<see cref="Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute"/>), which then applies instead.
    /// </summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app, IConfiguration config)
    {
        var defaultLimit = config.GetValue<long>("Api:MaxBodyBytes", 1024 * 1024);
        return app.UseWhen(http => http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/api/v1/files"),
            api => api.Use(async (http, next) =>
            {
                var declared = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>();
                var limit = declared?.MaxRequestBodySize ?? defaultLimit;
                if (http.Request.ContentLength > limit)
                {
                    http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = { Status = 413, Detail = string.Format(PlatformStrings.Error_BodyTooLarge, limit / 1024) },
                    });
                    return;
                }
                if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                    feature.MaxRequestBodySize = limit;
                await next(http);
            }));
    }

    /// <summary>
    /// For a form endpoint that API clients call with a bearer token (scripts cannot get an antiforgery token): the
    /// token is still required from every cookie-authenticated caller, so no other site can make a signed-in browser
    /// post to it. A browser cannot send an Authorization header cross-site without this site's consent (CORS).
    /// </summary>
    public static RouteHandlerBuilder RequireAntiforgeryUnlessBearer(this RouteHandlerBuilder endpoint) =>
        endpoint.DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            if (!bearer && !await http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().IsRequestValidAsync(http))
                throw new DomainException("BadRequest");
            return await next(context);
        });

    public static string? TitleFor(int status) =>
        PlatformStrings.ResourceManager.GetString($"Problem_{status}", CultureInfo.CurrentUICulture);
}

/// <summary>Turns failures into problem details: a broken business rule, a malformed request, a stale write.</summary>
sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, detail, code) = exception switch
        {
            DomainException d => (d.Status, d.LocalizedMessage(CultureInfo.CurrentUICulture), d.Code),
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, string.Format(PlatformStrings.Error_InvalidJson, json.Path ?? "$"), "InvalidJson"),
            BadHttpRequestException b when b.StatusCode == 413 => (413, PlatformStrings.Problem_413, "BodyTooLarge"),
            BadHttpRequestException b => (b.StatusCode, PlatformStrings.Error_BadRequest, "BadRequest"),
            DbUpdateConcurrencyException => (409, PlatformStrings.Common_ConcurrencyConflict, "ConcurrencyConflict"),
            _ => (0, "", ""),
        };
        if (status == 0) return false;

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Detail = detail,
                Type = "https://techzone.example/problems/" + code,
                Extensions = { ["code"] = code },
            },
        });
    }
}
