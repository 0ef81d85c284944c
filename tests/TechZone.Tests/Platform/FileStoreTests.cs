using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TechZone.Data;
using TechZone.Platform.Files;
using TechZone.Platform.Identity;
using TechZone.Tests.Infrastructure;

namespace TechZone.Tests.Platform;

/// <summary>The attachment store: checks on upload, SHA-256, and who may read a file.</summary>
public abstract class FileStoreTests(ZoneApp app)
{
    static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    static byte[] Pdf(int size = 4000)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>Posts a multipart upload as a browser page would, with the antiforgery token the app gave the signed-in user.</summary>
    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string contentType = "application/octet-stream")
    {
        var token = ZoneApp.HiddenFields(await client.GetStringAsync("/"))["__RequestVerificationToken"];
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/api/v1/files", form);
    }

    static async Task<StoredFileInfo> UploadedAsync(HttpClient client, string fileName, byte[] content, string contentType = "application/octet-stream")
    {
        var response = await UploadAsync(client, fileName, content, contentType);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StoredFileInfo>())!;
    }

    Task<(int Files, int Contents)> CountsAsync() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ZoneDb>();
        return (await db.Set<StoredFile>().CountAsync(), await db.Set<StoredFileContent>().CountAsync());
    });

    Task<int> EnterpriseIdAsync(string name) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());

    static async Task<string?> ProblemCode(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("code").GetString();
    }

    static async Task<string?> ProblemDetail(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString();
    }

    [Fact]
    public async Task Upload_StoresTheFile_WithItsSha256_AndDownloadsItUnderItsOriginalName()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var content = Pdf(300_000);
        var name = Unique("营业执照-") + ".pdf";

        var info = await UploadedAsync(client, "C:\\Users\\李敏\\Desktop\\" + name, content, "application/pdf");
        Assert.Equal(name, info.FileName);
        Assert.Equal(content.Length, info.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), info.Sha256);
        Assert.Equal("application/pdf", info.ContentType);
        Assert.Null(info.EnterpriseId);
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Set<StoredFileContent>().SingleAsync(c => c.FileId == info.Id));
        Assert.Equal(content, stored.Content);

        var download = await client.GetAsync($"/api/v1/files/{info.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(name, download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("nosniff", download.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Uploads_OfTheWrongTypeSizeOrContent_AreRefused_WithLocalizedProblems_AndWriteNothing()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var before = await CountsAsync();
        var max = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FileStoreOptions>>().Value.MaxBytes;
        var tooLarge = new byte[max + 1];
        "PK\u0003\u0004"u8.CopyTo(tooLarge);

        (string Name, byte[] Content, string Type, HttpStatusCode Status, string Code)[] cases =
        [
            ("setup.exe", [0x4D, 0x5A, 0x90, 0x00], "application/octet-stream", HttpStatusCode.BadRequest, "FileTypeNotAllowed"),
            ("no-extension", Pdf(), "application/pdf", HttpStatusCode.BadRequest, "FileTypeNotAllowed"),
            ("renamed.png", Pdf(), "image/png", HttpStatusCode.BadRequest, "FileContentMismatch"),
            ("renamed.pdf", [.. PngSignature, 1, 2, 3], "application/pdf", HttpStatusCode.BadRequest, "FileContentMismatch"),
            ("report.docx", "just some text"u8.ToArray(), "application/octet-stream", HttpStatusCode.BadRequest, "FileContentMismatch"),
            ("scan.jpg", Pdf(), "image/jpeg", HttpStatusCode.BadRequest, "FileContentMismatch"),
            ("old.doc", Pdf(), "application/msword", HttpStatusCode.BadRequest, "FileContentMismatch"),
            ("binary.txt", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "text/plain", HttpStatusCode.BadRequest, "FileContentMismatch"),
            ("photo.png", [.. PngSignature, 1, 2, 3], "application/pdf", HttpStatusCode.BadRequest, "FileContentMismatch"),
            ("empty.txt", [], "text/plain", HttpStatusCode.BadRequest, "FileEmpty"),
            ("huge.zip", tooLarge, "application/zip", HttpStatusCode.RequestEntityTooLarge, "FileTooLarge"),
        ];
        foreach (var (name, content, type, status, code) in cases)
        {
            var response = await UploadAsync(client, name, content, type);
            Assert.True(status == response.StatusCode, $"{name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, await ProblemCode(response));
        }

        Assert.Equal(before, await CountsAsync());

        // The message is in the caller's language.
        var english = await client.PostAsync("/api/v1/files?culture=en", await FormAsync(client, "setup.exe", [1]));
        Assert.StartsWith("Files of type \".exe\" cannot be uploaded", await ProblemDetail(english));
        var chinese = await client.PostAsync("/api/v1/files", await FormAsync(client, "setup.exe", [1]));
        Assert.StartsWith("不能上传“.exe”类型的文件", await ProblemDetail(chinese));
    }

    static async Task<MultipartFormDataContent> FormAsync(HttpClient client, string fileName, byte[] content)
    {
        var token = ZoneApp.HiddenFields(await client.GetStringAsync("/"))["__RequestVerificationToken"];
        return new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName }, { new StringContent(token), "__RequestVerificationToken" } };
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefused_AndWithoutSignIn_Is401()
    {
        app.SkipIfUnavailable();
        var client = await app.SignedInAsync("service");
        var before = await CountsAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf()), "file", "a.pdf" } };
        var response = await client.PostAsync("/api/v1/files", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountsAsync());

        var anonymous = app.Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/files/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task EnterpriseFile_IsReadByItsEnterpriseAndTheZonesPeople_AnotherEnterpriseGets404()
    {
        app.SkipIfUnavailable();
        var feiteng = await EnterpriseIdAsync("飞腾信息技术有限公司");
        var colleague = await app.CreateUserAsync(Unique("ft"), Roles.Enterprise, enterpriseId: feiteng);
        var asFeiteng = await app.SignedInAsync("feiteng");
        var info = await UploadedAsync(asFeiteng, "财务报表.xlsx", [.. "PK\u0003\u0004"u8, .. new byte[500]],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Assert.Equal(feiteng, info.EnterpriseId);
        var url = $"/api/v1/files/{info.Id}";

        Assert.Equal(HttpStatusCode.OK, (await asFeiteng.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(colleague.UserName!)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("service")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("leader")).GetAsync(url)).StatusCode);
        var asKylin = await app.SignedInAsync("kylin");
        var other = await asKylin.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("财务报表", await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await asKylin.GetAsync($"/api/v1/files/{Guid.NewGuid()}")).StatusCode);

        // A file staff uploaded for no enterprise: no enterprise user reads it.
        var internalFile = await UploadedAsync(await app.SignedInAsync("service"), "内部纪要.txt", "会议纪要"u8.ToArray(), "text/plain");
        Assert.Equal(HttpStatusCode.NotFound, (await asFeiteng.GetAsync($"/api/v1/files/{internalFile.Id}")).StatusCode);
    }

    [Fact]
    public async Task StaffMayShareAFile_WithOneEnterprise_ButAnEnterpriseUserCannotChooseAnother()
    {
        app.SkipIfUnavailable();
        var feiteng = await EnterpriseIdAsync("飞腾信息技术有限公司");
        var kylin = await EnterpriseIdAsync("麒麟软件有限公司");
        var staff = (await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Users.SingleAsync(u => u.UserName == "service")));
        var enterpriseUser = (await app.WithScopeAsync(sp => sp.GetRequiredService<ZoneDb>().Users.SingleAsync(u => u.UserName == "feiteng")));

        var shared = await SaveAsAsync(staff.Id, Roles.Staff, null, kylin);
        Assert.Equal(kylin, shared.EnterpriseId);
        var own = await SaveAsAsync(enterpriseUser.Id, Roles.Enterprise, feiteng, kylin);
        Assert.Equal(feiteng, own.EnterpriseId);

        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("kylin")).GetAsync($"/api/v1/files/{shared.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("kylin")).GetAsync($"/api/v1/files/{own.Id}")).StatusCode);
    }

    Task<StoredFileInfo> SaveAsAsync(string userId, string role, int? enterpriseId, int? forEnterpriseId) => app.WithScopeAsync(async sp =>
    {
        var claims = new List<System.Security.Claims.Claim> { new(System.Security.Claims.ClaimTypes.NameIdentifier, userId), new(System.Security.Claims.ClaimTypes.Role, role) };
        if (enterpriseId is { } e) claims.Add(new(ZoneClaims.EnterpriseId, e.ToString()));
        sp.GetRequiredService<CurrentUser>().Set(new(new System.Security.Claims.ClaimsIdentity(claims, "test")));
        using var content = new MemoryStream("通知书"u8.ToArray());
        return await sp.GetRequiredService<FileService>().SaveAsync(content, "通知书.txt", "text/plain", forEnterpriseId);
    });

    [Fact]
    public async Task RegisteredScanner_ReplacesTheDefault_AndAnInfectedFileIsRefused()
    {
        app.SkipIfUnavailable();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IFileScanner, EicarScanner>()));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await ZoneApp.SignInAsync(client, "service", ZoneApp.DemoPassword)).StatusCode);
        var before = await CountsAsync();

        var infected = await UploadAsync(client, "readme.txt", "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"u8.ToArray(), "text/plain");
        Assert.Equal(HttpStatusCode.BadRequest, infected.StatusCode);
        Assert.Equal("FileInfected", await ProblemCode(infected));
        Assert.EndsWith("Eicar-Test-Signature", await ProblemDetail(infected));
        Assert.Equal(before, await CountsAsync());

        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(client, "clean.txt", "干净的文件"u8.ToArray(), "text/plain")).StatusCode);
    }

    sealed class EicarScanner : IFileScanner
    {
        public async Task<FileScanResult> ScanAsync(Stream content, string fileName, CancellationToken ct = default)
        {
            using var reader = new StreamReader(content, Encoding.UTF8);
            return (await reader.ReadToEndAsync(ct)).Contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE")
                ? FileScanResult.Infected("Eicar-Test-Signature") : FileScanResult.Ok;
        }
    }
}

