using System.Globalization;
using NetTopologySuite.Geometries;
using TechZone.Pipelines.Gis;

namespace TechZone.Tests.Pipelines.Gis;

public class PipeImportCheckTests
{
    static readonly ZoneCrs Zone = new();
    static readonly GeometryFactory Factory = new(new PrecisionModel(), 4548);
    static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    static readonly PipeImportOptions Options = new(
        ["water", "gas", "power", "telecom"],
        new Dictionary<string, string> { ["给水"] = "water", ["燃气"] = "gas", ["电力"] = "power", ["RQ"] = "gas" });

    static Dictionary<string, object?> Complete() => new()
    {
        ["管线类型"] = "给水", ["材质"] = "PE", ["管径"] = "DN200", ["起点埋深"] = 1.5, ["终点埋深"] = "1.6m", ["权属单位"] = "滨海水务集团",
    };

    static int next;

    static LineString Line(double dx = 0) =>
        Factory.CreateLineString([new(517000 + dx + next, 4327000), new(517050 + dx + next++, 4327020)]);

    static PipeImportReport Check(params (Geometry? Geometry, Dictionary<string, object?> Attributes)[] features) =>
        PipeImportCheck.DryRun(new GisReadResult(4548, [.. features.Select((f, i) => new GisFeature(i + 1, null, f.Geometry, f.Attributes))], [], null), Options);

    [Fact]
    public void TheFixture_MapsToDrafts_FromEachFormat()
    {
        var files = new[]
        {
            new GeoJsonFileReader(Zone).Read(File.OpenRead(GisFixtures.PathOf("pipes.geojson"))),
            new GeoPackageFileReader(Zone).Read(File.OpenRead(GisFixtures.PathOf("pipes.gpkg"))),
            new ShapefileFileReader(Zone).ReadZip(File.OpenRead(GisFixtures.PathOf("pipes-gbk-shp.zip"))),
            new ShapefileFileReader(Zone).ReadZip(File.OpenRead(GisFixtures.PathOf("pipes-utf8-shp.zip"))),
        };
        foreach (var file in files)
        {
            var report = PipeImportCheck.DryRun(file, Options);
            Assert.Empty(report.Problems);
            Assert.Equal((3, 3, 0), (report.FeatureCount, report.ValidCount, report.InvalidCount));
            var (water, gas, power) = (report.Drafts[0], report.Drafts[1], report.Drafts[2]);
            Assert.Equal(new PipeSegmentDraft(1, water.Geometry, "water", "球墨铸铁", 300, null, 1.2m, 1.4m, "0.4MPa", "滨海水务集团", 2015, "在用", "QL-B", "JS-001"), water);
            Assert.Equal(("gas", 160, 2019, "中压A", 1.0m), (gas.NetworkCode, gas.DiameterMm, gas.BuildYear, gas.PressureClass, gas.EndDepthM));
            Assert.Equal(("power", null, "1000×800", 2012, "DL-003"), (power.NetworkCode, power.DiameterMm, power.Section, power.BuildYear, power.ExternalId));
            Assert.Equal(517305.7613, water.Geometry.StartPoint.X, 0.01);
        }
    }

    [Fact]
    public void EnglishColumns_AndSingleDepth_AreRead()
    {
        var report = Check((Line(), new() { ["Network"] = "GAS", ["material"] = "steel", ["diameter"] = 150L, ["depth"] = 2.0, ["owner"] = "Gas Co.", ["build_year"] = "2020-05", ["ID"] = "G1" }));
        var draft = Assert.Single(report.Drafts);
        Assert.Equal(("gas", 150, 2.0m, 2.0m, 2020, "G1"), (draft.NetworkCode, draft.DiameterMm, draft.StartDepthM, draft.EndDepthM, draft.BuildYear, draft.ExternalId));
    }

    [Fact]
    public void MissingRequiredAttributes_AreNamed()
    {
        var attributes = Complete();
        attributes.Remove("权属单位");
        attributes.Remove("管径");
        attributes["材质"] = " ";
        var report = Check((Line(), attributes));
        Assert.Empty(report.Drafts);
        Assert.Equal([PipeAttribute.Material, PipeAttribute.Size, PipeAttribute.Owner], report.Problems.Select(p => p.Attribute).Order());
        Assert.All(report.Problems, p => Assert.Equal("Problem_AttributeMissing", p.Reason.Key));
        Assert.Contains("缺少权属单位。", report.Problems.Select(p => p.Reason.Text(Chinese)));
        Assert.Contains("Missing diameter or section.", report.Problems.Select(p => p.Reason.Text(English)));

        var lenient = PipeImportCheck.DryRun(new GisReadResult(4548, [new GisFeature(1, null, Line(), attributes)], [], null),
            Options with { Required = PipeAttribute.Network });
        Assert.Single(lenient.Drafts);
    }

