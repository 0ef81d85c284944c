using System.Globalization;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Linemerge;

namespace TechZone.Pipelines.Gis;

/// <summary>
/// The import's dry run: maps each feature's attributes to a <see cref="PipeSegmentDraft"/> and lists what keeps a
/// feature out (reader problems, no line, missing or unreadable attributes, depth or year out of range, unknown
/// network, duplicates within the file). Pure: nothing is written.
/// </summary>
public static partial class PipeImportCheck
{
    public static PipeImportReport DryRun(GisReadResult file, PipeImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        if (file.Refusal is not null) return new PipeImportReport(0, [], [], file.Refusal);

        var networks = Networks(options);
        var problems = new List<PipeImportProblem>();
        var drafts = new List<PipeSegmentDraft>();
        var byGeometry = new Dictionary<string, int>(StringComparer.Ordinal);
        var byExternalId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var readerProblems = file.Problems.ToLookup(p => p.FeatureIndex);

        foreach (var feature in file.Features)
        {
            var mine = new List<PipeImportProblem>();
            void Add(PipeAttribute attribute, string key, params object[] arguments) => mine.Add(new(feature.Index, attribute, new GisMessage(key, arguments)));

            foreach (var problem in readerProblems[feature.Index]) mine.Add(new(feature.Index, PipeAttribute.None, problem.Reason));
            var line = feature.Geometry is null ? null : Line(feature.Geometry);
            if (feature.Geometry is not null && line is null) Add(PipeAttribute.None, "Problem_GeometryNotLine", feature.Geometry.GeometryType);
            if (line is not null && !byGeometry.TryAdd(GeometryKey(line), feature.Index))
                Add(PipeAttribute.None, "Problem_DuplicateGeometry", byGeometry[GeometryKey(line)]);

            var a = feature.Attributes;
            var reader = new AttributeReader(feature.Index, options, mine);
            var network = reader.Text(a, PipeAttribute.Network, PipeAttributeAliases.Network);
            string? networkCode = null;
            if (network is not null && !networks.TryGetValue(network, out networkCode))
                Add(PipeAttribute.Network, "Problem_NetworkUnknown", network);
            var material = reader.Text(a, PipeAttribute.Material, PipeAttributeAliases.Material);
            var (diameter, section) = reader.Size(a);
            var bothEnds = PipeAttributeAliases.Find(a, PipeAttributeAliases.Depth);
            var startDepth = reader.Depth(a, PipeAttribute.StartDepth, PipeAttributeAliases.StartDepth, bothEnds);
            var endDepth = reader.Depth(a, PipeAttribute.EndDepth, PipeAttributeAliases.EndDepth, bothEnds);
            var pressure = reader.Text(a, PipeAttribute.Pressure, PipeAttributeAliases.Pressure);
            var owner = reader.Text(a, PipeAttribute.Owner, PipeAttributeAliases.Owner);
            var year = reader.Year(a);
            var status = reader.Text(a, PipeAttribute.Status, PipeAttributeAliases.Status);
            var quality = reader.Text(a, PipeAttribute.QualityLevel, PipeAttributeAliases.QualityLevel);
            var externalId = reader.Text(a, PipeAttribute.ExternalId, PipeAttributeAliases.ExternalId);
            if (externalId is not null && !byExternalId.TryAdd(externalId, feature.Index))
                Add(PipeAttribute.ExternalId, "Problem_DuplicateExternalId", externalId, byExternalId[externalId]);

            problems.AddRange(mine);
            if (mine.Count == 0 && line is not null && (networkCode is not null || !options.Required.HasFlag(PipeAttribute.Network)))
                drafts.Add(new PipeSegmentDraft(feature.Index, line, networkCode ?? "", material, diameter, section, startDepth, endDepth,
                    pressure, owner, year, status, quality, externalId));
        }
        return new PipeImportReport(file.Features.Count, drafts, problems, null);
    }

