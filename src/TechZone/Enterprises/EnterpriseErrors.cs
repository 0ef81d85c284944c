using System.Globalization;
using TechZone.Enterprises.Resources;
using TechZone.Platform;

namespace TechZone.Enterprises;

/// <summary>A broken registry rule (400); its message is EnterpriseStrings "Error_{Code}", else the platform's.</summary>
public sealed class EnterpriseRuleException(string code, params object[] arguments) : DomainException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => EnterpriseErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>A registry write that conflicts with existing data, such as a duplicate credit code (409).</summary>
public sealed class EnterpriseConflictException(string code, params object[] arguments) : ConflictException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) => EnterpriseErrors.Message(this, culture) ?? base.LocalizedMessage(culture);
}

/// <summary>
/// A write by someone without the module's write grant. Endpoints refuse it by policy already; this guards the
/// service when a page calls it directly.
/// </summary>
public sealed class EnterpriseForbiddenException() : DomainException("Forbidden")
{
    public override int Status => StatusCodes.Status403Forbidden;
}

static class EnterpriseErrors
{
    public static string? Message(DomainException e, CultureInfo culture) =>
        EnterpriseStrings.ResourceManager.GetString("Error_" + e.Code, culture) is { } format
            ? string.Format(culture, format, e.Arguments)
            : null;
}
