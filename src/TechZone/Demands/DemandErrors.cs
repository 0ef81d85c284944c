using System.Globalization;
using TechZone.Demands.Resources;
using TechZone.Platform;

namespace TechZone.Demands;

/// <summary>A broken visits-and-demands rule (400); its message is DemandStrings "Error_{Code}", else the platform's.</summary>
public sealed class DemandRuleException(string code, params object[] arguments) : DomainException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => DemandErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A write that conflicts with the record's current state, such as answering a closed demand (409).</summary>
public sealed class DemandConflictException(string code, params object[] arguments) : ConflictException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => DemandErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A write by someone whose department may not make it (a part of another department, no write grant).</summary>
public sealed class DemandForbiddenException() : DomainException("Forbidden")
{
    public override int Status => StatusCodes.Status403Forbidden;
}

static class DemandErrors
{
    public static string? Message(DomainException e, CultureInfo culture) =>
        DemandStrings.ResourceManager.GetString("Error_" + e.Code, culture) is { } format
            ? string.Format(culture, format, e.Arguments)
            : null;
}
