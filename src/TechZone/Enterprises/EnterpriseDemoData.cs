using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Audit;
using TechZone.Platform.Identity;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Enterprises;

/// <summary>
/// The enterprises the seed report names, ~200 generated ones so that lists page and filters show something,
/// and two enterprise accounts linked to 飞腾 and 麒麟. Everything is deterministic (fixed values, a seeded Random).
/// </summary>
sealed class EnterpriseDemoData(IConfiguration config) : IDemoData
{
    public int Order => 10;

    // Binhai New Area's administrative division code; serials make credit codes with valid check characters.
    const string Binhai = "120116";

    const long Wan = 1_000_000; // 1 万元 in fen

    static readonly (string Name, string Park, long Serial, string Industry, string Founded, long CapitalWan, SizeClass Size,
        EnterpriseStatus Status, string Legal, string Address, string Contact, string Title)[] Named =
    [
        ("飞腾信息技术有限公司", "haiyang", 30_565_001, "39", "2014-08-27", 62_000, SizeClass.Large, EnterpriseStatus.Operating,
            "赵立新", "天津市滨海高新区塘沽海洋科技园信安创业广场5号楼", "张工", "市场部经理"),
        ("麒麟软件有限公司", "haiyang", 30_565_002, "65", "2014-12-29", 32_000, SizeClass.Large, EnterpriseStatus.Expanding,
            "孙建华", "天津市滨海高新区塘沽海洋科技园信安创业广场3号楼", "刘经理", "综合管理部经理"),
        ("紫光云技术有限公司", "huayuan", 30_565_003, "65", "2018-06-12", 150_000, SizeClass.Large, EnterpriseStatus.Operating,
            "周明远", "天津市滨海高新区华苑产业区海泰西路18号", "陈晓", "政府事务总监"),
        ("天津中环半导体股份有限公司", "huayuan", 30_565_004, "39", "1999-12-21", 323_000, SizeClass.Large, EnterpriseStatus.Operating,
            "沈浩然", "天津市滨海高新区华苑产业区海泰东路12号", "王磊", "证券事务代表"),
        ("曙光信息产业股份有限公司", "huayuan", 30_565_005, "39", "2006-03-07", 146_000, SizeClass.Large, EnterpriseStatus.Operating,
            "钱志强", "天津市滨海高新区华苑产业区海泰华科大街15号", "李娜", "行政总监"),
        ("三六零数字安全科技集团有限公司", "haiyang", 30_565_006, "65", "2019-11-20", 50_000, SizeClass.Large, EnterpriseStatus.Operating,
            "吴海峰", "天津市滨海高新区塘沽海洋科技园宁海路2号", "赵敏", "区域运营经理"),
        ("中国长城科技集团股份有限公司天津分公司", "bolonghu", 30_565_007, "39", "2017-09-15", 0, SizeClass.Medium, EnterpriseStatus.Operating,
            "郑国栋", "天津市滨海高新区渤龙湖科技园渤龙湖总部经济区A区8号", "孙涛", "分公司副总经理"),
        ("天津腾信数据科技有限公司", "bolonghu", 30_565_008, "64", "2021-04-08", 20_000, SizeClass.Medium, EnterpriseStatus.Prospect,
            "冯振宇", "天津市滨海高新区渤龙湖科技园腾信IDC项目地块", "周杰", "项目经理"),
        ("华为技术有限公司天津鲲鹏生态创新中心", "haiyang", 30_565_009, "65", "2020-01-16", 0, SizeClass.Medium, EnterpriseStatus.Operating,
            "陈卫东", "天津市滨海高新区塘沽海洋科技园信安创业广场1号楼", "吴芳", "生态发展经理"),
        ("云账户（天津）共享经济信息咨询有限公司", "huayuan", 30_565_010, "64", "2016-08-04", 5_000, SizeClass.Large, EnterpriseStatus.Operating,
            "褚建国", "天津市滨海高新区华苑产业区梓苑路6号", "郑丽", "公共事务经理"),
        ("易生支付有限公司", "huayuan", 30_565_011, "69", "2010-05-18", 10_000, SizeClass.Medium, EnterpriseStatus.Operating,
            "卫明辉", "天津市滨海高新区华苑产业区开华道20号", "冯雪", "合规部经理"),
        ("天津先进技术研究院", "huayuan", 30_565_012, "73", "2013-07-01", 3_000, SizeClass.Medium, EnterpriseStatus.Operating,
            "蒋文博", "天津市滨海高新区华苑产业区海泰南道7号", "韩冰", "科研管理处处长"),
    ];

