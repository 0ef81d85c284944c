using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Audit;
using TechZone.Platform.Calendar;
using TechZone.Platform.Inbox;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

/// <summary>
/// About sixty visits around today: the last three months mostly recorded (a few cancelled, a few still waiting
/// for their record), the next month planned. Several departments lead the past ones; planned ones are led by the
/// Enterprise Service Bureau, the department with the Demands write grant. 飞腾 and 麒麟 are each visited by two
/// departments in one week, so the planner's warning and the calendar show it. Deterministic for a given day.
/// </summary>
sealed class VisitDemoData : IDemoData
{
    public int Order => 30;

    public IReadOnlyList<DemoAccount> Accounts => [];

    /// <summary>What a visit was about: purpose, topics discussed, findings, follow-ups.</summary>
    internal static readonly (string Purpose, string Topics, string Findings, string FollowUps)[] Scenarios =
    [
        ("了解企业经营情况和年度发展计划",
            "企业介绍了今年营收预期、研发投入和新产品上市计划；双方就高新技术企业复审材料准备进行了交流。",
            "企业研发人员增长较快，现有办公面积已接近饱和；高企复审所需的研发费用专项审计尚未启动。",
            "企业服务局协助对接两家审计机构；招商局摸排华苑科技园可租办公空间，两周内反馈。"),
        ("了解人才引进和员工住房需求",
            "交流了企业今年校园招聘计划、人才公寓申请情况及员工通勤情况。",
            "新入职员工租房难、通勤时间长，现有人才公寓房源不足，晚间通勤班车班次偏少。",
            "人才服务中心梳理人才公寓轮候名单；协调公交公司评估增开晚间通勤班车。"),
        ("回访政策兑现情况",
            "回访去年研发费用补贴和首台套奖励的兑现进度，介绍今年新出台的信创产业扶持政策。",
            "首台套奖励资金尚未到账，企业对申报材料要求的理解与经办部门不一致。",
            "经济发展局核实拨付进度，一周内答复企业；安排政策专员上门辅导今年的申报。"),
        ("对接二期扩产用地需求",
            "企业计划新建二期生产线，需用地约30亩，交流了选址意向和建设时间表。",
            "渤龙湖科技园现有可用地块与企业需求面积基本匹配，但电力容量需要增容。",
            "规划建设局提供地块规划条件；协调供电公司开展增容可行性研究。"),
        ("对接融资需求",
            "企业介绍了B轮融资进展，希望对接区内产业基金和科技信贷产品。",
            "企业属轻资产运营，缺少抵押物，银行授信额度有限。",
            "企业服务局组织一次银企对接会，推荐知识产权质押融资产品。"),
        ("安全生产检查与服务",
            "检查了生产车间消防设施、危化品存储和员工安全培训记录。",
            "部分灭火器过期未更换，危化品台账更新不及时。",
            "企业一周内完成整改并报送整改照片；安全监管局月底复查。"),
        ("专精特新申报辅导",
            "讲解市级专精特新中小企业认定标准，逐项对照企业各项指标。",
            "主营业务收入占比和研发投入强度符合条件，知识产权数量略有不足。",
            "企业补充发明专利申请；申报窗口开放时由企业服务局提醒企业。"),
        ("了解数据中心项目建设进度",
            "交流了IDC项目土建进度、设备进场计划和能耗指标落实情况。",
            "项目能耗指标审批仍在办理，外线电源接入时间存在不确定性。",
            "经济发展局跟进能耗指标审批；规划建设局协调外线电源施工。"),
        ("信创产业链上下游配套对接",
            "企业介绍了整机适配和生态伙伴情况，希望引入上下游配套企业落户。",
            "企业有三家核心供应商有意在津设立分支机构，需要办公和小批量生产空间。",
            "招商局建立配套企业招商线索，一个月内安排实地看房。"),
        ("园区配套和营商环境调研",
            "围绕区域活力、基础设施配套、创新创业氛围和承载能力四个方面听取企业意见。",
            "园区餐饮和商业配套不足，夜间道路照明偏暗，停车位紧张。",
            "意见汇总报管委会统筹协调；规划建设局排查园区道路照明。"),
        ("知识产权保护服务",
            "了解企业专利布局情况和近期遇到的侵权纠纷。",
            "企业一款软件产品遭仿冒，维权成本高、周期长。",
            "对接知识产权保护中心快速维权通道，提供法律援助律师名单。"),
        ("对接招聘用工需求",
            "交流了企业下半年研发和生产岗位约120人的用工需求。",
            "高级嵌入式工程师和芯片验证工程师招聘难度大。",
            "人才服务中心在下月专场招聘会上为企业设置展位，定向推送高校毕业生简历。"),
    ];

