namespace TechZone.Chains;

/// <summary>Where a segment's box sits on the drawn map.</summary>
public sealed record MapBox(SegmentItem Segment, double X, double Y, double Width, double Height);

/// <summary>A stage's column of the map.</summary>
public sealed record MapColumn(ChainStage Stage, double X, double Width);

/// <summary>
/// The chain map's geometry: upstream → midstream → downstream columns, each segment a box in tree order under its
/// stage, sub-segments indented beneath their parent. Pure arithmetic, so the drawing (an SVG the page renders and the
/// browser exports) stays simple.
/// </summary>
public sealed record MapLayout(double Width, double Height, IReadOnlyList<MapColumn> Columns, IReadOnlyList<MapBox> Boxes)
{
    public const double ColumnWidth = 310, Gap = 48, Pad = 16, Title = 44, Header = 40, RowGap = 10, TopHeight = 62, ChildHeight = 54, Indent = 20;

    public static MapLayout Of(IReadOnlyList<SegmentItem> segments)
    {
        var columns = new List<MapColumn>();
        var boxes = new List<MapBox>();
        var bottom = Pad + Title + Header;
        foreach (var (stage, i) in Enum.GetValues<ChainStage>().Select((s, i) => (s, i)))
        {
            var x = Pad + i * (ColumnWidth + Gap);
            columns.Add(new MapColumn(stage, x, ColumnWidth));
            var y = Pad + Title + Header + RowGap;
            foreach (var s in segments.Where(s => s.Stage == stage))
            {
                var h = s.Depth == 0 ? TopHeight : ChildHeight;
                var indent = Math.Min(s.Depth, 4) * Indent;
                boxes.Add(new MapBox(s, x + indent, y, ColumnWidth - indent, h));
                y += h + RowGap;
            }
            bottom = Math.Max(bottom, y);
        }
        return new MapLayout(Pad * 2 + 3 * ColumnWidth + 2 * Gap, bottom + Pad, columns, boxes);
    }
}
