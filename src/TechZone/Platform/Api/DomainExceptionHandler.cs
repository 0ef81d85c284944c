using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TechZone.Platform.Resources;

namespace TechZone.Platform.Api;

/// <summary>Turns a failed business rule into RFC 9457 problem details in the caller's language.</summary>
sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not DomainException domain) return false;
        http.Response.StatusCode = domain.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = domain.Status,
                Title = PlatformStrings.Error_Title,
                Detail = domain.LocalizedMessage(CultureInfo.CurrentUICulture),
                Type = "https://techzone.example/problems/" + domain.Code,
                Extensions = { ["code"] = domain.Code },
            },
        });
    }
}
