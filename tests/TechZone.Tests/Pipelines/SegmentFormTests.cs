using TechZone.Pipelines.Pages;

namespace TechZone.Tests.Pipelines;

/// <summary>The new-segment form reads a surveyor's coordinate list: one point a line, comma, space, tab or full-width comma between x and y.</summary>
public class SegmentFormTests
{
    [Fact]
    public void CoordinateList_BecomesALineString()
    {
        Assert.Equal("""{"type":"LineString","coordinates":[[117.3101,39.1101],[117.3109,39.1104],[505000.5,4330000]]}""",
            SegmentForm.Line("117.3101, 39.1101\r\n\n117.3109\t39.1104\n505000.5，4330000\n"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("117.3101, 39.1101")]             // one point is not a line
    [InlineData("117.3101, 39.1101\n117.31")]     // a point without y
    [InlineData("117.3101, 39.1101\n117.31 39 1")] // three numbers
    [InlineData("117.3101, 39.1101\n东经117 北纬39")]
    [InlineData("117.3101, 39.1101\nNaN, 39.2")]
    public void AnythingElse_IsRefused(string? text) => Assert.Null(SegmentForm.Line(text));
}
