namespace TechZone.Demands;

/// <summary>
/// How alike two short texts are, for flagging possible duplicate demands: the Dice coefficient of their character
/// bigrams. Chinese has no spaces, so words are not a usable unit; bigrams of letters and digits and CJK characters
/// are, and "停车位不足" and "园区停车位严重不足" share most of theirs.
/// </summary>
public static class TextSimilarity
{
    /// <summary>At 0.45 a rewording of one problem matches and a different problem of the same category does not (see the tests).</summary>
    public const double DuplicateThreshold = 0.45;

    public static HashSet<string> Shingles(string text)
    {
        var chars = text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++) set.Add(new string(chars, i, 2));
        if (set.Count == 0 && chars.Length == 1) set.Add(chars[0].ToString());
        return set;
    }

    public static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var common = a.Count < b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return 2.0 * common / (a.Count + b.Count);
    }
}
