using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Enterprises;
using TechZone.Platform.Identity;
using TechZone.Platform.Seeding;

namespace TechZone.Chains;

/// <summary>
/// The seed's five 信创 chains with realistic segments, the named enterprises tagged to them (and some generated ones, so
/// that design and security software are strong while manufacturing, packaging and firmware are weak and middleware
/// and communication equipment are missing, as the report found), investment leads for the gaps, and the report's key
/// projects with milestones (飞腾 and 紫光 are late: red). Dates are relative to the day of seeding.
/// </summary>
sealed class ChainDemoData(IConfiguration config) : IDemoData
{
    public int Order => 50;

    public IReadOnlyList<DemoAccount> Accounts => [new("investment.staff", Roles.Staff, "招商局工作人员 / staff of Investment Promotion Bureau")];

    sealed record S(string Key, string Name, string NameEn, ChainStage Stage, S[]? Children = null);

    const ChainStage Up = ChainStage.Upstream, Mid = ChainStage.Midstream, Down = ChainStage.Downstream;

    static readonly (string Code, string Name, string NameEn, S[] Segments)[] Chains =
    [
        ("chip", "芯片", "Chips",
        [
            new("eda", "EDA与IP核", "EDA and IP", Up),
            new("equipment", "半导体设备", "Semiconductor equipment", Up),
            new("materials", "半导体材料", "Semiconductor materials", Up, [new("silicon", "硅片", "Silicon wafers", Up), new("chemicals", "电子化学品", "Electronic chemicals", Up)]),
            new("design", "芯片设计", "Chip design", Mid, [new("cpu", "CPU", "CPUs", Mid), new("soc", "SoC与专用芯片", "SoCs and ASICs", Mid)]),
            new("wafer", "晶圆制造", "Wafer manufacturing", Mid, [new("wafer8", "8英寸晶圆", "8-inch wafers", Mid), new("wafer12", "12英寸晶圆", "12-inch wafers", Mid)]),
            new("packaging", "封装", "Packaging", Mid),
            new("testing", "测试", "Testing", Mid),
            new("boards", "模组与板卡", "Modules and boards", Down),
        ]),
        ("os", "操作系统", "Operating systems",
        [
            new("firmware", "固件（BIOS/UEFI）", "Firmware (BIOS/UEFI)", Up),
            new("kernel", "操作系统内核", "Kernel", Up),
            new("server-os", "服务器操作系统", "Server OS", Mid),
            new("desktop-os", "桌面操作系统", "Desktop OS", Mid),
            new("database", "数据库", "Databases", Mid),
            new("middleware", "中间件", "Middleware", Mid),
            new("adaptation", "适配认证服务", "Compatibility and certification", Down),
        ]),
        ("security", "网络安全", "Cybersecurity",
        [
            new("crypto", "密码芯片与模块", "Crypto chips and modules", Up),
            new("comms", "通信设备", "Communication equipment", Up),
            new("sec-hardware", "安全硬件", "Security appliances", Mid),
            new("sec-software", "安全软件", "Security software", Mid),
            new("sec-services", "安全服务", "Security services", Down),
        ]),
        ("apps", "应用软件", "Application software",
        [
            new("devtools", "开发工具", "Development tools", Up),
            new("cloud", "云计算平台", "Cloud platforms", Up),
            new("office", "办公软件", "Office software", Mid),
            new("industry-apps", "行业应用软件", "Industry applications", Mid),
            new("integration", "系统集成", "System integration", Down),
            new("idc", "数据中心与IDC", "Data centres and IDC", Down),
        ]),
        ("terminals", "整机终端", "Computers and terminals",
        [
            new("motherboards", "主板与电源", "Motherboards and power", Up),
            new("servers", "服务器", "Servers", Mid),
            new("pcs", "台式机与笔记本", "Desktops and laptops", Mid),
            new("peripherals", "外设与终端", "Peripherals and terminals", Mid),
            new("om", "整机运维服务", "Integration and O&M", Down),
        ]),
    ];

