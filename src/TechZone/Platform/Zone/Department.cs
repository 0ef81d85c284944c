namespace TechZone.Platform.Zone;

/// <summary>A department of the management committee (招商局, 企业服务局 ...).</summary>
public class Department : Data.IVersioned
{
    public int Id { get; set; }

    /// <summary>Stable short key, used in configuration and routing rules (e.g. "investment").</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";

    public List<DepartmentGrant> Grants { get; set; } = [];

    public long Version { get; set; }

    public string DisplayName(bool chinese) => chinese || string.IsNullOrEmpty(NameEn) ? Name : NameEn;
}

/// <summary>What a department may do in one module. Grants are data an admin edits, not code.</summary>
public class DepartmentGrant
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public string Module { get; set; } = "";
    public ModuleAccess Access { get; set; }
}

public enum ModuleAccess
{
    Read = 1,
    Write = 2,
}
