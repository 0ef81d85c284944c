using Microsoft.AspNetCore.Identity;
using TechZone.Data;
using TechZone.Platform.Identity;
using TechZone.Platform.Zone;

namespace TechZone.Platform.Seeding;

/// <summary>The Binhai High-tech Zone of the seed report: its parks, its departments and their grants, one account per role and department.</summary>
sealed class PlatformDemoData(IConfiguration config) : IDemoData
{
    public int Order => 0;

    const ModuleAccess R = ModuleAccess.Read, W = ModuleAccess.Write;

    // code, name, English name, demo user, grants. Every department answers the demands routed to it, so each writes Demands.
    static readonly (string Code, string Name, string NameEn, string User, (string Module, ModuleAccess Access)[] Grants)[] Departments =
    [
        ("investment", "招商局", "Investment Promotion Bureau", "investment",
            [(Modules.Chains, W), (Modules.Demands, W), (Modules.Enterprises, R), (Modules.Space, R), (Modules.Policies, R)]),
        ("service", "企业服务局", "Enterprise Service Bureau", "service",
            [(Modules.Enterprises, W), (Modules.Demands, W), (Modules.Policies, R), (Modules.Space, R), (Modules.Chains, R)]),
        ("economy", "经济发展局", "Economic Development Bureau", "economy",
            [(Modules.Policies, W), (Modules.Demands, W), (Modules.Enterprises, R), (Modules.Chains, R)]),
        ("planning", "规划建设局", "Planning and Construction Bureau", "planning",
            [(Modules.Space, W), (Modules.Pipelines, W), (Modules.Demands, W), (Modules.Enterprises, R)]),
        ("safety", "安全监管局", "Safety Supervision Bureau", "safety",
            [(Modules.Safety, W), (Modules.Demands, W), (Modules.Space, R), (Modules.Pipelines, R), (Modules.Enterprises, R)]),
        ("talent", "人才服务中心", "Talent Service Center", "talent",
            [(Modules.Talent, W), (Modules.Demands, W), (Modules.Policies, R)]),
    ];

    public static readonly (string Code, string Name, string NameEn)[] Parks =
    [
        ("huayuan", "华苑科技园", "Huayuan Science Park"),
        ("bolonghu", "渤龙湖科技园", "Bolong Lake Science Park"),
        ("haiyang", "海洋科技园", "Ocean Science Park"),
    ];

    public IReadOnlyList<DemoAccount> Accounts =>
    [
        new("admin", Roles.Admin, "系统管理员 / administrator"),
        new("leader", Roles.Leader, "管委会领导 / zone leader"),
        .. Departments.Select(d => new DemoAccount(d.User, Roles.Staff, $"{d.Name}负责人 / head of {d.NameEn}")),
        new("service.staff", Roles.Staff, "企业服务局工作人员 / staff of Enterprise Service Bureau"),
    ];

    public async Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct)
    {
        foreach (var (code, name, nameEn) in Parks)
            db.Parks.Add(new Park { Code = code, Name = name, NameEn = nameEn });

        var departments = Departments.Select(d => new Department
        {
            Code = d.Code, Name = d.Name, NameEn = d.NameEn,
            Grants = d.Grants.Select(g => new DepartmentGrant { Module = g.Module, Access = g.Access }).ToList(),
        }).ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync(ct);

        var users = services.GetRequiredService<UserManager<ZoneUser>>();
        var password = config["Demo:Password"]!;
        await Create(users, "admin", "系统管理员", Roles.Admin, password);
        await Create(users, "leader", "王主任", Roles.Leader, password);
        foreach (var (d, department) in Departments.Zip(departments))
            await Create(users, d.User, d.Name + "负责人", Roles.Staff, password, department.Id, head: true);
        await Create(users, "service.staff", "李敏", Roles.Staff, password, departments.Single(d => d.Code == "service").Id);
    }

    public static async Task<ZoneUser> Create(UserManager<ZoneUser> users, string userName, string displayName, string role, string password,
        int? departmentId = null, bool head = false, int? enterpriseId = null)
    {
        var user = new ZoneUser
        {
            UserName = userName, DisplayName = displayName,
            DepartmentId = departmentId, IsDepartmentHead = head, EnterpriseId = enterpriseId,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo user {userName}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }
}
