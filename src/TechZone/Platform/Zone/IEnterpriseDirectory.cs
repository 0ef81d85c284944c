namespace TechZone.Platform.Zone;

/// <summary>
/// What the platform needs to know of enterprises (to link an enterprise user to one), without depending on the
/// Enterprises module: that module implements it.
/// </summary>
public interface IEnterpriseDirectory
{
    Task<IReadOnlyDictionary<int, string>> NamesAsync(IEnumerable<int> ids);
    Task<IReadOnlyList<EnterpriseRef>> SearchAsync(string? text, int take);
}

/// <summary>An enterprise as other parts of the zone refer to it; <see cref="ParkId"/> is where it sits, if known.</summary>
public sealed record EnterpriseRef(int Id, string Name, string CreditCode, int? ParkId = null);
