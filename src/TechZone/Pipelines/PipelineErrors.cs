using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using TechZone.Pipelines.Resources;
using TechZone.Platform;
using TechZone.Platform.Identity;

namespace TechZone.Pipelines;

/// <summary>A broken pipelines rule (400); its message is PipelineStrings "Error_{Code}", else the platform's.</summary>
public sealed class PipelineRuleException(string code, params object[] arguments) : DomainException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => PipelineErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A write that conflicts with what is there (a stale version, a duplicate code): 409.</summary>
public sealed class PipelineConflictException(string code, params object[] arguments) : ConflictException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => PipelineErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A write without the grant it needs (403).</summary>
public sealed class PipelineForbiddenException() : DomainException("Forbidden")
{
    public override int Status => StatusCodes.Status403Forbidden;
}

static class PipelineErrors
{
    public static string? Message(DomainException e, CultureInfo culture) =>
        PipelineStrings.ResourceManager.GetString("Error_" + e.Code, culture) is { } format
            ? string.Format(culture, format, e.Arguments)
            : null;
}

/// <summary>Who may do what in Pipelines, checked in the services so that API and pages agree.</summary>
public sealed class PipelineAccessService(IAuthorizationService authorization, CurrentUser current)
{
    public CurrentUser User => current;

    public async Task<bool> CanReadAsync() => (await authorization.AuthorizeAsync(current.Principal, PipelinePolicies.Read)).Succeeded;
    public async Task<bool> CanWriteAsync() => (await authorization.AuthorizeAsync(current.Principal, PipelinePolicies.Write)).Succeeded;

    public async Task RequireReadAsync()
    {
        if (!await CanReadAsync()) throw new PipelineForbiddenException();
    }

    public async Task RequireWriteAsync()
    {
        if (!await CanWriteAsync()) throw new PipelineForbiddenException();
    }

    public void RequireAdmin()
    {
        if (!current.IsAdmin) throw new PipelineForbiddenException();
    }

    /// <summary>The enterprise whose records alone the caller may see; null for the zone's people.</summary>
    public int? OwnEnterprise => current.IsEnterprise && !current.IsInternal ? current.EnterpriseId ?? -1 : null;

    /// <summary>The excavation requests the caller may see: an enterprise those it filed and those touching its pipe segments.</summary>
    public IQueryable<ExcavationRequest> Visible(IQueryable<ExcavationRequest> requests) =>
        OwnEnterprise is { } own ? requests.Where(r => r.ApplicantEnterpriseId == own || r.Answers.Any(a => a.OwnerEnterpriseId == own)) : requests;
}
