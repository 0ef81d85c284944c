using System.Globalization;
using TechZone.Chains.Resources;
using TechZone.Platform;

namespace TechZone.Chains;

/// <summary>A broken chains-and-investment rule (400); its message is ChainStrings "Error_{Code}", else the platform's.</summary>
public sealed class ChainRuleException(string code, params object[] arguments) : DomainException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => ChainErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A write that conflicts with the current state, such as removing a segment that still has enterprises (409).</summary>
public sealed class ChainConflictException(string code, params object[] arguments) : ConflictException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => ChainErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A write by someone without the module's write grant (endpoints refuse it by policy; pages call services directly).</summary>
public sealed class ChainForbiddenException() : DomainException("Forbidden")
{
    public override int Status => StatusCodes.Status403Forbidden;
}

static class ChainErrors
{
    public static string? Message(DomainException e, CultureInfo culture) =>
        ChainStrings.ResourceManager.GetString("Error_" + e.Code, culture) is { } format
            ? string.Format(culture, format, e.Arguments)
            : null;
}
