using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Calendar;
using TechZone.Platform.Inbox;
using TechZone.Platform.Seeding;
using TechZone.Platform.Zone;

namespace TechZone.Demands;

/// <summary>
/// Routing rules, SLAs and answer templates of the demo zone, and ~150 demands of the last four months in every
/// state: routed, in progress, answered, closed and rated, rejected, reopened, split between two departments,
/// overdue (red on the supervision board) and due soon (yellow), and a flagged duplicate. Deterministic (seeded Random).
/// </summary>
sealed class DemandDemoData : IDemoData
{
    public int Order => 40;

    public IReadOnlyList<DemoAccount> Accounts => [];

    // category code → department code, for every park; plus one park-specific rule.
    static readonly (string? Category, string? Park, string Department)[] Routes =
    [
        (null, null, "service"),
        ("vitality", null, "service"),
        ("vitality", "bolonghu", "investment"),
        ("infrastructure", null, "planning"),
        ("innovation", null, "economy"),
        ("capacity", null, "planning"),
        ("policy", null, "economy"),
        ("talent", null, "talent"),
        ("financing", null, "economy"),
        ("approvals", null, "service"),
        ("space", null, "investment"),
    ];

    static readonly (string Department, string? Category, int Days)[] Slas =
    [
        ("service", null, 10), ("service", "approvals", 5),
        ("economy", null, 15), ("economy", "policy-consulting", 5),
        ("planning", null, 15), ("planning", "infrastructure-utilities", 10),
        ("talent", null, 10), ("investment", null, 10), ("safety", null, 10),
    ];

    static readonly (string Title, string Body, string? Category)[] Templates =
    [
        ("政策咨询答复", "您好！您咨询的政策适用条件及申报材料如下：……。如有疑问，可致电企业服务局 022-8437xxxx。感谢您对高新区工作的支持！", "policy"),
        ("已协调解决", "您好！您反映的问题我局已会同相关部门现场协调，处理结果如下：……。请您确认是否满意，如仍有问题可在15日内重新提出。", null),
        ("纳入计划，分步解决", "您好！您反映的问题已纳入我局年度工作计划，预计于……完成。在此期间我们将……。感谢您的理解与支持！", "infrastructure"),
    ];

