using TechZone.Platform.Text;

namespace TechZone.Tests.Platform;

public class PinyinTests
{
    [Theory]
    [InlineData("飞腾信息技术有限公司", "feitengxinxijishuyouxiangongsi", "ftxxjsyxgs")]
    [InlineData("麒麟", "qilin", "ql")]
    [InlineData("中科曙光", "zhongkeshuguang", "zksg")]
    [InlineData("三六零", "sanliuling", "sll")]
    [InlineData("天津滨海高新区", "tianjinbinhaigaoxinqu", "tjbhgxq")]
    [InlineData("360安全", "360anquan", "360aq")]
    public void NamesOfTheZone_ReadAsExpected(string name, string full, string initials)
    {
        Assert.Equal(full, Pinyin.FullKey(name));
        Assert.Equal(initials, Pinyin.Initials(name));
        Assert.Equal(full + "|" + initials, Pinyin.SearchKey(name));
    }

    [Theory]
    [InlineData("中国银行", "zhongguoyinhang")]
    [InlineData("重庆", "chongqing")]
    [InlineData("中国长城", "zhongguochangcheng")]
    [InlineData("长沙", "changsha")]
    [InlineData("成长", "chengzhang")]
    [InlineData("成长型企业", "chengzhangxingqiye")]
    [InlineData("厦门", "xiamen")]
    [InlineData("银行行长", "yinhanghangzhang")]
    public void PolyphonicCharacters_ReadRightInCommonWords(string text, string full) =>
        Assert.Equal(full, Pinyin.FullKey(text));

    [Theory]
    [InlineData("TCL 科技", "tclkeji", "tclkj")]
    [InlineData("华为（鲲鹏）生态", "huaweikunpengshengtai", "hwkpst")]
    [InlineData("Ａ股３６０", "agu360", "ag360")]
    [InlineData("  ", "", "")]
    [InlineData("", "", "")]
    [InlineData(null, "", "")]
    [InlineData("绿色", "lvse", "ls")]
    public void LettersAndDigitsStay_PunctuationAndSpacesGo(string? text, string full, string initials)
    {
        Assert.Equal(full, Pinyin.FullKey(text));
        Assert.Equal(initials, Pinyin.Initials(text));
    }

    [Theory]
    [InlineData("ft")]
    [InlineData("feiteng")]
    [InlineData("FeiTeng")]
    [InlineData("Fei Teng")]
    [InlineData("飞腾")]
    [InlineData("xxjs")]
    public void OneContains_OnTheSearchKey_FindsInitialsFullPinyinAndChinese(string query) =>
        Assert.Contains(Pinyin.QueryKey(query), Pinyin.SearchKey("飞腾信息技术有限公司"));

    [Fact]
    public void LongNames_GoPastTheStackBuffer()
    {
        var name = string.Concat(Enumerable.Repeat("中科曙光", 300));
        Assert.Equal(string.Concat(Enumerable.Repeat("zhongkeshuguang", 300)), Pinyin.FullKey(name));
        Assert.Equal(string.Concat(Enumerable.Repeat("zksg", 300)), Pinyin.Initials(name));
    }

    /// <summary>
    /// Characters coined outside China (Japanese kokuji, Korean gugyeol) and compound unit characters (兛 for 千克) that
    /// none of the npm sources (pinyin-pro, pinyin, pinyin-data) reads; they are kept as themselves in a key.
    /// </summary>
    const string WithoutMandarinReading = "乥乲兙兛兝兞兡兣兺匁厼叾哛唜唟喸嗧囕夞巼怾旕朩朰栍桛椧烪猠瓧瓩瓰瓱瓲瓸瓼甅硛硳穒縇莻虄襨覅迲闏黁龥";

    [Fact]
    public void EveryUnifiedIdeograph_FromU4E00ToU9FA5_HasAReading()
    {
        var missing = Enumerable.Range(0x4E00, 0x9FA5 - 0x4E00 + 1).Select(c => (char)c)
            .Where(c => Pinyin.Reading(c) is null && !WithoutMandarinReading.Contains(c)).ToList();
        Assert.True(missing.Count == 0, "No reading: " + string.Concat(missing));
        Assert.All(Enumerable.Range(0x4E00, 0x9FA5 - 0x4E00 + 1).Select(c => (char)c).Where(c => !WithoutMandarinReading.Contains(c)),
            c => Assert.Matches("^[a-z]+$", Pinyin.Reading(c)));
        Assert.Equal("兛", Pinyin.FullKey("兛"));
    }

    [Fact]
    public void SortingByFullKey_IsAlphabeticalByPinyin()
    {
        string[] names = ["中科曙光", "飞腾", "麒麟", "360安全", "长城"];
        Assert.Equal(["360安全", "长城", "飞腾", "麒麟", "中科曙光"], names.OrderBy(Pinyin.FullKey, StringComparer.Ordinal));
    }
}