    // Name parts for generated enterprises: a brand word and an industry-specific trade, each trade with its division.
    internal static readonly string[] Brands =
    [
        "华信", "海泰", "瑞达", "智云", "恒通", "鼎盛", "博远", "中科", "星河", "云图", "天诚", "联创", "金桥", "远景", "锐思", "宏图",
        "启明", "泰和", "海川", "新程", "同方", "凯达", "安信", "北辰", "渤海", "津港", "卓越", "宇航", "长风", "融通", "信诺", "睿智",
    ];

    internal static readonly (string Trade, string Industry)[] Trades =
    [
        ("电子科技", "39"), ("微电子", "39"), ("半导体", "39"), ("光电技术", "39"), ("通信设备", "39"),
        ("软件", "65"), ("信息技术", "65"), ("数据科技", "65"), ("网络安全技术", "65"), ("云计算", "65"), ("智能科技", "65"),
        ("网络科技", "64"), ("互联网科技", "64"),
        ("生物医药", "27"), ("新材料", "26"), ("智能装备", "35"), ("机器人", "34"), ("仪器仪表", "40"), ("新能源", "38"),
        ("技术研究院", "73"), ("检测技术服务", "74"), ("科技服务", "75"), ("企业管理咨询", "72"), ("供应链管理", "58"),
    ];

