namespace TechZone.Platform.Zone;

/// <summary>
/// The business modules a department can be granted. The list is code (a module exists or it does not);
/// which department may read or write which module is data (<see cref="DepartmentGrant"/>).
/// </summary>
public static class Modules
{
    public const string Enterprises = "Enterprises";
    public const string Demands = "Demands";
    public const string Policies = "Policies";
    public const string Chains = "Chains";
    public const string Space = "Space";
    public const string Pipelines = "Pipelines";
    public const string Safety = "Safety";
    public const string Talent = "Talent";

    public static readonly string[] All = [Enterprises, Demands, Policies, Chains, Space, Pipelines, Safety, Talent];

    public static bool IsKnown(string module) => All.Contains(module, StringComparer.Ordinal);
}
