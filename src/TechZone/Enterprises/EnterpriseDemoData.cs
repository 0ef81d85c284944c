using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Identity;
using TechZone.Platform.Seeding;

namespace TechZone.Enterprises;

/// <summary>The enterprises the seed report names, and two enterprise accounts linked to 飞腾 and 麒麟.</summary>
sealed class EnterpriseDemoData(IConfiguration config) : IDemoData
{
    public int Order => 10;

    // Binhai New Area's administrative division code; serials make credit codes with valid check characters.
    const string Binhai = "120116";

    static readonly (string Name, string Park, long Serial)[] Named =
    [
        ("飞腾信息技术有限公司", "haiyang", 30_565_001),
        ("麒麟软件有限公司", "haiyang", 30_565_002),
        ("紫光云技术有限公司", "huayuan", 30_565_003),
        ("天津中环半导体股份有限公司", "huayuan", 30_565_004),
        ("曙光信息产业股份有限公司", "huayuan", 30_565_005),
        ("三六零数字安全科技集团有限公司", "haiyang", 30_565_006),
        ("中国长城科技集团股份有限公司天津分公司", "bolonghu", 30_565_007),
        ("天津腾信数据科技有限公司", "bolonghu", 30_565_008),
        ("华为技术有限公司天津鲲鹏生态创新中心", "haiyang", 30_565_009),
        ("云账户（天津）共享经济信息咨询有限公司", "huayuan", 30_565_010),
        ("易生支付有限公司", "huayuan", 30_565_011),
        ("天津先进技术研究院", "huayuan", 30_565_012),
    ];

    public IReadOnlyList<DemoAccount> Accounts =>
    [
        new("feiteng", Roles.Enterprise, "飞腾信息技术有限公司 / enterprise user"),
        new("kylin", Roles.Enterprise, "麒麟软件有限公司 / enterprise user"),
    ];

    public async Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct)
    {
        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var enterprises = Named.Select(n => new Enterprise
        {
            Name = n.Name,
            CreditCode = CreditCode.Make(Binhai, n.Serial),
            ParkId = parks.GetValueOrDefault(n.Park),
        }).ToList();
        db.Enterprises.AddRange(enterprises);
        await db.SaveChangesAsync(ct);

        var users = services.GetRequiredService<UserManager<ZoneUser>>();
        var password = config["Demo:Password"]!;
        await PlatformDemoData.Create(users, "feiteng", "张工（飞腾）", Roles.Enterprise, password, enterpriseId: enterprises[0].Id);
        await PlatformDemoData.Create(users, "kylin", "刘经理（麒麟）", Roles.Enterprise, password, enterpriseId: enterprises[1].Id);
    }
}