    // The named enterprises' places in the chains (chain/segment, role).
    static readonly (string Enterprise, string Segment, ChainRole Role)[] NamedTags =
    [
        ("飞腾信息技术有限公司", "chip/cpu", ChainRole.Leader),
        ("飞腾信息技术有限公司", "terminals/motherboards", ChainRole.Key),
        ("麒麟软件有限公司", "os/server-os", ChainRole.Leader),
        ("麒麟软件有限公司", "os/desktop-os", ChainRole.Leader),
        ("麒麟软件有限公司", "os/kernel", ChainRole.Key),
        ("天津中环半导体股份有限公司", "chip/silicon", ChainRole.Leader),
        ("天津中环半导体股份有限公司", "chip/wafer8", ChainRole.Key),
        ("曙光信息产业股份有限公司", "terminals/servers", ChainRole.Leader),
        ("曙光信息产业股份有限公司", "apps/cloud", ChainRole.Key),
        ("三六零数字安全科技集团有限公司", "security/sec-software", ChainRole.Leader),
        ("三六零数字安全科技集团有限公司", "security/sec-services", ChainRole.Key),
        ("中国长城科技集团股份有限公司天津分公司", "terminals/pcs", ChainRole.Leader),
        ("中国长城科技集团股份有限公司天津分公司", "terminals/peripherals", ChainRole.Key),
        ("紫光云技术有限公司", "apps/cloud", ChainRole.Leader),
        ("紫光云技术有限公司", "apps/industry-apps", ChainRole.Key),
        ("天津腾信数据科技有限公司", "apps/idc", ChainRole.Key),
        ("华为技术有限公司天津鲲鹏生态创新中心", "os/adaptation", ChainRole.Leader),
        ("华为技术有限公司天津鲲鹏生态创新中心", "terminals/servers", ChainRole.Key),
        ("云账户（天津）共享经济信息咨询有限公司", "apps/industry-apps", ChainRole.Supporting),
        ("易生支付有限公司", "apps/industry-apps", ChainRole.Supporting),
        ("天津先进技术研究院", "chip/soc", ChainRole.Supporting),
    ];

    // Generated enterprises by the trade in their name: how many go to which segment, as supporting enterprises.
    static readonly (string Trade, string Segment, int Take)[] GeneratedTags =
    [
        ("微电子", "chip/soc", 4), ("半导体", "chip/chemicals", 1), ("半导体", "chip/packaging", 1), ("光电技术", "chip/testing", 1),
        ("网络安全技术", "security/sec-software", 4), ("网络安全技术", "security/sec-hardware", 1), ("软件", "apps/industry-apps", 4),
        ("软件", "os/firmware", 1), ("云计算", "apps/cloud", 2), ("数据科技", "apps/industry-apps", 2), ("信息技术", "apps/integration", 3),
        ("电子科技", "terminals/peripherals", 2), ("电子科技", "terminals/motherboards", 1), ("智能科技", "apps/office", 1), ("信息技术", "terminals/om", 2),
    ];

    const long Wan = 1_000_000, Yi = 10_000_000_000;

