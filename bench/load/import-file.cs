// Writes an import file of N new enterprises (valid credit codes, the demo zone's parks) for bench/load/import.sh.
// usage: dotnet run bench/load/import-file.cs -- N out.xlsx [first-serial]   (a .NET 10 file-based app)
#:project ../../src/TechZone/TechZone.csproj
using MiniExcelLibs;
using TechZone.Enterprises;

var count = int.Parse(args[0]);
var path = args[1];
var first = args.Length > 2 ? long.Parse(args[2]) : 60_000_000;
string[] places = ["华信", "海泰", "滨海", "津南", "新航", "鼎信", "中科", "宏达", "瑞丰", "博远", "智联", "云图"];
string[] trades = ["软件", "电子", "生物", "新材料", "智能", "信息", "医疗", "能源"];
string[] industries = ["65", "39", "27", "73", "64"];
string[] parks = ["华苑科技园", "渤龙湖科技园", "海洋科技园"];
string[] sizes = ["微型", "小型", "中型", "大型"];

// A different division from the demo and scale data (120116), so the codes are new in either.
IEnumerable<Dictionary<string, object?>> Rows()
{
    for (var i = 0; i < count; i++)
        yield return new()
        {
            ["统一社会信用代码"] = CreditCode.Make("120199", first + i),
            ["企业名称"] = $"天津{places[i % places.Length]}{trades[i / places.Length % trades.Length]}科技{i + 1}号有限公司",
            ["法定代表人"] = "王" + "伟芳娜敏静强磊军"[i % 8],
            ["注册资本（万元）"] = 100 + i % 5000,
            ["成立日期"] = new DateTime(2005 + i % 20, 1 + i % 12, 1 + i % 28),
            ["行业"] = industries[i % industries.Length],
            ["规模"] = sizes[i % sizes.Length],
            ["状态"] = "运营中",
            ["园区"] = parks[i % parks.Length],
            ["注册地址"] = $"天津市滨海高新区海泰南道{i % 900 + 1}号",
            ["联系人"] = "李" + "明华红丽"[i % 4],
            ["联系电话"] = $"022-{58_000_000 + i % 1_000_000}",
        };
}
MiniExcel.SaveAs(path, Rows(), overwriteFile: true);
Console.WriteLine($"{count} rows → {path} ({new FileInfo(path).Length / 1024} KiB)");
