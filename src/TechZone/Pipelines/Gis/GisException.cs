using System.Globalization;
using TechZone.Platform;
using TechZone.Pipelines.Gis.Resources;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// A coordinate system or file TechZone refuses (400). The message is GisStrings "Error_{Code}" formatted with
/// <see cref="DomainException.Arguments"/> (typically the CRS or file part it cannot use).
/// </summary>
public sealed class GisException(string code, params object[] arguments) : DomainException(code, arguments)
{
    public override string LocalizedMessage(CultureInfo culture) =>
        GisStrings.ResourceManager.GetString("Error_" + Code, culture) is { } format
            ? string.Format(culture, format, Arguments)
            : base.LocalizedMessage(culture);
}