    // Target companies outside the zone for the weak and missing segments.
    static readonly (string Company, string City, SizeClass Size, string Segment, string Stage, string Source, long InvestWan, int Jobs, int IdleDays, string NextStep, int DueInDays, string? Lost)[] Leads =
    [
        ("昆仑太科（北京）技术股份有限公司", "北京", SizeClass.Medium, "os/firmware", "negotiate", "信创产业联盟推荐", 30_000, 120, 3, "确定研发中心选址（海洋科技园）", 7, null),
        ("南京百敖软件有限公司", "南京", SizeClass.Small, "os/firmware", "contact", "展会（世界智能大会）", 8_000, 60, 12, "邀请来津考察", 10, null),
        ("北京东方通科技股份有限公司", "北京", SizeClass.Large, "os/middleware", "visit", "以商招商（麒麟推荐）", 50_000, 200, 5, "提交天津子公司设立方案", -3, null),
        ("北京宝兰德软件股份有限公司", "北京", SizeClass.Medium, "os/middleware", "lead", "公开信息研判", 10_000, 50, 40, "首次电话接洽", -20, null),
        ("武汉达梦数据库股份有限公司", "武汉", SizeClass.Large, "os/database", "signed", "市级招商推介会", 80_000, 300, 2, "协助办理工商注册", 5, null),
        ("北京人大金仓信息技术股份有限公司", "北京", SizeClass.Medium, "os/database", "contact", "以商招商（飞腾推荐）", 20_000, 80, 50, "", 0, null),
        ("锐捷网络股份有限公司", "福州", SizeClass.Large, "security/comms", "negotiate", "驻深圳招商联络处", 120_000, 400, 8, "洽谈厂房租赁条件", 14, null),
        ("江苏长电科技股份有限公司", "江阴", SizeClass.Large, "chip/packaging", "visit", "产业链图谱研判", 300_000, 800, 20, "安排领导带队回访", 21, null),
        ("通富微电子股份有限公司", "南通", SizeClass.Large, "chip/packaging", "lead", "产业链图谱研判", 200_000, 600, 35, "整理企业画像", -5, null),
        ("北京华大九天科技股份有限公司", "北京", SizeClass.Large, "chip/eda", "contact", "信创产业联盟推荐", 15_000, 100, 15, "发送园区政策包", 3, null),
        ("合肥某晶圆代工企业", "合肥", SizeClass.Large, "chip/wafer12", "negotiate", "市级招商推介会", 1_500_000, 1500, 60, "", 0, "企业选择落户长三角，暂无北方布局计划"),
        ("北京数盾信息科技有限公司", "北京", SizeClass.Small, "security/crypto", "lead", "公开信息研判", 5_000, 40, 1, "首次拜访", 12, null),
    ];

    // The report's key projects: investor, segment, investment (亿元), and for each milestone its planned date (days from
    // today) and whether it is done (days late or early when it is).
    static readonly (string Name, string Investor, string Segment, long InvestYi, (int Planned, int? Done)[] Milestones, string Note)[] Projects =
    [
        ("中科曙光国家先进计算产业创新中心", "曙光信息产业股份有限公司", "terminals/servers", 50,
            [(-700, -705), (-560, -550), (-200, -190), (90, null), (200, null)], "主体已封顶，机电安装进行中"),
        ("飞腾芯片研发总部", "飞腾信息技术有限公司", "chip/cpu", 30,
            [(-500, -500), (-380, -370), (-20, null), (160, null), (260, null)], "主体结构施工受冬季停工影响，进度滞后"),
        ("中国长城（天津）自主创新基地", "中国长城科技集团股份有限公司天津分公司", "terminals/pcs", 20,
            [(-800, -800), (-690, -690), (-420, -425), (-120, -118), (10, null)], "产线设备调试，计划本月投产"),
        ("中环高端半导体产业园", "天津中环半导体股份有限公司", "chip/wafer12", 120,
            [(-300, -300), (-180, -182), (150, null), (400, null), (520, null)], "12英寸产线厂房施工"),
        ("三六零总部", "三六零数字安全科技集团有限公司", "security/sec-software", 15,
            [(-400, -400), (-280, -275), (60, null), (240, null), (330, null)], "总部大楼主体施工"),
        ("紫光芯云产业基地", "紫光云技术有限公司", "apps/cloud", 40,
            [(-900, -900), (-780, -760), (-400, -380), (-45, null), (60, null)], "竣工验收资料未齐，消防验收待复查"),
        ("腾信IDC", "天津腾信数据科技有限公司", "apps/idc", 25,
            [(-60, -58), (5, null), (300, null), (480, null), (560, null)], "施工许可已批复，计划下周开工"),
        ("华为鲲鹏生态创新中心", "华为技术有限公司天津鲲鹏生态创新中心", "os/adaptation", 5,
            [(-1500, -1500), (-1400, -1400), (-1200, -1210), (-1100, -1100), (-1000, -1000)], "已投入运营，累计完成适配认证2000余项"),
    ];

    public async Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<ZoneUser>>();
        var investmentDepartment = await db.Departments.Where(d => d.Code == "investment").Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
        var staff = await PlatformDemoData.Create(users, "investment.staff", "周晓", Roles.Staff, config["Demo:Password"]!, investmentDepartment);
        var head = await db.Users.SingleAsync(u => u.UserName == "investment", ct);