    // Realistic problems per category (leaf code), in the words an enterprise would use.
    static readonly (string Category, string Title, string Description)[] Problems =
    [
        ("infrastructure-parking", "园区停车位严重不足", "员工上下班高峰时段园区停车位严重不足，很多员工只能把车停在路边，存在被贴罚单和交通安全隐患，希望增设停车位或开放周边临时停车场。"),
        ("infrastructure-parking", "访客车辆无处停放", "来访客户车辆无处停放，影响商务接待，希望协调楼宇开放访客临时车位。"),
        ("infrastructure-transport", "早晚高峰公交班次太少", "公司所在路段早晚高峰公交班次间隔超过20分钟，员工通勤困难，希望增开通勤班车或加密公交班次。"),
        ("infrastructure-transport", "园区道路照明不足", "海泰西路部分路段路灯损坏，夜间加班员工出行存在安全隐患，请尽快维修。"),
        ("infrastructure-utilities", "双回路供电需求", "公司新建数据中心机房需要双回路供电保障，目前园区电力容量不足，希望协调电力公司扩容。"),
        ("infrastructure-utilities", "厂房冬季供暖温度不达标", "今年入冬以来厂房室内温度长期低于16度，影响生产，希望协调供热单位解决。"),
        ("infrastructure-network", "千兆光纤未覆盖", "我司所在楼宇尚未覆盖千兆光纤，研发测试需要大带宽专线，希望协调运营商尽快入楼。"),
        ("vitality-living", "周边缺少生活配套", "公司周边缺少超市、便利店等生活配套，员工日常购物不便，希望引进生活服务业态。"),
        ("vitality-dining", "园区午餐选择太少", "园区内餐饮网点少，午餐时段排队严重，希望增加职工食堂或引进餐饮企业。"),
        ("vitality-culture", "缺少运动健身场所", "员工希望园区内有篮球场、健身房等运动场所，丰富业余生活，增强园区活力。"),
        ("innovation-services", "检验检测服务需求", "公司产品需要电磁兼容检测，目前需要送北京检测，周期长、成本高，希望园区引进第三方检测平台。"),
        ("innovation-cooperation", "希望对接高校科研团队", "公司在信创适配方面需要与高校合作开展联合攻关，希望管委会帮助对接天津大学、南开大学相关团队。"),
        ("innovation-incubation", "孵化器场地续租问题", "公司在孵化器的三年孵化期即将到期，希望延长孵化期或协调转入加速器。"),
        ("capacity-industrial", "扩产需要新增厂房", "公司订单快速增长，现有厂房不能满足扩产需要，希望在园区内协调3000平方米左右的标准厂房。"),
        ("capacity-housing", "员工住房困难", "新引进员工租房难、租金高，希望协调人才公寓或周边保障性租赁住房。"),
        ("policy-consulting", "高新技术企业认定政策咨询", "公司计划今年申报高新技术企业，想了解研发费用归集口径和科技人员占比的计算方法。"),
        ("policy-consulting", "研发费用加计扣除咨询", "请问委托境外机构研发的费用能否享受研发费用加计扣除政策？"),
        ("policy-payment", "扶持资金迟迟未兑现", "公司去年获批的研发投入补贴至今未拨付到位，希望了解兑现进度。"),
        ("talent-recruitment", "高端人才落户手续", "公司引进的两名博士办理落户手续遇到材料问题，希望协助加快办理。"),
        ("talent-schooling", "员工子女入学难", "公司骨干员工子女今年需要入读小学，希望协调园区周边学位。"),
        ("talent-housing", "人才公寓申请咨询", "公司新引进硕士以上人才希望申请人才公寓，请问申请条件和流程。"),
        ("financing", "知识产权质押融资需求", "公司有30余项发明专利，希望通过知识产权质押获得银行贷款，请协助对接合作银行。"),
        ("financing", "希望对接投资机构", "公司正在进行A轮融资，希望管委会推荐区内产业基金和投资机构。"),
        ("approvals", "施工许可办理进度慢", "公司厂房改扩建项目施工许可已提交20天仍未办结，希望协调加快审批。"),
        ("approvals", "环评审批咨询", "公司拟新增一条生产线，想了解是否需要重新办理环评手续。"),
        ("space", "需要临时仓储空间", "公司有一批设备需要临时存放约3个月，希望协调园区闲置仓库。"),
        ("other", "企业名称变更后资料更新", "公司已完成名称变更，希望园区各部门同步更新企业信息。"),
    ];

    static readonly string[] Answers =
    [
        "已会同属地街道和交管部门现场踏勘，拟在园区东侧空地增设临时停车位120个，预计下月底前完成施工。",
        "经协调，公交公司已同意早晚高峰加密班次至10分钟一班，自下周一起执行。",
        "已与电力公司对接，扩容方案已列入今年电网改造计划，施工期间我局将跟踪协调。",
        "相关政策口径已电话详细解答，并将申报指南发送至企业邮箱。",
        "已协调两所高校的相关课题组，将于本周五组织对接座谈。",
        "资金拨付手续已办结，款项将于5个工作日内到账。",
        "已协调周边小学落实学位，请企业按通知时间办理入学手续。",
        "已推荐三家合作银行与企业对接，其中一家已开展尽职调查。",
        "审批材料已补正完毕，施工许可证已于今日核发。",
        "已协调园区闲置仓库，请与物业联系办理入库手续。",
    ];

    public async Task SeedAsync(ZoneDb db, IServiceProvider services, CancellationToken ct)
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var parks = await db.Parks.ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var categories = await db.Set<DemandCategory>().AsNoTracking().ToListAsync(ct);
        var byCode = categories.ToDictionary(c => c.Code);

