using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using TechZone.Platform;
using TechZone.Platform.Identity;
using TechZone.Space.Resources;

namespace TechZone.Space;

/// <summary>A broken space-and-land rule (400); its message is SpaceStrings "Error_{Code}", else the platform's.</summary>
public sealed class SpaceRuleException(string code, params object[] arguments) : DomainException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => SpaceErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A write that conflicts with what is there (an overlapping lease, a stale version): 409.</summary>
public sealed class SpaceConflictException(string code, params object[] arguments) : ConflictException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => SpaceErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A write without the Space write grant (403).</summary>
public sealed class SpaceForbiddenException() : DomainException("Forbidden")
{
    public override int Status => StatusCodes.Status403Forbidden;
}

static class SpaceErrors
{
    public static string? Message(DomainException e, CultureInfo culture) =>
        SpaceStrings.ResourceManager.GetString("Error_" + e.Code, culture) is { } format
            ? string.Format(culture, format, e.Arguments)
            : null;
}

/// <summary>Who may do what in Space, checked in the services so that API and pages agree.</summary>
public sealed class SpaceAccessService(IAuthorizationService authorization, CurrentUser current)
{
    public CurrentUser User => current;

    public async Task<bool> CanReadAsync() => (await authorization.AuthorizeAsync(current.Principal, SpacePolicies.Read)).Succeeded;
    public async Task<bool> CanWriteAsync() => (await authorization.AuthorizeAsync(current.Principal, SpacePolicies.Write)).Succeeded;

    public async Task RequireReadAsync()
    {
        if (!await CanReadAsync()) throw new SpaceForbiddenException();
    }

    public async Task RequireWriteAsync()
    {
        if (!await CanWriteAsync()) throw new SpaceForbiddenException();
    }

    /// <summary>Readers of the module, or an enterprise user (who then sees only its own records).</summary>
    public async Task RequireReadOrOwnAsync()
    {
        if (current.IsEnterprise && !current.IsInternal) return;
        await RequireReadAsync();
    }

    /// <summary>The enterprise whose records alone the caller may see; null for the zone's people.</summary>
    public int? OwnEnterprise => current.IsEnterprise && !current.IsInternal ? current.EnterpriseId ?? -1 : null;
}