    [Theory]
    [InlineData(45.0, 0, 30)]
    [InlineData(-0.5, 0, 30)]
    [InlineData(12.0, 0.5, 10)]
    public void DepthOutOfRange_IsReported_WithTheRange(double depth, double min, double max)
    {
        var attributes = Complete();
        attributes["终点埋深"] = depth;
        var report = PipeImportCheck.DryRun(new GisReadResult(4548, [new GisFeature(1, null, Line(), attributes)], [], null),
            Options with { MinDepthM = (decimal)min, MaxDepthM = (decimal)max });
        var problem = Assert.Single(report.Problems);
        Assert.Equal((1, PipeAttribute.EndDepth, "Problem_DepthOutOfRange"), (problem.FeatureIndex, problem.Attribute, problem.Reason.Key));
        Assert.Contains(max.ToString(CultureInfo.InvariantCulture), problem.Reason.Text(English));
        Assert.Empty(report.Drafts);
    }

    [Fact]
    public void UnreadableValues_UnknownNetwork_AndYearOutOfRange()
    {
        var attributes = Complete();
        attributes["管线类型"] = "石油";
        attributes["起点埋深"] = "深";
        attributes["管径"] = "大";
        attributes["建设年代"] = "1850";
        var report = Check((Line(), attributes));
        var keys = report.Problems.ToDictionary(p => p.Attribute, p => p.Reason.Key);
        Assert.Equal("Problem_NetworkUnknown", keys[PipeAttribute.Network]);
        Assert.Equal("Problem_ValueUnreadable", keys[PipeAttribute.StartDepth]);
        Assert.Equal("Problem_ValueUnreadable", keys[PipeAttribute.Size]);
        Assert.Equal("Problem_YearOutOfRange", keys[PipeAttribute.BuildYear]);
        Assert.Contains("石油", report.Problems.Single(p => p.Attribute == PipeAttribute.Network).Reason.Text(Chinese));
    }

    [Fact]
    public void GeometryThatIsNoLine_IsReported()
    {
        var report = Check(
            (Factory.CreatePoint(new Coordinate(517000, 4327000)), Complete()),
            (Factory.CreatePolygon([new(0, 0), new(1, 0), new(1, 1), new(0, 0)]), Complete()),
            (Factory.CreateMultiLineString([Line(), Line(1000)]), Complete()),
            (Factory.CreateMultiLineString([Factory.CreateLineString([new(0, 0), new(5, 0)]), Factory.CreateLineString([new(5, 0), new(9, 3)])]), Complete()));
        Assert.Equal([1, 2, 3], report.Problems.Select(p => p.FeatureIndex));
        Assert.All(report.Problems, p => Assert.Equal("Problem_GeometryNotLine", p.Reason.Key));
        Assert.Contains("Point", report.Problems[0].Reason.Text(English));
        var joined = Assert.Single(report.Drafts); // parts that join end to end are one line
        Assert.Equal((4, 3), (joined.FeatureIndex, joined.Geometry.NumPoints));
    }

    [Fact]
    public void Duplicates_ByGeometryInEitherDirection_OrByNumber()
    {
        var line = Line();
        var numbered = Complete();
        numbered["编号"] = "JS-9";
        var report = Check((line, numbered), ((LineString)line.Reverse(), Complete()), (Line(), numbered));
        Assert.Equal([1], report.Drafts.Select(d => d.FeatureIndex));
        var geometry = report.Problems.Single(p => p.FeatureIndex == 2);
        Assert.Equal("Problem_DuplicateGeometry", geometry.Reason.Key);
        Assert.Contains("第 1 个", geometry.Reason.Text(Chinese));
        var number = report.Problems.Single(p => p.FeatureIndex == 3);
        Assert.Equal((PipeAttribute.ExternalId, "Problem_DuplicateExternalId"), (number.Attribute, number.Reason.Key));
        Assert.Contains("JS-9", number.Reason.Text(English));
    }

    [Fact]
    public void ReaderProblems_AndRefusals_CarryThrough()
    {
        var read = new GisReadResult(4326, [new GisFeature(1, null, null, Complete())], [new GisFeatureProblem(1, new GisMessage("Problem_GeometryEmpty"))], null);
        var report = PipeImportCheck.DryRun(read, Options);
        Assert.Equal((1, 0, 1), (report.FeatureCount, report.ValidCount, report.InvalidCount));
        Assert.Equal("Problem_GeometryEmpty", Assert.Single(report.ProblemsOf(1)).Reason.Key);

        var refused = PipeImportCheck.DryRun(GisReadResult.Refused(new GisMessage("Error_ShapefilePrjMissing", "管线")), Options);
        Assert.True(refused.IsRefused);
        Assert.Contains(".prj", refused.Refusal!.Text(Chinese));
    }
}
