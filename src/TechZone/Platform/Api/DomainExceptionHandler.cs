using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using TechZone.Platform.Resources;

namespace TechZone.Platform.Api;

/// <summary>Turns a failed business rule into RFC 9457 problem details in the caller's language.</summary>
sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not DomainException domain) return false;
        // The exception handler runs outside the localization middleware, whose culture does not flow back out
        // with the exception: take the request's culture from the feature it left on the request.
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        http.Response.StatusCode = domain.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = domain.Status,
                Title = PlatformStrings.ResourceManager.GetString(nameof(PlatformStrings.Error_Title), culture),
                Detail = domain.LocalizedMessage(culture),
                Type = "https://techzone.example/problems/" + domain.Code,
                Extensions = { ["code"] = domain.Code },
            },
        });
    }
}
