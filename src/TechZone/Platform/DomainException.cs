using System.Globalization;
using TechZone.Platform.Resources;

namespace TechZone.Platform;

/// <summary>
/// A business rule that failed. <see cref="Code"/> names the rule; the message is the resource "Error_{Code}"
/// formatted with <see cref="Arguments"/> in the caller's language. Becomes a 400 (or <see cref="Status"/>) problem.
/// </summary>
public class DomainException(string code, params object[] arguments) : Exception(code)
{
    public string Code { get; } = code;
    public object[] Arguments { get; } = arguments;
    public virtual int Status => StatusCodes.Status400BadRequest;

    public virtual string LocalizedMessage(CultureInfo culture)
    {
        var format = PlatformStrings.ResourceManager.GetString("Error_" + Code, culture) ?? Code;
        return string.Format(culture, format, Arguments);
    }
}

/// <summary>A write that conflicts with the current state (a stale version, a duplicate): 409.</summary>
public class ConflictException(string code, params object[] arguments) : DomainException(code, arguments)
{
    public override int Status => StatusCodes.Status409Conflict;
}