    internal static readonly string[] CancelReasons =
    [
        "企业负责人临时出差，另行约定时间。",
        "与区领导调研活动时间冲突，改期安排。",
        "企业正在接受上级部门检查，暂缓走访。",
    ];

    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "周", "吴", "徐", "孙", "马", "高", "郭"];
    static readonly string[] ZoneTitles = ["处长", "副处长", "科长", "主任科员", "科员"];
    static readonly string[] EnterpriseTitles = ["总经理", "副总经理", "行政总监", "财务总监", "人力资源经理", "研发中心主任", "政府事务经理"];

    static readonly string[] Named =
    [
        "飞腾信息技术有限公司", "麒麟软件有限公司", "紫光云技术有限公司", "天津中环半导体股份有限公司", "曙光信息产业股份有限公司",
        "三六零数字安全科技集团有限公司", "中国长城科技集团股份有限公司天津分公司", "天津腾信数据科技有限公司",
        "华为技术有限公司天津鲲鹏生态创新中心", "云账户（天津）共享经济信息咨询有限公司", "易生支付有限公司", "天津先进技术研究院",
    ];

    public async Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct)
    {
        var time = services.GetRequiredService<ZoneTime>();
        var directory = services.GetRequiredService<IEnterpriseDirectory>();
        var today = time.Today;
        var random = new Random(2026);

        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        if (!departments.TryGetValue("service", out var service)) return;
        var users = await db.Users.AsNoTracking().Where(u => u.UserName != null)
            .ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName), ct);

        var all = await directory.SearchAsync(null, 1000);
        var named = Named.Select(n => all.FirstOrDefault(e => e.Name == n)).OfType<EnterpriseRef>().ToList();
        if (named.Count < 2) return;
        var generated = all.Where(e => !Named.Contains(e.Name)).Where((_, i) => i % 7 == 3).Take(24).ToList();
        var pool = named.Concat(named).Concat(generated).ToList(); // the named ones come up twice as often

        // Past visits: led by several departments; planned ones: by the department that plans (service).
        var leads = Leads(departments, service);
        var others = departments.Values.Where(d => d.Id != service.Id).ToList();

        var visits = new List<Visit>();
        var perMonth = new Dictionary<(int, int, int), int>();
        var perWeek = new HashSet<(int, DateOnly)>();

        bool Fits(int enterpriseId, DateOnly on) =>
            perMonth.GetValueOrDefault((enterpriseId, on.Year, on.Month)) < VisitSettings.DefaultMaxVisitsPerEnterprisePerMonth
            && !perWeek.Contains((enterpriseId, VisitLabels.WeekStart(on)));

        Visit Add(EnterpriseRef enterprise, DateOnly on, Platform.Zone.Department lead, int scenario, bool plannedByStaff = false)
        {
            var byStaff = plannedByStaff && lead.Id == service.Id && users.ContainsKey("service.staff");
            var (plannerId, plannerName) = users.GetValueOrDefault(byStaff ? "service.staff" : lead.Code, ("", lead.Name));
            var plannedUtc = Min(time.StartOfDayUtc(on.AddDays(-random.Next(3, 15))).AddHours(9 + random.Next(0, 8)), DateTime.UtcNow.AddHours(-1));
            var participants = others.Where(d => d.Id != lead.Id).OrderBy(_ => random.Next()).Take(random.Next(3) switch { 0 => 0, 1 => 1, _ => 2 })
                .Select(d => new VisitDepartment { DepartmentId = d.Id }).ToList();
            if (lead.Id != service.Id && random.Next(2) == 0 && participants.All(p => p.DepartmentId != service.Id))
                participants.Add(new VisitDepartment { DepartmentId = service.Id });
            var visit = new Visit
            {
                EnterpriseId = enterprise.Id, PlannedOn = on, LeadDepartmentId = lead.Id, Participants = participants,
                Purpose = Scenarios[scenario].Purpose, PlannedByUserId = plannerId, PlannedByName = plannerName, PlannedUtc = plannedUtc,
            };
            visits.Add(visit);
            perMonth[(enterprise.Id, on.Year, on.Month)] = perMonth.GetValueOrDefault((enterprise.Id, on.Year, on.Month)) + 1;
            perWeek.Add((enterprise.Id, VisitLabels.WeekStart(on)));
            return visit;
        }

        void Record(Visit visit, int scenario, Platform.Zone.Department lead)
        {
            var s = Scenarios[scenario];
            // Now and then the visit took place a day before the planned day, within its week and month: the limits
            // count a visit in the month it took place, and Fits counted it in the planned one.
            var visitedOn = random.Next(8) == 0 && visit.PlannedOn.DayOfWeek != DayOfWeek.Monday && visit.PlannedOn.Day != 1
                ? visit.PlannedOn.AddDays(-1) : visit.PlannedOn;
            var recordedUtc = Min(time.StartOfDayUtc(visitedOn.AddDays(1)).AddHours(10 + random.Next(0, 6)), DateTime.UtcNow.AddMinutes(-10));
            visit.Record(visitedOn, today, Attendees(lead, random), s.Topics, s.Findings, s.FollowUps, visit.PlannedByUserId, visit.PlannedByName, recordedUtc);
        }

        // The deliberate pairs: two departments at one enterprise in one week.
        var kylin = named[1];
        var pairWeek = VisitLabels.WeekStart(today.AddDays(-21));
        if (departments.TryGetValue("economy", out var economy))
        {
            var first = Add(kylin, pairWeek.AddDays(1), economy, 2);
            Record(first, 2, economy);
            var second = Add(kylin, pairWeek.AddDays(3), service, 0);
            Record(second, 0, service);
        }
        // 飞腾 this week: whoever plans another visit to it this week is told.
        var feiteng = named[0];
        var thisWeek = VisitLabels.WeekStart(today).AddDays(2);
        if (thisWeek <= today && departments.TryGetValue("investment", out var investment))
            Record(Add(feiteng, thisWeek, investment, 8), 8, investment);
        else
        {
            var planned = Add(feiteng, thisWeek, service, 3);
            if (departments.TryGetValue("planning", out var planning) && planned.Participants.All(p => p.DepartmentId != planning.Id))
                planned.Participants.Add(new VisitDepartment { DepartmentId = planning.Id });
        }

        // One visit called off two weeks ago whatever today is (the loop's cancellations are left to chance), so the
        // list, the calendar and the record page always show what a cancelled visit looks like.
        var calledOff = named.Count > 2 ? named[2] : named[0];
        var calledOffVisit = Add(calledOff, VisitLabels.WeekStart(today.AddDays(-14)).AddDays(2), service, 6);
        calledOffVisit.Cancel(CancelReasons[0], calledOffVisit.PlannedByName, calledOffVisit.PlannedUtc.AddDays(1));

        for (var day = today.AddDays(-91); day <= today.AddDays(31); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            var roll = random.Next(20);
            var count = roll < 8 ? 0 : roll < 17 ? 1 : 2;
            for (var i = 0; i < count; i++)
            {
                var enterprise = pool[random.Next(pool.Count)];
                if (!Fits(enterprise.Id, day)) continue;
                var scenario = random.Next(Scenarios.Length);
                if (day < today)
                {
                    var lead = Pick(leads, random);
                    var awaiting = day >= today.AddDays(-6) && lead.Id == service.Id && random.Next(3) == 0;
                    var visit = Add(enterprise, day, awaiting ? service : lead, scenario, plannedByStaff: awaiting && visits.Count % 4 == 0);
                    if (awaiting) continue;
                    if (random.Next(25) == 0) visit.Cancel(CancelReasons[random.Next(CancelReasons.Length)], visit.PlannedByName, visit.PlannedUtc.AddDays(1));
                    else Record(visit, scenario, lead);
                }
                else
                {
                    var visit = Add(enterprise, day, service, scenario, plannedByStaff: random.Next(6) == 0);
                    if (random.Next(30) == 0) visit.Cancel(CancelReasons[random.Next(CancelReasons.Length)], visit.PlannedByName, DateTime.UtcNow.AddHours(-2));
                }
            }
        }

        db.AuditRows = false;
        db.AddRange(visits);
        AuditTrail.Batch(db, "demands_visits", new { source = "demo data", visits = visits.Count });
        await db.SaveChangesAsync(ct);
        db.AuditRows = true;

        // Each planned visit waits in its planner's inbox, as if planned through the app (one save for all: a quick start).
        var names = all.ToDictionary(e => e.Id, e => e.Name);
        foreach (var visit in visits.Where(v => v.Status == VisitStatus.Planned && v.PlannedByUserId != ""))
        {
            var name = names.GetValueOrDefault(visit.EnterpriseId, "");
            db.Add(new InboxItem
            {
                SourceModule = VisitService.InboxModule, SourceKey = VisitService.InboxKey(visit.Id),
                Title = VisitService.Title(name, "zh-CN"), TitleEn = VisitService.Title(name, "en"), Link = $"/visits/{visit.Id}",
                DueUtc = VisitService.DueUtc(time, visit.PlannedOn), UserId = visit.PlannedByUserId, CreatedUtc = visit.PlannedUtc,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    internal static string Attendees(Platform.Zone.Department lead, Random random)
    {
        string Person(string[] titles) => Surnames[random.Next(Surnames.Length)] + titles[random.Next(titles.Length)];
        return $"管委会：{lead.Name}{Person(ZoneTitles)}、{Person(ZoneTitles)}；企业：{Person(EnterpriseTitles)}、{Person(EnterpriseTitles)}";
    }

    /// <summary>Who leads past visits, weighted: mostly the Enterprise Service Bureau, then investment and economy.</summary>
    internal static (Platform.Zone.Department Department, int Weight)[] Leads(Dictionary<string, Platform.Zone.Department> departments,
        Platform.Zone.Department service) =>
    [
        (service, 9),
        .. new[] { ("investment", 4), ("economy", 3), ("planning", 1), ("safety", 1), ("talent", 1) }
            .Where(x => departments.ContainsKey(x.Item1)).Select(x => (departments[x.Item1], x.Item2)),
    ];

    internal static Platform.Zone.Department Pick((Platform.Zone.Department Department, int Weight)[] options, Random random)
    {
        var roll = random.Next(options.Sum(o => o.Weight));
        foreach (var (department, weight) in options)
        {
            if (roll < weight) return department;
            roll -= weight;
        }
        return options[0].Department;
    }

    static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