        var segments = new Dictionary<string, ChainSegment>();
        var order = 0;
        foreach (var (code, name, nameEn, list) in Chains)
        {
            var chain = new Chain { Code = code, Name = name, NameEn = nameEn, SortOrder = ++order * 10, WeakWithoutLeader = code == "chip" };
            db.Add(chain);
            void Add(S s, ChainSegment? parent, int position)
            {
                var segment = new ChainSegment { Name = s.Name, NameEn = s.NameEn, Stage = s.Stage, SortOrder = position * 10 };
                chain.Segments.Add(segment);
                segments[$"{code}/{s.Key}"] = segment;
                if (parent is not null) segment.ParentId = parent.Id;
                foreach (var (child, i) in (s.Children ?? []).Select((c, i) => (c, i)))
                    pendingChildren.Add((child, segment, i + 1, code));
            }
            foreach (var (s, i) in list.Select((s, i) => (s, i))) Add(s, null, i + 1);
            await db.SaveChangesAsync(ct);
            // Children need their parent's id: saved level by level.
            while (pendingChildren.Count > 0)
            {
                var level = pendingChildren.ToList();
                pendingChildren.Clear();
                foreach (var (child, parent, position, _) in level) Add(child, parent, position);
                await db.SaveChangesAsync(ct);
            }
        }

        var now = DateTime.UtcNow;
        // Through the registry's directory (the module's contract), not its table.
        var byName = (await services.GetRequiredService<Platform.Zone.IEnterpriseDirectory>().SearchAsync(null, 100_000)).ToDictionary(e => e.Name, e => e.Id);
        var tags = new HashSet<(int, int)>();
        void Tag(int enterpriseId, string segment, ChainRole role, string by)
        {
            if (tags.Add((segments[segment].Id, enterpriseId)))
                db.Add(new SegmentTag { SegmentId = segments[segment].Id, EnterpriseId = enterpriseId, Role = role, TaggedBy = by, TaggedUtc = now.AddDays(-200 + tags.Count) });
        }
        foreach (var (enterprise, segment, role) in NamedTags)
            if (byName.TryGetValue(enterprise, out var id)) Tag(id, segment, role, head.DisplayName);
        var used = new HashSet<int>();
        foreach (var (trade, segment, take) in GeneratedTags)
        {
            var candidates = byName.Where(e => e.Key.StartsWith("天津") && e.Key.EndsWith(trade + "有限公司") && !used.Contains(e.Value))
                .OrderBy(e => e.Value).Take(take).ToList();
            foreach (var c in candidates) { used.Add(c.Value); Tag(c.Value, segment, ChainRole.Supporting, head.DisplayName); }
        }
        await db.SaveChangesAsync(ct);

        var stages = await db.Set<LeadStage>().ToDictionaryAsync(s => s.Code, ct);
        var stageOrder = stages.Values.OrderBy(s => s.SortOrder).ToList();
        var today = DateOnly.FromDateTime(now);
        foreach (var (l, i) in Leads.Select((l, i) => (l, i)))
        {
            var owner = i % 3 == 2 ? head : staff;
            var stage = stages[l.Stage];
            var created = now.AddDays(-l.IdleDays - 30 - i * 3);
            var lead = new Lead
            {
                CompanyName = l.Company, HqCity = l.City, SizeClass = l.Size, ContactName = "联络人" + (i + 1), ContactPhone = $"010-8888{i:D4}",
                Source = l.Source, StageId = stage.Id, Status = l.Lost is null ? LeadStatus.Active : LeadStatus.Lost, LostReason = l.Lost,
                OwnerId = owner.Id, OwnerName = owner.DisplayName, ExpectedInvestmentFen = l.InvestWan * Wan, ExpectedJobs = l.Jobs,
                ExpectedTaxFen = l.InvestWan * Wan / 50, NextStep = l.NextStep, NextStepDueOn = l.NextStep == "" ? null : today.AddDays(l.DueInDays),
                CreatedUtc = created, LastActivityUtc = now.AddDays(-l.IdleDays),
                Segments = [new LeadSegment { SegmentId = segments[l.Segment].Id }],
            };
            lead.Events.Add(new LeadEvent { Kind = LeadEventKind.Created, ToStageId = stageOrder[0].Id, ByUserName = owner.DisplayName, AtUtc = created });
            var steps = stageOrder.TakeWhile(s => s.SortOrder <= stage.SortOrder).ToList();
            for (var k = 1; k < steps.Count; k++)
                lead.Events.Add(new LeadEvent
                {
                    Kind = LeadEventKind.Moved, FromStageId = steps[k - 1].Id, ToStageId = steps[k].Id, ByUserName = owner.DisplayName,
                    AtUtc = created.AddDays((now.AddDays(-l.IdleDays) - created).TotalDays * k / steps.Count),
                });
            if (l.Lost is not null)
                lead.Events.Add(new LeadEvent { Kind = LeadEventKind.Lost, FromStageId = stage.Id, Note = l.Lost, ByUserName = owner.DisplayName, AtUtc = now.AddDays(-l.IdleDays) });
            db.Add(lead);
        }

