using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Sylvan.Data.Csv;
using TechZone.Data;
using TechZone.Enterprises.Resources;
using TechZone.Platform;
using TechZone.Platform.Calendar;
using TechZone.Platform.Audit;
using TechZone.Platform.Files;
using TechZone.Platform.Identity;

namespace TechZone.Enterprises;

/// <summary>
/// Importing enterprises from a spreadsheet (.xlsx) or a .csv file. Every row is checked before anything is written:
/// a dry run reports each bad cell (row, column, reason) and writes nothing; a commit checks the file again (the
/// client is never trusted) and writes, in one transaction, either every row (refused if any is bad) or only the
/// valid ones, with one audit entry for the batch. Built for 100,000 rows: the file is read as a stream, rows are
/// checked in memory, existing credit codes are looked up in chunks, and the rows are inserted in bulk.
/// </summary>
public sealed class EnterpriseImportService(ZoneDb db, CurrentUser current, IAuthorizationService authorization, ZoneTime time,
    IOptions<FileStoreOptions> files)
{
    /// <summary>More rows than any zone registers at once; a province splits its list by park or industry.</summary>
    public const int MaxRows = 200_000;

    /// <summary>How many errors a report lists; its counts are always exact.</summary>
    public const int MaxListedErrors = 1000;

    /// <summary>Credit codes looked up per query: well under both databases' parameter limits.</summary>
    const int LookupChunk = 1000;

    /// <summary>The largest file accepted: the file store's limit (<c>Files:MaxBytes</c>).</summary>
    public long MaxBytes => files.Value.MaxBytes;

    DateOnly Today => time.Today;

    /// <summary>
    /// The template: a sheet with the header row (each column named in Chinese and English, "统一社会信用代码 /
    /// Unified social credit code"), a sheet explaining every column, and a sheet of the codes a column accepts.
    /// </summary>
    public async Task<byte[]> TemplateAsync(bool chinese)
    {
        await RequireWriteAsync();
        var parks = await db.Parks.AsNoTracking().OrderBy(p => p.Id).ToListAsync();

        var data = new DataTable();
        foreach (var column in ImportColumns.All) data.Columns.Add(ImportColumns.TemplateHeader(column));

        string colName = EnterpriseStrings.Import_Help_Column, required = EnterpriseStrings.Import_Help_Required,
            description = EnterpriseStrings.Import_Help_Description, example = EnterpriseStrings.Import_Help_Example;
        var help = ImportColumns.All.Select(c => new Dictionary<string, object?>
        {
            [colName] = ImportColumns.TemplateHeader(c),
            [required] = c.Required ? EnterpriseStrings.Import_Help_Yes : EnterpriseStrings.Import_Help_No,
            [description] = Describe(c.Field),
            [example] = Example(c.Field, parks.FirstOrDefault()?.DisplayName(chinese)),
        }).Append(new Dictionary<string, object?>
        {
            [colName] = EnterpriseStrings.Import_Help_NoteTitle, [required] = null, [description] = EnterpriseStrings.Import_Help_Note, [example] = null,
        }).ToList();

        string kind = EnterpriseStrings.Import_Codes_Kind, value = EnterpriseStrings.Import_Codes_Value, meaning = EnterpriseStrings.Import_Codes_Meaning;
        Dictionary<string, object?> Code(string k, string v, string m) => new() { [kind] = k, [value] = v, [meaning] = m };
        var codes = IndustryCodes.All.Select(d => Code(EnterpriseStrings.Industry, d.Code, d.DisplayName(chinese)))
            .Concat(parks.Select(p => Code(EnterpriseStrings.Park, p.DisplayName(chinese), string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Codes_ParkCode, p.Code))))
            .Concat(Enum.GetValues<SizeClass>().Select(s => Code(EnterpriseStrings.SizeClass, EnterpriseLabels.Size(s), s.ToString())))
            .Concat(Enum.GetValues<EnterpriseStatus>().Select(s => Code(EnterpriseStrings.Status, EnterpriseLabels.Status(s), s.ToString())))
            .ToList();

        var sheets = new Dictionary<string, object>
        {
            [EnterpriseStrings.Import_Sheet_Data] = data,
            [EnterpriseStrings.Import_Sheet_Help] = help,
            [EnterpriseStrings.Import_Sheet_Codes] = codes,
        };
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns =
            [
                .. ImportColumns.All.Select(c => new DynamicExcelColumn(ImportColumns.TemplateHeader(c)) { Width = c.Width }),
                new DynamicExcelColumn(colName) { Width = 40 }, new DynamicExcelColumn(required) { Width = 10 },
                new DynamicExcelColumn(description) { Width = 90 }, new DynamicExcelColumn(example) { Width = 28 },
                new DynamicExcelColumn(kind) { Width = 14 }, new DynamicExcelColumn(value) { Width = 20 }, new DynamicExcelColumn(meaning) { Width = 60 },
            ],
        };
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, sheets, configuration: configuration);
        return buffer.ToArray();
    }

    static string Describe(ImportField field) => field switch
    {
        ImportField.CreditCode => EnterpriseStrings.Import_Help_CreditCode,
        ImportField.Name => string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Help_Text, 200),
        ImportField.LegalRepresentative => string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Help_Text, 50),
        ImportField.RegisteredCapital => EnterpriseStrings.Import_Help_Capital,
        ImportField.FoundedOn => EnterpriseStrings.Import_Help_Date,
        ImportField.Industry => EnterpriseStrings.Import_Help_Industry,
        ImportField.SizeClass => string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Help_OneOf, ImportValues.SizeChoices()),
        ImportField.Status => string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Help_Status, ImportValues.StatusChoices(),
            EnterpriseLabels.Status(EnterpriseStatus.Registered)),
        ImportField.StatusSince => EnterpriseStrings.Import_Help_StatusSince,
        ImportField.Park => EnterpriseStrings.Import_Help_Park,
        ImportField.Address => string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Help_Text, 200),
        ImportField.ContactName => EnterpriseStrings.Import_Help_ContactName,
        ImportField.ContactPhone => EnterpriseStrings.Import_Help_ContactPhone,
        _ => "",
    };

    static string? Example(ImportField field, string? park) => field switch
    {
        ImportField.CreditCode => CreditCode.Make("120116", 12_345_678),
        ImportField.Name => EnterpriseStrings.Import_Example_Name,
        ImportField.LegalRepresentative => EnterpriseStrings.Import_Example_Person,
        ImportField.RegisteredCapital => "1200",
        ImportField.FoundedOn => "2018-05-06",
        ImportField.Industry => "65",
        ImportField.SizeClass => EnterpriseLabels.Size(SizeClass.Small),
        ImportField.Status => EnterpriseLabels.Status(EnterpriseStatus.Operating),
        ImportField.StatusSince => "2018-06-01",
        ImportField.Park => park,
        ImportField.Address => EnterpriseStrings.Import_Example_Address,
        ImportField.ContactName => EnterpriseStrings.Import_Example_Person,
        ImportField.ContactPhone => "022-58661234",
        _ => null,
    };

    /// <summary>
    /// Checks a file (<paramref name="dryRun"/>) or imports it. A commit checks everything again inside its
    /// transaction; with <paramref name="validOnly"/> it writes the valid rows and skips the others, without it a
    /// single bad row refuses the whole file (<see cref="ImportOutcome.Refused"/>, nothing written).
    /// An unreadable file, a missing required column or a file over <see cref="MaxBytes"/> is a domain error.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Stream content, string fileName, bool dryRun, bool validOnly = false, CancellationToken ct = default)
    {
        await RequireWriteAsync();
        var name = FileNames.Clean(fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv")) throw new EnterpriseRuleException("ImportFileType", name);
        var bytes = await ReadAtMostAsync(content, MaxBytes, ct);
        if (bytes.Length == 0) throw new EnterpriseRuleException("ImportNoHeader", name);

        var parks = await db.Parks.AsNoTracking().Select(p => new { p.Id, p.Code, p.Name, p.NameEn }).ToListAsync(ct);
        var values = new ImportValues(Today, parks.Select(p => (p.Id, p.Code, p.Name, p.NameEn)));
        var check = Check(bytes, name, extension, values);

        if (dryRun)
        {
            await MarkRegisteredAsync(check, ct);
            return check.Report(name, ImportOutcome.Checked, 0);
        }

        // The commit: the registry is read again inside the transaction that writes.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await MarkRegisteredAsync(check, ct);
        if (check.Invalid > 0 && !validOnly) return check.Report(name, ImportOutcome.Refused, 0);
        var rows = check.Rows.Where(c => c.Valid).ToList();
        if (rows.Count == 0) return check.Report(name, ImportOutcome.Imported, 0);

        var today = Today;
        var note = string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_HistoryNote, name);
        var enterprises = new List<Enterprise>(rows.Count);
        foreach (var row in rows)
        {
            var enterprise = new Enterprise
            {
                CreditCode = row.CreditCode, Name = row.Name, LegalRepresentative = row.LegalRepresentative, RegisteredCapitalFen = row.CapitalFen,
                FoundedOn = row.FoundedOn, IndustryCode = row.IndustryCode, SizeClass = row.Size, ParkId = row.ParkId, Address = row.Address,
            };
            // Every new enterprise opens its lifecycle history, as one registered by hand does.
            enterprise.ChangeStatus(row.Status, row.StatusSince ?? today, today, note, current.UserName);
            if (row.ContactName is { } contact)
                enterprise.Contacts.Add(new EnterpriseContact { Name = contact, Phone = row.ContactPhone ?? "", IsPrimary = true });
            enterprises.Add(enterprise);
        }

        // A bulk path: the rows go in without the change tracker (see EnterpriseBulkInsert) and the audit trail
        // gets one entry for the batch instead of one per row.
        try
        {
            await EnterpriseBulkInsert.InsertAsync(db, enterprises, ct);
            AuditTrail.Batch(db, "enterprises_enterprises", new
            {
                import = name,
                sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                mode = validOnly ? "validOnly" : "all",
                rows = enterprises.Count,
                skipped = check.Invalid,
                statusChanges = enterprises.Count,
                contacts = enterprises.Count(e => e.Contacts.Count > 0),
            }, $"{enterprises.Min(e => e.Id)}..{enterprises.Max(e => e.Id)}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // Someone registered one of these codes since the check: the unique index refused the batch, nothing is written.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var codes = rows.Select(r => r.CreditCode).ToList();
            foreach (var chunk in codes.Chunk(LookupChunk))
                if (await db.Enterprises.AnyAsync(e => chunk.Contains(e.CreditCode), CancellationToken.None))
                    throw new EnterpriseConflictException("ImportConflict");
            throw;
        }
        return check.Report(name, ImportOutcome.Imported, enterprises.Count);
    }

    /// <summary>Reads the file and checks every row against everything but the registry (see <see cref="MarkRegisteredAsync"/>).</summary>
    static ImportCheck Check(byte[] bytes, string name, string extension, ImportValues values)
    {
        var check = new ImportCheck();
        try
        {
            var rowNumber = 0;
            ImportColumns.Mapping? mapping = null;
            foreach (var cells in extension == ".xlsx" ? ReadXlsx(bytes) : ReadCsv(bytes))
            {
                rowNumber++;
                if (mapping is null)
                {
                    mapping = ImportColumns.Map(cells);
                    check.IgnoredColumns = mapping.Ignored;
                    continue;
                }
                var row = mapping.Pick(cells);
                if (row.All(ImportValues.IsEmpty)) continue;
                if (check.Total == MaxRows) throw new EnterpriseRuleException("ImportTooManyRows", MaxRows);
                check.Total++;
                values.Check(rowNumber, row, mapping, check);
            }
            if (mapping is null) throw new EnterpriseRuleException("ImportNoHeader", name);
        }
        catch (Exception e) when (e is not DomainException)
        {
            // A damaged workbook, a .csv with a broken quote, a workbook renamed .csv: the file, not the server, is at fault.
            throw new EnterpriseRuleException("ImportUnreadable", name, extension);
        }
        return check;
    }

    /// <summary>Marks rows whose credit code is already registered: one query per chunk of codes, not one per row.</summary>
    async Task MarkRegisteredAsync(ImportCheck check, CancellationToken ct)
    {
        var byCode = check.Rows.ToDictionary(c => c.CreditCode);
        foreach (var chunk in byCode.Keys.Chunk(LookupChunk))
        {
            var registered = await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.CreditCode))
                .Select(e => new { e.CreditCode, e.Name }).ToListAsync(ct);
            foreach (var e in registered)
            {
                var row = byCode[e.CreditCode];
                check.AddError(row.Row, row.CreditCodeColumn, e.CreditCode,
                    string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Error_AlreadyRegistered, e.Name));
                if (!row.Valid) continue;
                row.Valid = false;
                check.Invalid++;
            }
        }
    }

    static IEnumerable<object?[]> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        string[]? keys = null;
        // Rows as Excel numbers them: MiniExcel yields empty rows for the gaps, so the n-th row read is row n.
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            keys ??= [.. row.Keys];
            var cells = new object?[keys.Length];
            for (var i = 0; i < keys.Length; i++) cells[i] = row.TryGetValue(keys[i], out var v) ? v : null;
            yield return cells;
        }
    }

    static IEnumerable<object?[]> ReadCsv(byte[] bytes)
    {
        var (encoding, preamble) = DetectEncoding(bytes);
        using var reader = new StreamReader(new MemoryStream(bytes, preamble, bytes.Length - preamble, writable: false), encoding, detectEncodingFromByteOrderMarks: false);
        // The delimiter (comma, semicolon, tab) is detected from the header line; a quoted value may span lines and
        // still counts as one row, as Excel shows it.
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = false });
        while (csv.Read())
        {
            var cells = new object?[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
            yield return cells;
        }
    }

    /// <summary>
    /// UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's "Unicode text"), otherwise GB18030 — what
    /// Excel on a Chinese Windows writes as plain "CSV", and a superset of GBK and GB2312.
    /// </summary>
    static (Encoding Encoding, int Preamble) DetectEncoding(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return (Encoding.UTF8, 3);
        if (bytes is [0xFF, 0xFE, ..]) return (Encoding.Unicode, 2);
        if (bytes is [0xFE, 0xFF, ..]) return (Encoding.BigEndianUnicode, 2);
        try
        {
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return (Encoding.UTF8, 0);
        }
        catch (DecoderFallbackException)
        {
            return (CodePagesEncodingProvider.Instance.GetEncoding(54936)!, 0);
        }
    }

    static async Task<byte[]> ReadAtMostAsync(Stream content, long max, CancellationToken ct)
    {
        if (content.CanSeek && content.Length - content.Position > max) throw new FileTooLargeException(max);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw new FileTooLargeException(max);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    async Task RequireWriteAsync()
    {
        if (!(await authorization.AuthorizeAsync(current.Principal, EnterprisePolicies.Write)).Succeeded)
            throw new EnterpriseForbiddenException();
    }
}

