using System.Text;

namespace TechZone.Pipelines.Gis;

/// <summary>Text encodings of the files people bring: UTF-8 when the bytes are valid UTF-8, else GBK (read as GB18030, its superset).</summary>
static class GisText
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Gbk => CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    public static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>A .cpg's code page name as an encoding; null when it names none TechZone knows (then the bytes decide).</summary>
    public static Encoding? FromCodePageName(string? name)
    {
        var text = name?.Trim().ToUpperInvariant();
        return text switch
        {
            null or "" => null,
            "UTF-8" or "UTF8" or "65001" => new UTF8Encoding(false),
            "GBK" or "GB2312" or "GB18030" or "936" or "CP936" or "54936" or "ANSI 936" or "CP54936" => Gbk,
            _ => TryGet(text),
        };
    }

    static Encoding? TryGet(string name)
    {
        try { return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>Decodes a text file: a BOM decides, else UTF-8 when valid, else GBK.</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        if (bytes is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        return IsUtf8(bytes) ? Encoding.UTF8.GetString(bytes) : Gbk.GetString(bytes);
    }

    /// <summary>A column name as the alias lists spell it: lower case, without spaces, underscores, dashes, brackets or a BOM.</summary>
    public static string NormalizeName(string name) =>
        new([.. name.Trim().ToLowerInvariant().Where(c => c is not (' ' or '_' or '-' or '(' or ')' or '（' or '）' or '\uFEFF'))]);
}
