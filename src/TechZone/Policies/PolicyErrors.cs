using System.Globalization;
using TechZone.Platform;
using TechZone.SupportPolicies.Resources;

namespace TechZone.SupportPolicies;

/// <summary>A broken policy rule (400); its message is PolicyStrings "Error_{Code}".</summary>
public sealed class PolicyRuleException(string code, params object[] arguments) : DomainException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => PolicyErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A write that conflicts with the current state, such as editing a published version (409).</summary>
public sealed class PolicyConflictException(string code, params object[] arguments) : ConflictException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => PolicyErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A write without the module's write grant (403).</summary>
public sealed class PolicyForbiddenException() : DomainException("Forbidden")
{
    public override int Status => StatusCodes.Status403Forbidden;
}

static class PolicyErrors
{
    public static string? Message(DomainException e, CultureInfo culture) =>
        PolicyStrings.ResourceManager.GetString("Error_" + e.Code, culture) is { } format
            ? string.Format(culture, format, e.Arguments)
            : null;
}

/// <summary>Too many requests from one sender on a public form (429).</summary>
public sealed class PolicyRateLimitedException() : DomainException("TooManyObjections")
{
    public override int Status => StatusCodes.Status429TooManyRequests;
    public override string LocalizedMessage(CultureInfo culture) => PolicyErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}