    static Dictionary<string, string> Networks(PipeImportOptions options)
    {
        var networks = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in options.NetworkCodes) networks[code.Trim()] = code;
        foreach (var (alias, code) in options.NetworkAliases ?? new Dictionary<string, string>())
            if (options.NetworkCodes.Contains(code)) networks.TryAdd(alias.Trim(), code);
        return networks;
    }

    /// <summary>The feature as one line: a LineString, or a MultiLineString whose parts join end to end; else null.</summary>
    static LineString? Line(Geometry g)
    {
        if (g is LineString line) return line;
        if (g is not MultiLineString multi) return null;
        var merger = new LineMerger();
        merger.Add((Geometry)multi);
        return merger.GetMergedLineStrings() is [LineString merged] ? WithSrid(merged, g.SRID) : null;
    }

    static LineString WithSrid(LineString line, int srid)
    {
        line.SRID = srid;
        return line;
    }

    /// <summary>Same line in either direction, to the millimetre.</summary>
    static string GeometryKey(LineString line)
    {
        var coordinates = line.Coordinates.Select(c => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(c.X, 3)} {Math.Round(c.Y, 3)}")).ToList();
        var reversed = Enumerable.Reverse(coordinates).ToList();
        return string.Join(',', string.CompareOrdinal(string.Join(',', coordinates), string.Join(',', reversed)) <= 0 ? coordinates : reversed);
    }

    sealed class AttributeReader(int index, PipeImportOptions options, List<PipeImportProblem> problems)
    {
        void Add(PipeAttribute attribute, string key, params object[] arguments) => problems.Add(new(index, attribute, new GisMessage(key, arguments)));

        void Missing(PipeAttribute attribute)
        {
            if (options.Required.HasFlag(attribute)) Add(attribute, "Problem_AttributeMissing", new GisMessage("Attribute_" + attribute));
        }

        public string? Text(IReadOnlyDictionary<string, object?> a, PipeAttribute attribute, string[] names)
        {
            if (PipeAttributeAliases.Find(a, names) is { } found) return Convert.ToString(found.Value, CultureInfo.InvariantCulture)!.Trim();
            Missing(attribute);
            return null;
        }

        /// <summary>A diameter in mm ("DN300", "Φ300", "300mm", 300) or a section ("1000×800", "1.2x1.0"); a section may sit in the diameter column.</summary>
        public (int? Diameter, string? Section) Size(IReadOnlyDictionary<string, object?> a)
        {
            var diameter = PipeAttributeAliases.Find(a, PipeAttributeAliases.Diameter);
            var section = PipeAttributeAliases.Find(a, PipeAttributeAliases.Section);
            if (diameter is null && section is null)
            {
                Missing(PipeAttribute.Size);
                return (null, null);
            }
            int? mm = null;
            string? text = null;
            if (diameter is { } d)
            {
                var value = Convert.ToString(d.Value, CultureInfo.InvariantCulture)!.Trim();
                if (SectionText(value) is { } s) text = s;
                else if (Number(DiameterPattern().Match(value) is { Success: true } m ? m.Groups[1].Value : value) is { } n)
                {
                    if (n <= 0 || n > 10_000) Add(PipeAttribute.Size, "Problem_DiameterOutOfRange", d.Column, value);
                    else mm = (int)Math.Round(n);
                }
                else Add(PipeAttribute.Size, "Problem_ValueUnreadable", d.Column, value);
            }
            if (section is { } sec)
            {
                var value = Convert.ToString(sec.Value, CultureInfo.InvariantCulture)!.Trim();
                text ??= SectionText(value) ?? value;
            }
            return (mm, text);
        }

        public decimal? Depth(IReadOnlyDictionary<string, object?> a, PipeAttribute attribute, string[] names, (string Column, object Value)? bothEnds)
        {
            if ((PipeAttributeAliases.Find(a, names) ?? bothEnds) is not { } found)
            {
                Missing(attribute);
                return null;
            }
            var text = Convert.ToString(found.Value, CultureInfo.InvariantCulture)!.Trim();
            if (Number(DepthUnit().Replace(text, "")) is not { } metres)
            {
                Add(attribute, "Problem_ValueUnreadable", found.Column, text);
                return null;
            }
            var depth = Math.Round((decimal)metres, 3);
            if (depth < options.MinDepthM || depth > options.MaxDepthM)
            {
                Add(attribute, "Problem_DepthOutOfRange", found.Column, depth, options.MinDepthM, options.MaxDepthM);
                return null;
            }
            return depth;
        }

        /// <summary>The year of "2015", "2015年", "2015-06-01", a date or a number.</summary>
        public int? Year(IReadOnlyDictionary<string, object?> a)
        {
            if (PipeAttributeAliases.Find(a, PipeAttributeAliases.BuildYear) is not { } found)
            {
                Missing(PipeAttribute.BuildYear);
                return null;
            }
            var text = Convert.ToString(found.Value, CultureInfo.InvariantCulture)!.Trim();
            int? year = found.Value switch
            {
                DateTime date => date.Year,
                DateOnly date => date.Year,
                _ => YearPattern().Match(text) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null,
            };
            if (year is null)
            {
                Add(PipeAttribute.BuildYear, "Problem_ValueUnreadable", found.Column, text);
                return null;
            }
            var latest = DateTime.UtcNow.Year + 1;
            if (year < options.MinBuildYear || year > latest)
            {
                Add(PipeAttribute.BuildYear, "Problem_YearOutOfRange", found.Column, year, options.MinBuildYear, latest);
                return null;
            }
            return year;
        }

        static double? Number(string text) =>
            double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

        static string? SectionText(string value) =>
            SectionPattern().Match(value) is { Success: true } m ? m.Groups[1].Value + "×" + m.Groups[2].Value : null;
    }

    [GeneratedRegex(@"^(?:DN|De|D|Φ|φ|Ø|ø)?\s*=?\s*(\d+(?:\.\d+)?)\s*(?:mm)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DiameterPattern();

    [GeneratedRegex(@"^(?:B\s*[×xX*]\s*H\s*)?(\d+(?:\.\d+)?)\s*[×xX*]\s*(\d+(?:\.\d+)?)\s*(?:mm|m)?$")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"\s*(?:m|米)$", RegexOptions.IgnoreCase)]
    private static partial Regex DepthUnit();

    [GeneratedRegex(@"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")]
    private static partial Regex YearPattern();
}