        foreach (var (category, park, department) in Routes)
            db.Add(new DemandRoute
            {
                CategoryId = category is null ? null : byCode[category].Id, ParkId = park is null ? null : parks[park], DepartmentId = departments[department],
            });
        foreach (var (department, category, days) in Slas)
            db.Add(new DemandSla { DepartmentId = departments[department], CategoryId = category is null ? null : byCode[category].Id, WorkingDays = days });
        foreach (var (title, body, category) in Templates)
            db.Add(new DemandResponseTemplate { Title = title, Body = body, CategoryId = category is null ? null : byCode[category].Id });
        await db.SaveChangesAsync(ct);

        // The two demo enterprise accounts' enterprises first, then a spread of others from the registry.
        var directory = services.GetRequiredService<IEnterpriseDirectory>();
        var registry = await directory.SearchAsync(null, 1000);
        if (registry.Count == 0) return;
        var portalFirst = new[] { "feiteng", "kylin" };
        var own = await db.Users.AsNoTracking().Where(u => portalFirst.Contains(u.UserName!) && u.EnterpriseId != null)
            .OrderBy(u => u.UserName).Select(u => u.EnterpriseId!.Value).ToListAsync(ct);
        var picker = new Random(7);
        var enterprises = registry.Where(e => own.Contains(e.Id)).OrderBy(e => own.IndexOf(e.Id))
            .Concat(registry.Where(e => !own.Contains(e.Id)).OrderBy(_ => picker.Next()).Take(78)).ToList();
        var setup = services.GetRequiredService<DemandSetupService>();
        var calendar = await services.GetRequiredService<WorkCalendar>().SnapshotAsync(ct);
        var time = services.GetRequiredService<ZoneTime>();
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.DisplayName, u.DepartmentId, u.EnterpriseId }).ToListAsync(ct);
        string StaffName(int departmentId) => users.FirstOrDefault(u => u.DepartmentId == departmentId)?.DisplayName ?? "";

        var random = new Random(20261128);
        var now = DateTime.UtcNow;
        var today = time.DateOf(now);
        var demands = new List<Demand>();
        for (var i = 0; i < 150; i++)
        {
            // The two demo enterprise accounts (飞腾, 麒麟) get several each, so their portals show every state.
            var enterprise = i % 10 < 2 ? enterprises[i % 10] : enterprises[random.Next(enterprises.Count)];
            var problem = Problems[random.Next(Problems.Length)];
            var category = byCode[problem.Category];
            var raisedDay = today.AddDays(-random.Next(0, 120));
            var raised = time.StartOfDayUtc(raisedDay).AddHours(9 + random.Next(0, 8)).AddMinutes(random.Next(60));
            if (raised > now) raised = now.AddMinutes(-random.Next(5, 120));
            // Enterprises with a portal account raise their own; the others call or are visited.
            var raiser = users.FirstOrDefault(u => u.EnterpriseId == enterprise.Id);
            var portal = raiser is not null;
            var d = new Demand
            {
                EnterpriseId = enterprise.Id, ParkId = enterprise.ParkId, CategoryId = category.Id, Title = problem.Title, Description = problem.Description,
                Channel = portal ? DemandChannel.Portal : random.Next(2) == 0 ? DemandChannel.Phone : DemandChannel.Visit,
                RaisedByUserId = raiser?.Id ?? "", RaisedByName = raiser?.DisplayName ?? StaffName(departments["service"]), RaisedUtc = raised,
            };
            d.Events.Add(new DemandEvent { Kind = DemandEventKind.Raised, AtUtc = raised, ByName = d.RaisedByName });

            var department = await setup.RouteAsync(category.Id, enterprise.ParkId, ct) ?? departments["service"];
            var part = await Part(department, raised, category.Id);
            d.Parts.Add(part);
            d.Events.Add(new DemandEvent { Kind = DemandEventKind.Assigned, AtUtc = raised, DepartmentId = department });
            // Some demands need a second department.
            if (random.Next(8) == 0 && department != departments["economy"])
            {
                var second = await Part(departments["economy"], raised.AddHours(2), category.Id);
                second.Scope = "请协助核实相关政策支持事项";
                d.Parts.Add(second);
                d.Events.Add(new DemandEvent { Kind = DemandEventKind.Split, AtUtc = second.AssignedUtc, DepartmentId = second.DepartmentId, Note = second.Scope, ByName = StaffName(department) });
            }

            // How far along it is depends on its age, with some left behind (overdue) on purpose.
            var age = (now - raised).TotalDays;
            var roll = random.Next(100);
            var stage = age < 3 ? (roll < 50 ? 0 : 1) : age < 20 ? (roll < 25 ? 0 : roll < 55 ? 1 : roll < 85 ? 2 : 4) : (roll < 8 ? 1 : roll < 18 ? 2 : roll < 88 ? 3 : 4);
            foreach (var p in d.Parts)
            {
                if (stage >= 1)
                {
                    p.Status = PartStatus.InProgress;
                    d.Events.Add(new DemandEvent { Kind = DemandEventKind.Started, AtUtc = p.AssignedUtc.AddHours(20), DepartmentId = p.DepartmentId, ByName = StaffName(p.DepartmentId) });
                }
                if (stage is 2 or 3)
                {
                    var answeredAt = p.AssignedUtc.AddDays(random.Next(2, 16));
                    if (answeredAt > now) answeredAt = now.AddHours(-1);
                    p.Status = PartStatus.Answered;
                    p.Answer = Answers[random.Next(Answers.Length)];
                    p.AnsweredUtc = answeredAt;
                    p.AnsweredByName = StaffName(p.DepartmentId);
                    d.Events.Add(new DemandEvent { Kind = DemandEventKind.Answered, AtUtc = answeredAt, DepartmentId = p.DepartmentId, ByName = p.AnsweredByName, Note = p.Answer });
                }
            }
            d.Status = DemandStatus.Assigned;
            d.Recompute();
            var last = d.Events.Max(e => e.AtUtc);
            if (stage == 3)
            {
                var closed = last.AddDays(random.Next(1, 4));
                if (closed > now) closed = now;
                d.Status = DemandStatus.Closed;
                d.ClosedUtc = closed;
                if (random.Next(5) > 0)
                {
                    d.Rating = random.Next(10) switch { < 5 => 5, < 8 => 4, 8 => 3, _ => 2 };
                    d.RatingComment = d.Rating >= 4 ? "处理及时，非常满意！" : "问题基本解决，但希望跟进更及时。";
                    d.RatedUtc = closed;
                    d.Events.Add(new DemandEvent { Kind = DemandEventKind.Rated, AtUtc = closed, Note = $"{d.Rating}/5 {d.RatingComment}", ByName = raiser?.DisplayName ?? "" });
                }
                d.Events.Add(new DemandEvent { Kind = DemandEventKind.Closed, AtUtc = closed, ByName = raiser?.DisplayName ?? StaffName(department) });
            }
            else if (stage == 4)
            {
                d.Status = DemandStatus.Rejected;
                d.ClosedUtc = last.AddDays(1) > now ? now : last.AddDays(1);
                d.RejectReason = "经核实，该事项属于企业自身经营范畴，不属于管委会职责范围，建议企业通过市场化方式解决。";
                d.Events.Add(new DemandEvent { Kind = DemandEventKind.Rejected, AtUtc = d.ClosedUtc.Value, DepartmentId = department, Note = d.RejectReason, ByName = StaffName(department) });
            }
            d.Recompute();
            demands.Add(d);
        }

        // A few due soon (yellow): raised so that their deadline is the next working day.
        foreach (var d in demands.Where(d => d.IsOpen && d.Parts.Count == 1 && d.Parts[0].Status != PartStatus.Answered).Take(4))
        {
            var p = d.Parts[0];
            var raisedDay = today;
            for (var counted = 0; counted < p.SlaDays - 1;)
            {
                raisedDay = raisedDay.AddDays(-1);
                if (calendar.IsWorkingDay(raisedDay)) counted++;
            }
            var shift = time.StartOfDayUtc(raisedDay).AddHours(10) - d.RaisedUtc;
            d.RaisedUtc += shift;
            foreach (var e in d.Events) e.AtUtc += shift;
            p.AssignedUtc += shift;
            p.DueUtc = time.StartOfDayUtc(calendar.AddWorkingDays(time.DateOf(p.AssignedUtc), p.SlaDays).AddDays(1));
            d.Recompute();
        }

        // One reopened demand: answered, closed with a low rating, reopened by the enterprise.
        var reopened = demands.First(d => d.Status == DemandStatus.Closed && d.EnterpriseId == enterprises[1].Id || d.Status == DemandStatus.Closed);
        reopened.Status = DemandStatus.Reopened;
        reopened.ReopenCount = 1;
        reopened.Events.Add(new DemandEvent { Kind = DemandEventKind.Reopened, AtUtc = now.AddDays(-1), Note = "问题并未真正解决，停车位仍然不够。" });
        reopened.Rating = null;
        reopened.RatingComment = "";
        reopened.ClosedUtc = null;
        foreach (var p in reopened.Parts)
        {
            p.Status = PartStatus.Assigned;
            p.AssignedUtc = now.AddDays(-1);
            p.DueUtc = time.StartOfDayUtc(calendar.AddWorkingDays(time.DateOf(p.AssignedUtc), p.SlaDays).AddDays(1));
        }
        reopened.Recompute();

        // A possible duplicate: the same problem raised again by the same enterprise.
        var original = demands.Last(d => d.IsOpen && d.Parts.Count == 1);
        var duplicate = new Demand
        {
            EnterpriseId = original.EnterpriseId, ParkId = original.ParkId, CategoryId = original.CategoryId, Title = original.Title + "（再次反映）",
            Description = original.Description, Channel = DemandChannel.Phone, RaisedByName = StaffName(departments["service"]), RaisedUtc = now.AddHours(-3),
            PossibleDuplicateOfId = null,
        };
        duplicate.Events.Add(new DemandEvent { Kind = DemandEventKind.Raised, AtUtc = duplicate.RaisedUtc, ByName = duplicate.RaisedByName });
        var dupPart = await Part(original.Parts[0].DepartmentId, duplicate.RaisedUtc, original.CategoryId);
        duplicate.Parts.Add(dupPart);
        duplicate.Events.Add(new DemandEvent { Kind = DemandEventKind.Assigned, AtUtc = duplicate.RaisedUtc, DepartmentId = dupPart.DepartmentId });
        duplicate.Status = DemandStatus.Assigned;
        duplicate.Recompute();

        // Demo rows are a bulk load: one audit batch entry, not thousands of row entries.
        db.AuditRows = false;
        db.AddRange(demands);
        await db.SaveChangesAsync(ct);
        duplicate.PossibleDuplicateOfId = original.Id;
        db.Add(duplicate);
        demands.Add(duplicate);
        Platform.Audit.AuditTrail.Batch(db, "demands_demands", new { demoDemands = demands.Count });
        await db.SaveChangesAsync(ct);

        // Open parts are in their departments' inboxes, as the service would have put them.
        foreach (var d in demands.Where(d => d.IsOpen))
            foreach (var p in d.Parts.Where(p => p.Status != PartStatus.Answered))
                db.Add(new InboxItem
                {
                    SourceModule = Modules.Demands, SourceKey = DemandService.PartKey(p.Id), DepartmentId = p.DepartmentId,
                    Title = DemandService.PartItemTitle(d, chinese: true), TitleEn = DemandService.PartItemTitle(d, chinese: false), Link = $"/demands/{d.Id}",
                    DueUtc = p.DueUtc, CreatedUtc = p.AssignedUtc,
                });
        await db.SaveChangesAsync(ct);
        db.AuditRows = true;

        async Task<DemandPart> Part(int departmentId, DateTime at, int categoryId)
        {
            var days = await setup.SlaDaysAsync(departmentId, categoryId, ct);
            return new DemandPart
            {
                DepartmentId = departmentId, AssignedUtc = at, SlaDays = days,
                DueUtc = time.StartOfDayUtc(calendar.AddWorkingDays(time.DateOf(at), days).AddDays(1)),
            };
        }
    }
}