/// <summary>The columns an import knows.</summary>
enum ImportField
{
    CreditCode,
    Name,
    LegalRepresentative,
    RegisteredCapital,
    FoundedOn,
    Industry,
    SizeClass,
    Status,
    StatusSince,
    Park,
    Address,
    ContactName,
    ContactPhone,
}

/// <summary>
/// A column: the resource key of its name (its Chinese and English names are both accepted as the header, as are
/// a few common other names), whether it is required, and its width in the template.
/// </summary>
sealed record ImportColumn(ImportField Field, string NameKey, bool Required, double Width, params string[] OtherNames);

/// <summary>
/// The header scheme. A header cell names a column by its Chinese or English name, or both joined by "/" (the
/// template's "统一社会信用代码 / Unified social credit code"); case, spaces, a "*" marking required columns and
/// full-width brackets do not matter. The export's headers are accepted too, so an exported list can be re-imported.
/// </summary>
static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new(ImportField.CreditCode, nameof(EnterpriseStrings.CreditCode), true, 34, "信用代码", "社会信用代码", "Credit code"),
        new(ImportField.Name, nameof(EnterpriseStrings.Name), true, 36, "名称", "企业", "Name", "Enterprise"),
        new(ImportField.LegalRepresentative, nameof(EnterpriseStrings.LegalRepresentative), false, 26, "法人代表", "法人", "Legal person"),
        new(ImportField.RegisteredCapital, nameof(EnterpriseStrings.RegisteredCapitalWan), false, 34, "注册资本", "注册资金", "注册资金（万元）", "Registered capital"),
        new(ImportField.FoundedOn, nameof(EnterpriseStrings.FoundedOn), false, 20, "成立时间", "Founded on", "Founding date"),
        new(ImportField.Industry, nameof(EnterpriseStrings.Industry), false, 20, "行业", "行业代码", "Industry code"),
        new(ImportField.SizeClass, nameof(EnterpriseStrings.SizeClass), false, 16, "规模", "Size class"),
        new(ImportField.Status, nameof(EnterpriseStrings.Status), false, 14, "企业状态"),
        new(ImportField.StatusSince, nameof(EnterpriseStrings.Import_StatusSince), false, 24, "状态日期"),
        new(ImportField.Park, nameof(EnterpriseStrings.Park), false, 16, "园区"),
        new(ImportField.Address, nameof(EnterpriseStrings.Address), false, 36, "注册地址", "企业地址", "Registered address"),
        new(ImportField.ContactName, nameof(EnterpriseStrings.Import_ContactName), false, 20, "联系人姓名", "Contact"),
        new(ImportField.ContactPhone, nameof(EnterpriseStrings.Import_ContactPhone), false, 24, "电话", "手机", "Phone"),
    ];

    static readonly CultureInfo Chinese = new("zh-CN");

    static string Name(ImportColumn c, CultureInfo culture) => EnterpriseStrings.ResourceManager.GetString(c.NameKey, culture) ?? c.NameKey;

    /// <summary>The template's header: "中文名 / English name".</summary>
    public static string TemplateHeader(ImportColumn c) => $"{Name(c, Chinese)} / {Name(c, CultureInfo.InvariantCulture)}";

    /// <summary>The column's name in the caller's language (for "column X is missing").</summary>
    public static string DisplayName(ImportColumn c) => Name(c, CultureInfo.CurrentUICulture);

    static readonly Dictionary<string, ImportColumn> ByName = BuildNames();

    static Dictionary<string, ImportColumn> BuildNames()
    {
        var names = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        foreach (var c in All)
            foreach (var n in c.OtherNames.Prepend(Name(c, CultureInfo.InvariantCulture)).Prepend(Name(c, Chinese)))
                names.TryAdd(Normalize(n), c);
        return names;
    }

    static string Normalize(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c is '*' or '＊' or '_' or '-') continue;
            b.Append(c switch { '（' => '(', '）' => ')', _ => char.ToLowerInvariant(c) });
        }
        return b.ToString();
    }

    static ImportColumn? Find(string header)
    {
        if (ByName.TryGetValue(Normalize(header), out var column)) return column;
        foreach (var part in header.Split(['/', '／'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (ByName.TryGetValue(Normalize(part), out column)) return column;
        return null;
    }

    /// <summary>Which cell holds which column. Missing required columns and a column given twice are refused.</summary>
    public static Mapping Map(object?[] headerCells)
    {
        var index = new int[All.Count];
        var headers = new string[All.Count];
        Array.Fill(index, -1);
        var ignored = new List<string>();
        for (var i = 0; i < headerCells.Length; i++)
        {
            var header = ImportValues.Text(headerCells[i]);
            if (header is null) continue;
            if (Find(header) is not { } column) { ignored.Add(header); continue; }
            var k = (int)column.Field;
            if (index[k] >= 0) throw new EnterpriseRuleException("ImportDuplicateColumn", DisplayName(column), $"{headers[k]}, {header}");
            index[k] = i;
            headers[k] = header;
        }
        var missing = All.Where(c => c.Required && index[(int)c.Field] < 0).Select(DisplayName).ToList();
        if (missing.Count > 0)
            throw new EnterpriseRuleException("ImportMissingColumns", string.Join(CultureInfo.CurrentUICulture.Name.StartsWith("zh") ? "、" : ", ", missing));
        return new Mapping(index, headers, ignored);
    }

    public sealed class Mapping(int[] index, string[] headers, List<string> ignored)
    {
        public IReadOnlyList<string> Ignored => ignored;

        /// <summary>The header of a column as the file writes it; null when the file has no such column.</summary>
        public string? Header(ImportField field) => headers[(int)field];

        /// <summary>The row's cells in <see cref="ImportField"/> order (null where the file has no such column).</summary>
        public object?[] Pick(object?[] cells)
        {
            var row = new object?[index.Length];
            for (var k = 0; k < index.Length; k++)
                if (index[k] >= 0 && index[k] < cells.Length) row[k] = cells[index[k]];
            return row;
        }
    }
}

/// <summary>A row with a well-formed credit code of its own; <see cref="Valid"/> when it passes every check.</summary>
sealed class ImportRow
{
    public int Row;
    public string CreditCodeColumn = "";
    public bool Valid = true;
    public string CreditCode = "";
    public string Name = "";
    public string LegalRepresentative = "";
    public long? CapitalFen;
    public DateOnly? FoundedOn;
    public string? IndustryCode;
    public SizeClass? Size;
    public EnterpriseStatus Status = EnterpriseStatus.Registered;
    public DateOnly? StatusSince;
    public int? ParkId;
    public string Address = "";
    public string? ContactName;
    public string? ContactPhone;
}

/// <summary>What the checks found: exact counts, errors in row and column order (the first ones), the good rows.</summary>
sealed class ImportCheck
{
    readonly List<(ImportError Error, int Order)> errors = [];
    int listedUpToRow = int.MaxValue;
    public int Total;
    public int Invalid;
    public int ErrorCount;
    public IReadOnlyList<string> IgnoredColumns = [];
    /// <summary>Rows with a well-formed code of their own; <see cref="ImportRow.Valid"/> says whether they pass every check.</summary>
    public readonly List<ImportRow> Rows = [];
    public readonly Dictionary<string, int> RowOfCode = new(StringComparer.Ordinal);

    /// <summary>Counts every error; keeps the first ones by row (an error found later for an earlier row still gets in).</summary>
    public void AddError(int row, string column, object? value, string reason, int order = 0)
    {
        ErrorCount++;
        if (row > listedUpToRow) return;
        errors.Add((new ImportError(row, column, ImportValues.Show(value), reason), order));
        if (errors.Count >= 2 * EnterpriseImportService.MaxListedErrors) Trim();
    }

    void Trim()
    {
        errors.Sort((a, b) => a.Error.Row != b.Error.Row ? a.Error.Row.CompareTo(b.Error.Row) : a.Order.CompareTo(b.Order));
        if (errors.Count <= EnterpriseImportService.MaxListedErrors) return;
        errors.RemoveRange(EnterpriseImportService.MaxListedErrors, errors.Count - EnterpriseImportService.MaxListedErrors);
        listedUpToRow = errors[^1].Error.Row;
    }

    public ImportReport Report(string fileName, ImportOutcome outcome, int imported)
    {
        Trim();
        return new ImportReport(fileName, outcome, Total, Total - Invalid, Invalid, imported, ErrorCount,
            errors.Select(e => e.Error).ToList(), IgnoredColumns);
    }
}

/// <summary>Reading and checking cell values: text, numbers, dates, and the labels the choice columns accept.</summary>
sealed class ImportValues
{
    static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
        "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm",
    ];

    static readonly CultureInfo Chinese = new("zh-CN");

    /// <summary>1e12 万元 is far above any company's registered capital, and still fits in fen.</summary>
    const decimal MaxCapitalWan = 1_000_000_000_000m;

    readonly DateOnly today;
    readonly Dictionary<string, int> parks = new(StringComparer.OrdinalIgnoreCase);
    static readonly Dictionary<string, string> Industries = BuildIndustries();
    static readonly Dictionary<string, SizeClass> Sizes = Choices<SizeClass>("Size_");
    static readonly Dictionary<string, EnterpriseStatus> Statuses = Choices<EnterpriseStatus>("Status_");

    public ImportValues(DateOnly today, IEnumerable<(int Id, string Code, string Name, string NameEn)> parkList)
    {
        this.today = today;
        foreach (var (id, code, name, nameEn) in parkList)
            foreach (var key in new[] { code, name, nameEn }.Where(k => !string.IsNullOrWhiteSpace(k)))
                parks.TryAdd(key.Trim(), id);
    }

    static Dictionary<string, string> BuildIndustries()
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in IndustryCodes.All)
        {
            d.TryAdd(i.Code, i.Code);
            d.TryAdd(i.Name, i.Code);
            d.TryAdd(i.NameEn, i.Code);
        }
        return d;
    }

    /// <summary>An enum's names and its labels in both languages ("Small", "小型").</summary>
    static Dictionary<string, T> Choices<T>(string prefix) where T : struct, Enum
    {
        var d = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in Enum.GetValues<T>())
        {
            d.TryAdd(v.ToString(), v);
            foreach (var culture in new[] { Chinese, CultureInfo.InvariantCulture })
                if (EnterpriseStrings.ResourceManager.GetString(prefix + v, culture) is { } label) d.TryAdd(label, v);
        }
        return d;
    }

    /// <summary>The accepted values, in the caller's language and as names ("大型、中型… (Large, Medium…)").</summary>
    public static string SizeChoices() => ChoiceList(Enum.GetValues<SizeClass>().Select(s => (EnterpriseLabels.Size(s), s.ToString())));

    public static string StatusChoices() => ChoiceList(Enum.GetValues<EnterpriseStatus>().Select(s => (EnterpriseLabels.Status(s), s.ToString())));

    static string ChoiceList(IEnumerable<(string Label, string Name)> choices)
    {
        var list = choices.ToList();
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var labels = string.Join(chinese ? "、" : ", ", list.Select(c => c.Label));
        return list.All(c => c.Label == c.Name) ? labels
            : string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_ChoicesWithNames, labels, string.Join(", ", list.Select(c => c.Name)));
    }

    public static bool IsEmpty(object? value) => Text(value) is null;

    /// <summary>A cell as trimmed text; null when empty.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim() is { Length: > 0 } t ? t : null,
        double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim() is { Length: > 0 } t ? t : null,
        _ => value.ToString()?.Trim() is { Length: > 0 } t ? t : null,
    };

    /// <summary>A value as an error shows it: at most 50 characters.</summary>
    public static string Show(object? value) => Text(value) is { } t ? t.Length > 50 ? t[..50] + "…" : t : "";

    /// <summary>Checks one row; adds its errors to the check, or the row to its candidates.</summary>
    public void Check(int rowNumber, object?[] cells, ImportColumns.Mapping mapping, ImportCheck check)
    {
        var row = new ImportRow { Row = rowNumber, CreditCodeColumn = mapping.Header(ImportField.CreditCode) ?? "" };
        var failed = false;
        void Fail(ImportField field, string reason)
        {
            failed = true;
            check.AddError(rowNumber, mapping.Header(field) ?? "", cells[(int)field], reason, (int)field);
        }
        object? Cell(ImportField f) => cells[(int)f];
        string? TextOf(ImportField f, int max)
        {
            var text = Text(Cell(f));
            if (text is not null && text.Length > max)
            {
                Fail(f, string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Error_TooLong, max));
                return null;
            }
            return text;
        }

        // Credit code: required, checksum, once per file.
        switch (Cell(ImportField.CreditCode))
        {
            case double or decimal or int or long:
                Fail(ImportField.CreditCode, EnterpriseStrings.Import_Error_CreditCodeNumber);
                break;
            case var v when Text(v) is not { } text:
                Fail(ImportField.CreditCode, EnterpriseStrings.Import_Error_Required);
                break;
            case var v:
                var code = Text(v)!.ToUpperInvariant();
                if (!CreditCode.IsValid(code)) Fail(ImportField.CreditCode, EnterpriseStrings.Validation_CreditCode);
                else if (check.RowOfCode.TryGetValue(code, out var first))
                    Fail(ImportField.CreditCode, string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Error_DuplicateInFile, first));
                else
                {
                    // Taken from here on even if this row fails on another column: a later row with it is a repeat.
                    check.RowOfCode[code] = rowNumber;
                    row.CreditCode = code;
                }
                break;
        }

        if (Text(Cell(ImportField.Name)) is null) Fail(ImportField.Name, EnterpriseStrings.Import_Error_Required);
        else row.Name = TextOf(ImportField.Name, 200) ?? "";
        row.LegalRepresentative = TextOf(ImportField.LegalRepresentative, 50) ?? "";
        row.Address = TextOf(ImportField.Address, 200) ?? "";

        if (Cell(ImportField.RegisteredCapital) is var capital && !IsEmpty(capital))
        {
            if (!TryNumber(capital, out var wan)) Fail(ImportField.RegisteredCapital, EnterpriseStrings.Import_Error_Number);
            else if (wan < 0) Fail(ImportField.RegisteredCapital, EnterpriseStrings.Validation_NotNegative);
            else if (wan > MaxCapitalWan) Fail(ImportField.RegisteredCapital, EnterpriseStrings.Import_Error_TooLarge);
            else row.CapitalFen = (long)Math.Round(wan * 1_000_000m, MidpointRounding.AwayFromZero);
        }

        row.FoundedOn = Date(ImportField.FoundedOn);
        row.StatusSince = Date(ImportField.StatusSince);
        DateOnly? Date(ImportField field)
        {
            var cell = Cell(field);
            if (IsEmpty(cell)) return null;
            if (!TryDate(cell, out var date)) { Fail(field, EnterpriseStrings.Import_Error_Date); return null; }
            if (date > today) { Fail(field, EnterpriseStrings.Import_Error_DateInFuture); return null; }
            return date;
        }

        if (Industry(Cell(ImportField.Industry)) is { } industry)
        {
            if (industry.Ok) row.IndustryCode = industry.Code;
            else Fail(ImportField.Industry, EnterpriseStrings.Validation_IndustryCode);
        }

        if (Text(Cell(ImportField.SizeClass)) is { } size)
        {
            if (Sizes.TryGetValue(size, out var s)) row.Size = s;
            else Fail(ImportField.SizeClass, string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Error_Choice, SizeChoices()));
        }
        if (Text(Cell(ImportField.Status)) is { } status)
        {
            if (Statuses.TryGetValue(status, out var s)) row.Status = s;
            else Fail(ImportField.Status, string.Format(CultureInfo.CurrentUICulture, EnterpriseStrings.Import_Error_Choice, StatusChoices()));
        }
        if (Text(Cell(ImportField.Park)) is { } park)
        {
            if (parks.TryGetValue(park, out var id)) row.ParkId = id;
            else Fail(ImportField.Park, EnterpriseStrings.Import_Error_Park);
        }

        var contact = TextOf(ImportField.ContactName, 50);
        var phone = TextOf(ImportField.ContactPhone, 30);
        if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or '(' or ')' or ' '))
            Fail(ImportField.ContactPhone, EnterpriseStrings.Validation_Phone);
        else if (phone is not null && contact is null && Text(Cell(ImportField.ContactName)) is null)
            Fail(ImportField.ContactName, EnterpriseStrings.Import_Error_ContactNameRequired);
        row.ContactName = contact;
        row.ContactPhone = phone;

        // A row with a well-formed code is kept even if it failed, so the registry check can report it too.
        row.Valid = !failed;
        if (failed) check.Invalid++;
        if (row.CreditCode != "") check.Rows.Add(row);
    }

    /// <summary>A GB/T 4754 division by code (39, "39", "39 计算机…") or by its Chinese or English name.</summary>
    static (string? Code, bool Ok)? Industry(object? cell)
    {
        if (cell is double d && d == Math.Floor(d) && d is >= 1 and <= 99)
            cell = ((int)d).ToString("00", CultureInfo.InvariantCulture);
        if (Text(cell) is not { } text) return null;
        if (Industries.TryGetValue(text, out var code)) return (code, true);
        // "39 计算机、通信和其他电子设备制造业", as the pages and the export write it.
        if (text.Length > 2 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsWhiteSpace(text[2]) && IndustryCodes.IsKnown(text[..2]))
            return (text[..2], true);
        return (null, false);
    }

    static bool TryNumber(object? cell, out decimal value)
    {
        value = 0;
        switch (cell)
        {
            case double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e27:
                value = (decimal)d;
                return true;
            case decimal m:
                value = m;
                return true;
            default:
                var text = Text(cell);
                if (text is null) return false;
                // "1,200", "1200万", "1200 万元": the unit is 万元 whether written or not.
                text = text.Replace(",", "").Replace("，", "");
                if (text.EndsWith("万元", StringComparison.Ordinal)) text = text[..^2];
                else if (text.EndsWith('万')) text = text[..^1];
                return decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                    CultureInfo.InvariantCulture, out value);
        }
    }

    /// <summary>An Excel date, an Excel date serial number, or text in one of the common date forms.</summary>
    static bool TryDate(object? cell, out DateOnly date)
    {
        date = default;
        switch (cell)
        {
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case double serial when serial is >= 1 and < 2_958_466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            case string s:
                if (DateTime.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    date = DateOnly.FromDateTime(parsed);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }
}
