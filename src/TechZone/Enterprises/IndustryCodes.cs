namespace TechZone.Enterprises;

/// <summary>One division (大类) of the national industry classification, with its section (门类) letter.</summary>
public sealed record IndustryDivision(string Code, char Section, string Name, string NameEn)
{
    public string DisplayName(bool chinese) => chinese ? Name : NameEn;
}

/// <summary>
/// The 97 divisions (大类, two-digit codes 01–97) of GB/T 4754-2017 国民经济行业分类 (Industrial classification for
/// national economic activities), as published by the National Bureau of Statistics (国家统计局, www.stats.gov.cn,
/// "国民经济行业分类（GB/T 4754—2017）", amendment No. 1 of 2019 changes no division). English names follow the
/// bureau's English edition, shortened where it is wordy.
/// An enterprise is classified at division level; finer groups and classes come later if a policy needs them.
/// </summary>
public static class IndustryCodes
{
    public static readonly IReadOnlyList<IndustryDivision> All =
    [
        new("01", 'A', "农业", "Agriculture"),
        new("02", 'A', "林业", "Forestry"),
        new("03", 'A', "畜牧业", "Animal husbandry"),
        new("04", 'A', "渔业", "Fishery"),
        new("05", 'A', "农、林、牧、渔专业及辅助性活动", "Support activities for agriculture, forestry, animal husbandry and fishery"),
        new("06", 'B', "煤炭开采和洗选业", "Mining and washing of coal"),
        new("07", 'B', "石油和天然气开采业", "Extraction of petroleum and natural gas"),
        new("08", 'B', "黑色金属矿采选业", "Mining of ferrous metal ores"),
        new("09", 'B', "有色金属矿采选业", "Mining of non-ferrous metal ores"),
        new("10", 'B', "非金属矿采选业", "Mining of non-metallic minerals"),
        new("11", 'B', "开采专业及辅助性活动", "Support activities for mining"),
        new("12", 'B', "其他采矿业", "Other mining"),
        new("13", 'C', "农副食品加工业", "Processing of food from agricultural products"),
        new("14", 'C', "食品制造业", "Manufacture of foods"),
        new("15", 'C', "酒、饮料和精制茶制造业", "Manufacture of liquor, beverages and refined tea"),
        new("16", 'C', "烟草制品业", "Manufacture of tobacco"),
        new("17", 'C', "纺织业", "Manufacture of textiles"),
        new("18", 'C', "纺织服装、服饰业", "Manufacture of textile wearing apparel and accessories"),
        new("19", 'C', "皮革、毛皮、羽毛及其制品和制鞋业", "Manufacture of leather, fur, feather and related products; footwear"),
        new("20", 'C', "木材加工和木、竹、藤、棕、草制品业", "Processing of timber; wood, bamboo, rattan, palm and straw products"),
        new("21", 'C', "家具制造业", "Manufacture of furniture"),
        new("22", 'C', "造纸和纸制品业", "Manufacture of paper and paper products"),
        new("23", 'C', "印刷和记录媒介复制业", "Printing and reproduction of recording media"),
        new("24", 'C', "文教、工美、体育和娱乐用品制造业", "Manufacture of articles for culture, education, arts and crafts, sport and entertainment"),
        new("25", 'C', "石油、煤炭及其他燃料加工业", "Processing of petroleum, coal and other fuels"),
        new("26", 'C', "化学原料和化学制品制造业", "Manufacture of raw chemical materials and chemical products"),
        new("27", 'C', "医药制造业", "Manufacture of medicines"),
        new("28", 'C', "化学纤维制造业", "Manufacture of chemical fibres"),
        new("29", 'C', "橡胶和塑料制品业", "Manufacture of rubber and plastics products"),
        new("30", 'C', "非金属矿物制品业", "Manufacture of non-metallic mineral products"),
        new("31", 'C', "黑色金属冶炼和压延加工业", "Smelting and pressing of ferrous metals"),
        new("32", 'C', "有色金属冶炼和压延加工业", "Smelting and pressing of non-ferrous metals"),
        new("33", 'C', "金属制品业", "Manufacture of metal products"),
        new("34", 'C', "通用设备制造业", "Manufacture of general purpose machinery"),
        new("35", 'C', "专用设备制造业", "Manufacture of special purpose machinery"),
        new("36", 'C', "汽车制造业", "Manufacture of automobiles"),
        new("37", 'C', "铁路、船舶、航空航天和其他运输设备制造业", "Manufacture of railway, ship, aerospace and other transport equipment"),
        new("38", 'C', "电气机械和器材制造业", "Manufacture of electrical machinery and apparatus"),
        new("39", 'C', "计算机、通信和其他电子设备制造业", "Manufacture of computers, communication and other electronic equipment"),
        new("40", 'C', "仪器仪表制造业", "Manufacture of measuring instruments and meters"),
        new("41", 'C', "其他制造业", "Other manufacturing"),
        new("42", 'C', "废弃资源综合利用业", "Utilization of waste resources"),
        new("43", 'C', "金属制品、机械和设备修理业", "Repair of metal products, machinery and equipment"),
        new("44", 'D', "电力、热力生产和供应业", "Production and supply of electric power and heat"),
        new("45", 'D', "燃气生产和供应业", "Production and supply of gas"),
        new("46", 'D', "水的生产和供应业", "Production and supply of water"),
        new("47", 'E', "房屋建筑业", "Construction of buildings"),
        new("48", 'E', "土木工程建筑业", "Civil engineering"),
        new("49", 'E', "建筑安装业", "Installation activities"),
        new("50", 'E', "建筑装饰、装修和其他建筑业", "Building decoration, renovation and other construction"),
        new("51", 'F', "批发业", "Wholesale trade"),
        new("52", 'F', "零售业", "Retail trade"),
        new("53", 'G', "铁路运输业", "Rail transport"),
        new("54", 'G', "道路运输业", "Road transport"),
        new("55", 'G', "水上运输业", "Water transport"),
        new("56", 'G', "航空运输业", "Air transport"),
        new("57", 'G', "管道运输业", "Pipeline transport"),
        new("58", 'G', "多式联运和运输代理业", "Multimodal transport and transport agency"),
        new("59", 'G', "装卸搬运和仓储业", "Loading, unloading and warehousing"),
        new("60", 'G', "邮政业", "Postal services"),
        new("61", 'H', "住宿业", "Accommodation"),
        new("62", 'H', "餐饮业", "Food and beverage services"),
        new("63", 'I', "电信、广播电视和卫星传输服务", "Telecommunications, broadcasting and satellite transmission services"),
        new("64", 'I', "互联网和相关服务", "Internet and related services"),
        new("65", 'I', "软件和信息技术服务业", "Software and information technology services"),
        new("66", 'J', "货币金融服务", "Monetary financial services"),
        new("67", 'J', "资本市场服务", "Capital market services"),
        new("68", 'J', "保险业", "Insurance"),
        new("69", 'J', "其他金融业", "Other financial activities"),
        new("70", 'K', "房地产业", "Real estate"),
        new("71", 'L', "租赁业", "Leasing"),
        new("72", 'L', "商务服务业", "Business services"),
        new("73", 'M', "研究和试验发展", "Research and experimental development"),
        new("74", 'M', "专业技术服务业", "Professional technical services"),
        new("75", 'M', "科技推广和应用服务业", "Technology promotion and application services"),
        new("76", 'N', "水利管理业", "Management of water conservancy"),
        new("77", 'N', "生态保护和环境治理业", "Ecological protection and environmental management"),
        new("78", 'N', "公共设施管理业", "Management of public facilities"),
        new("79", 'N', "土地管理业", "Land management"),
        new("80", 'O', "居民服务业", "Services to households"),
        new("81", 'O', "机动车、电子产品和日用产品修理业", "Repair of motor vehicles, electronic products and household goods"),
        new("82", 'O', "其他服务业", "Other services"),
        new("83", 'P', "教育", "Education"),
        new("84", 'Q', "卫生", "Health"),
        new("85", 'Q', "社会工作", "Social work"),
        new("86", 'R', "新闻和出版业", "News and publishing"),
        new("87", 'R', "广播、电视、电影和录音制作业", "Radio, television, film and sound recording production"),
        new("88", 'R', "文化艺术业", "Culture and arts"),
        new("89", 'R', "体育", "Sports"),
        new("90", 'R', "娱乐业", "Entertainment"),
        new("91", 'S', "中国共产党机关", "Organs of the Communist Party of China"),
        new("92", 'S', "国家机构", "State organs"),
        new("93", 'S', "人民政协、民主党派", "CPPCC and democratic parties"),
        new("94", 'S', "社会保障", "Social security"),
        new("95", 'S', "群众团体、社会团体和其他成员组织", "Mass organizations, social organizations and other membership organizations"),
        new("96", 'S', "基层群众自治组织及其他组织", "Grassroots self-governing organizations and other organizations"),
        new("97", 'T', "国际组织", "International organizations"),
    ];

    static readonly Dictionary<string, IndustryDivision> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static IndustryDivision? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);
}
