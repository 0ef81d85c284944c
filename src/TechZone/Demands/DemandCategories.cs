using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform.Seeding;

namespace TechZone.Demands;

/// <summary>
/// The category tree every zone starts with: the seed report's four problem areas (its survey found 20+ problems in
/// 区域活力, 基础设施配套, 创新创业氛围, 承载能力) and policy, talent, financing, approvals, space, other, with common
/// sub-categories. Inserted where missing by code, so an admin's renames and additions stay.
/// </summary>
sealed class DemandCategories : IReferenceData
{
    public static readonly (string Code, string Name, string NameEn, (string Code, string Name, string NameEn)[] Children)[] Tree =
    [
        ("vitality", "区域活力", "Regional vitality",
            [("vitality-living", "生活配套", "Daily-life amenities"), ("vitality-dining", "商业餐饮", "Shops and dining"),
             ("vitality-culture", "文化体育", "Culture and sports")]),
        ("infrastructure", "基础设施配套", "Infrastructure",
            [("infrastructure-transport", "交通出行", "Transport"), ("infrastructure-parking", "停车", "Parking"),
             ("infrastructure-utilities", "水电气热", "Water, power, gas and heating"), ("infrastructure-network", "通信网络", "Telecom networks")]),
        ("innovation", "创新创业氛围", "Innovation climate",
            [("innovation-services", "科技服务", "Technology services"), ("innovation-cooperation", "产学研合作", "Industry–research cooperation"),
             ("innovation-incubation", "孵化载体", "Incubators")]),
        ("capacity", "承载能力", "Carrying capacity",
            [("capacity-industrial", "产业空间", "Industrial space"), ("capacity-housing", "配套住房", "Housing")]),
        ("policy", "政策", "Policy",
            [("policy-consulting", "政策咨询", "Policy questions"), ("policy-payment", "资金兑现", "Subsidy payment")]),
        ("talent", "人才", "Talent",
            [("talent-recruitment", "人才引进", "Recruitment"), ("talent-schooling", "子女入学", "Children's schooling"),
             ("talent-housing", "人才公寓", "Talent apartments")]),
        ("financing", "融资", "Financing", []),
        ("approvals", "审批", "Approvals", []),
        ("space", "空间", "Space", []),
        ("other", "其他", "Other", []),
    ];

    public async Task SeedAsync(ZoneDb db, CancellationToken ct)
    {
        var existing = await db.Set<DemandCategory>().ToDictionaryAsync(c => c.Code, ct);
        var order = 0;
        foreach (var (code, name, nameEn, children) in Tree)
        {
            order += 10;
            if (!existing.TryGetValue(code, out var root))
                db.Add(existing[code] = root = new DemandCategory { Code = code, Name = name, NameEn = nameEn, SortOrder = order });
            var childOrder = 0;
            foreach (var (childCode, childName, childNameEn) in children)
            {
                childOrder += 10;
                if (!existing.ContainsKey(childCode))
                    db.Add(existing[childCode] = new DemandCategory { Code = childCode, Name = childName, NameEn = childNameEn, SortOrder = childOrder, ParentId = root.Id == 0 ? null : root.Id });
            }
            // A new root has no id before it is saved; its children get theirs after.
            if (root.Id == 0 && children.Length > 0)
            {
                await db.SaveChangesAsync(ct);
                foreach (var (childCode, _, _) in children)
                    if (existing[childCode].ParentId is null) existing[childCode].ParentId = root.Id;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance seeded the same codes at the same moment: theirs stand.
            db.ChangeTracker.Clear();
        }
    }
}