[Collection("sqlite")]
public sealed class FileStoreTests_Sqlite(SqliteApp app) : FileStoreTests(app);

[Collection("postgres")]
public sealed class FileStoreTests_Postgres(PostgresApp app) : FileStoreTests(app);

/// <summary>The Files configuration section: configured extensions replace the defaults rather than adding to them.</summary>
public class FileStoreOptionsTests
{
    static FileStoreOptions Bind(Dictionary<string, string?> values)
    {
        var options = new FileStoreOptions();
        FileStoreOptions.Bind(options, new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return options;
    }

    [Fact]
    public void Defaults_Are20MegabytesAndTheOfficeImageAndArchiveTypes()
    {
        var options = Bind([]);
        Assert.Equal(20 * 1024 * 1024, options.MaxBytes);
        Assert.Equal(FileStoreOptions.DefaultExtensions.Order(), options.AllowedExtensions.Order());
    }

    [Fact]
    public void Extensions_AsOneString_OrAList_ReplaceTheDefaults()
    {
        var one = Bind(new() { ["Files:AllowedExtensions"] = ".PDF, png;.txt", ["Files:MaxBytes"] = "1024" });
        Assert.Equal(new[] { ".pdf", ".png", ".txt" }, one.AllowedExtensions.Order());
        Assert.Equal(1024, one.MaxBytes);

        var list = Bind(new() { ["Files:AllowedExtensions:0"] = ".csv", ["Files:AllowedExtensions:1"] = ".xlsx" });
        Assert.Equal(new[] { ".csv", ".xlsx" }, list.AllowedExtensions.Order());
    }
}
