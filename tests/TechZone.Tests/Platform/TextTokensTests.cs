using TechZone.Platform.Text;

namespace TechZone.Tests.Platform;

public class TextTokensTests
{
    [Theory]
    [InlineData("腾信IDC机房", "腾 信 idc 机 房")]
    [InlineData("诉求1：承载能力 / 产业空间", "诉 求 1 承 载 能 力 产 业 空 间")]
    [InlineData("Ａ股 360安全", "ａ 股 360 安 全")]
    [InlineData("  ", "")]
    [InlineData(null, "")]
    public void Index_MakesEveryHanziAToken(string? text, string expected)
        => Assert.Equal(expected, TextTokens.Index(text));

    [Theory]
    [InlineData("招聘", "\"招 聘\"", "(招 <-> 聘)")]
    [InlineData("IDC机房", "\"idc 机 房\"", "(idc <-> 机 <-> 房)")]
    [InlineData("机房 ID", "\"机 房\" \"id\"*", "(机 <-> 房) & (id:*)")]
    [InlineData("停车'; DROP", "\"停 车\" \"drop\"*", "(停 <-> 车) & (drop:*)")]
    public void Queries_ArePhrasesWithTheLastWordAsPrefix(string query, string fts5, string tsQuery)
    {
        Assert.Equal(fts5, TextTokens.Fts5Query(query));
        Assert.Equal(tsQuery, TextTokens.TsQuery(query));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("#*?")]
    [InlineData(null)]
    public void QueriesWithoutLettersOrDigits_LookForNothing(string? query)
    {
        Assert.Null(TextTokens.Fts5Query(query));
        Assert.Null(TextTokens.TsQuery(query));
    }
}