    internal static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    internal static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "勇", "军", "杰", "涛", "明", "超", "霞", "平", "刚", "辉", "鹏"];
    static readonly string[] Titles = ["总经理", "副总经理", "行政经理", "财务总监", "董事会秘书", "办公室主任"];

    public IReadOnlyList<DemoAccount> Accounts =>
    [
        new("feiteng", Roles.Enterprise, "飞腾信息技术有限公司 / enterprise user"),
        new("kylin", Roles.Enterprise, "麒麟软件有限公司 / enterprise user, manager of 信安创业广场3号楼"),
    ];

    public async Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct)
    {
        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var enterprises = Named.Select(n =>
        {
            var founded = DateOnly.Parse(n.Founded, System.Globalization.CultureInfo.InvariantCulture);
            var e = new Enterprise
            {
                Name = n.Name,
                CreditCode = CreditCode.Make(Binhai, n.Serial),
                ParkId = parks.GetValueOrDefault(n.Park),
                IndustryCode = n.Industry,
                FoundedOn = founded,
                // A branch (分公司) or an office has no registered capital of its own.
                RegisteredCapitalFen = n.CapitalWan == 0 ? null : n.CapitalWan * Wan,
                SizeClass = n.Size,
                LegalRepresentative = n.Legal,
                Address = n.Address,
                Contacts = [new EnterpriseContact { Name = n.Contact, Title = n.Title, Phone = $"022-5866{n.Serial % 1000:D4}", Email = $"contact{n.Serial % 1000}@example.cn", IsPrimary = true }],
            };
            History(e, n.Status, founded, today, new Random((int)n.Serial));
            return e;
        }).ToList();
        db.Enterprises.AddRange(enterprises);
        await db.SaveChangesAsync(ct);

        await SeedGeneratedAsync(db, parks.Values.Order().ToArray(), today, ct);

        var users = services.GetRequiredService<UserManager<ZoneUser>>();
        var password = config["Demo:Password"]!;
        await PlatformDemoData.Create(users, "feiteng", "张工（飞腾）", Roles.Enterprise, password, enterpriseId: enterprises[0].Id);
        await PlatformDemoData.Create(users, "kylin", "刘经理（麒麟）", Roles.Enterprise, password, enterpriseId: enterprises[1].Id);
    }

    public const int GeneratedCount = 200;

    /// <summary>Generated enterprises, written as one audited batch rather than row by row.</summary>
    static async Task SeedGeneratedAsync(ZoneDb db, int[] parkIds, DateOnly today, CancellationToken ct)
    {
        var random = new Random(4754);
        var names = new HashSet<string>(Named.Select(n => n.Name));
        var rows = new List<Enterprise>(GeneratedCount);
        for (var i = 0; i < GeneratedCount; i++)
        {
            string name;
            (string Trade, string Industry) trade;
            do
            {
                trade = Trades[random.Next(Trades.Length)];
                name = $"天津{Brands[random.Next(Brands.Length)]}{trade.Trade}有限公司";
            } while (!names.Add(name) && names.Count < Brands.Length * Trades.Length);

            var founded = new DateOnly(1998, 1, 1).AddDays(random.Next(365 * 27));
            // Capitals spread over four orders of magnitude (100 万 to 100 亿), some unknown.
            long? capital = random.Next(10) == 0 ? null : (long)Math.Round(Math.Pow(10, 2 + random.NextDouble() * 4)) * Wan;
            SizeClass? size = random.Next(12) == 0 ? null
                : capital is null ? SizeClass.Small
                : capital >= 100_000 * Wan ? SizeClass.Large : capital >= 10_000 * Wan ? SizeClass.Medium : capital >= 500 * Wan ? SizeClass.Small : SizeClass.Micro;
            var roll = random.Next(100);
            var status = roll < 60 ? EnterpriseStatus.Operating : roll < 75 ? EnterpriseStatus.Registered : roll < 85 ? EnterpriseStatus.Expanding
                : roll < 92 ? EnterpriseStatus.Prospect : roll < 97 ? EnterpriseStatus.MovedOut : EnterpriseStatus.Deregistered;
            var contact = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
            var e = new Enterprise
            {
                Name = name,
                CreditCode = CreditCode.Make(Binhai, 40_000_001 + i),
                ParkId = random.Next(20) == 0 ? null : parkIds[random.Next(parkIds.Length)],
                IndustryCode = trade.Industry,
                FoundedOn = founded,
                RegisteredCapitalFen = capital,
                SizeClass = size,
                LegalRepresentative = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                Address = $"天津市滨海高新区{ZoneRoads.Names[random.Next(ZoneRoads.Names.Length)]}{random.Next(1, 200)}号",
                Contacts = [new EnterpriseContact
                {
                    Name = contact, Title = Titles[random.Next(Titles.Length)], Phone = $"1{random.Next(30, 90)}{random.Next(10_000_000, 99_999_999)}",
                    Email = $"info{i + 1}@example.cn", IsPrimary = true,
                }],
            };
            History(e, status, founded, today, random);
            rows.Add(e);
        }

        db.AuditRows = false;
        db.Enterprises.AddRange(rows);
        AuditTrail.Batch(db, "enterprises_enterprises", new { source = "demo data", enterprises = rows.Count });
        await db.SaveChangesAsync(ct);
        db.AuditRows = true;
    }

    /// <summary>A plausible lifecycle: registered when founded, operating a few months later, then the last step.</summary>
    internal static void History(Enterprise e, EnterpriseStatus final, DateOnly founded, DateOnly today, Random random)
    {
        const string by = "service";
        if (final == EnterpriseStatus.Prospect)
        {
            e.ChangeStatus(EnterpriseStatus.Prospect, Min(founded.AddDays(random.Next(30, 400)), today), today, null, by);
            return;
        }
        e.ChangeStatus(EnterpriseStatus.Registered, founded, today, null, by);
        if (final == EnterpriseStatus.Registered) return;
        var operating = Min(founded.AddDays(random.Next(60, 240)), today);
        e.ChangeStatus(EnterpriseStatus.Operating, operating, today, null, by);
        if (final == EnterpriseStatus.Operating) return;
        e.ChangeStatus(final, Min(operating.AddDays(random.Next(365, 365 * 6)), today), today, null, by);
    }

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