        // The 鲲鹏 innovation centre came through the pipeline: a landed lead linked to its enterprise, now in production.
        if (byName.TryGetValue("华为技术有限公司天津鲲鹏生态创新中心", out var kunpeng))
        {
            var landed = new Lead
            {
                CompanyName = "华为技术有限公司天津鲲鹏生态创新中心", HqCity = "深圳", SizeClass = SizeClass.Large, ContactName = "吴芳", ContactPhone = "022-58660009",
                Source = "市区两级联合招商", StageId = stages["production"].Id, Status = LeadStatus.Active, OwnerId = head.Id, OwnerName = head.DisplayName,
                ExpectedInvestmentFen = 5 * Yi, ExpectedJobs = 300, ExpectedTaxFen = 2_000 * Wan, EnterpriseId = kunpeng,
                CreatedUtc = now.AddDays(-2300), LastActivityUtc = now.AddDays(-1000),
                Segments = [new LeadSegment { SegmentId = segments["os/adaptation"].Id }],
            };
            var prev = (int?)null;
            foreach (var (s, k) in stageOrder.Select((s, k) => (s, k)))
            {
                landed.Events.Add(new LeadEvent
                {
                    Kind = k == 0 ? LeadEventKind.Created : s.IsLanding ? LeadEventKind.Registered : LeadEventKind.Moved,
                    FromStageId = prev, ToStageId = s.Id, ByUserName = head.DisplayName, AtUtc = now.AddDays(-2300 + k * 160),
                });
                prev = s.Id;
            }
            db.Add(landed);
        }
        await db.SaveChangesAsync(ct);

        // Each next step with a due date waits in its owner's inbox, as if entered through the app.
        var time = services.GetRequiredService<Platform.Calendar.ZoneTime>();
        foreach (var lead in await db.Set<Lead>().Where(l => l.Status == LeadStatus.Active && l.NextStepDueOn != null && l.EnterpriseId == null).ToListAsync(ct))
            db.Add(new Platform.Inbox.InboxItem
            {
                SourceModule = Platform.Zone.Modules.Chains, SourceKey = LeadService.TodoKey(lead.Id), Title = LeadService.TodoTitle(lead, "zh-CN"),
                TitleEn = LeadService.TodoTitle(lead, "en"), Link = $"/leads/{lead.Id}", DueUtc = LeadService.TodoDueUtc(time, lead.NextStepDueOn!.Value),
                UserId = lead.OwnerId, CreatedUtc = lead.LastActivityUtc,
            });
        await db.SaveChangesAsync(ct);

        foreach (var p in Projects)
        {
            if (!byName.TryGetValue(p.Investor, out var investor)) continue;
            db.Add(new KeyProject
            {
                Name = p.Name, EnterpriseId = investor, SegmentId = segments[p.Segment].Id, InvestmentFen = p.InvestYi * Yi, Note = p.Note,
                Milestones = ChainReferenceData.Milestones.Zip(p.Milestones).Select((m, k) => new ProjectMilestone
                {
                    Name = m.First.Name, NameEn = m.First.NameEn, SortOrder = (k + 1) * 10, PlannedOn = today.AddDays(m.Second.Planned),
                    ActualOn = m.Second.Done is { } done ? today.AddDays(done) : null,
                }).ToList(),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    readonly List<(S Child, ChainSegment Parent, int Position, string Chain)> pendingChildren = [];
}
