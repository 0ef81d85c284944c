namespace TechZone.Pipelines.Gis;

/// <summary>
/// The column names under which survey files carry each pipe attribute, in Chinese (as CJJ 61 and local survey
/// practice name them) and English, compared after <see cref="GisText.NormalizeName"/>.
/// </summary>
public static class PipeAttributeAliases
{
    public static readonly string[] Network = ["管线类型", "管线类别", "类别", "管类", "管线种类", "专业", "类型", "network", "networkcode", "type", "pipetype", "category"];
    public static readonly string[] Material = ["材质", "材料", "管材", "material"];
    public static readonly string[] Diameter = ["管径", "管径mm", "直径", "口径", "diameter", "diametermm", "dn", "size"];
    public static readonly string[] Section = ["断面", "断面尺寸", "规格", "截面", "section", "sectionsize", "dimension"];
    public static readonly string[] StartDepth = ["起点埋深", "起始埋深", "起点深度", "始端埋深", "startdepth", "depthstart", "sdepth", "fromdepth"];
    public static readonly string[] EndDepth = ["终点埋深", "终止埋深", "终点深度", "末端埋深", "enddepth", "depthend", "edepth", "todepth"];
    /// <summary>One depth for both ends, used where the file has no depth per end.</summary>
    public static readonly string[] Depth = ["埋深", "depth"];
    public static readonly string[] Pressure = ["压力", "压力等级", "设计压力", "pressure", "pressureclass"];
    public static readonly string[] Owner = ["权属单位", "权属", "产权单位", "权属人", "管理单位", "owner", "ownername"];
    public static readonly string[] BuildYear = ["建设年代", "建设年份", "敷设年代", "埋设年代", "建设时间", "敷设日期", "year", "buildyear", "constructionyear", "built"];
    public static readonly string[] Status = ["状态", "使用状态", "status"];
    public static readonly string[] QualityLevel = ["数据质量", "质量等级", "数据质量等级", "探测等级", "quality", "qualitylevel", "ql"];
    public static readonly string[] ExternalId = ["编号", "管线编号", "管段编号", "外部编号", "id", "externalid", "code", "segmentid"];

    /// <summary>The first non-empty value under one of the names; null when there is none.</summary>
    public static (string Column, object Value)? Find(IReadOnlyDictionary<string, object?> attributes, string[] names)
    {
        foreach (var (column, value) in attributes)
            if (value is not null && !(value is string s && string.IsNullOrWhiteSpace(s)) && names.Contains(GisText.NormalizeName(column)))
                return (column, value);
        return null;
    }
}
