namespace TechZone.Enterprises;

/// <summary>
/// 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-symbol alphabet (no I, O, Z, S, V);
/// the 18th is a check character over the first 17 with weights 3^i mod 31.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != Length) return false;
        for (var i = 0; i < Length; i++)
            if (Alphabet.IndexOf(code[i]) < 0) return false;
        return CheckCharacter(code.AsSpan(0, 17)) == code[17];
    }

    /// <summary>The check character for the first 17 characters (which must be in the alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("17 characters expected", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not a credit-code character", nameof(first17));
            sum += value * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>
    /// A valid code for an enterprise (registration authority 9 = market regulation, type 1 = enterprise)
    /// in the given 6-digit administrative division, with a GB 11714 organization code made from <paramref name="serial"/>.
    /// Used for demo and scale data.
    /// </summary>
    public static string Make(string division, long serial)
    {
        if (division.Length != 6) throw new ArgumentException("6-digit division expected", nameof(division));
        var body = (serial % 100_000_000).ToString("D8");
        int[] w = [3, 7, 9, 10, 5, 8, 4, 2];
        var s = 0;
        for (var i = 0; i < 8; i++) s += (body[i] - '0') * w[i];
        var c = 11 - s % 11;
        var orgCheck = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
        var first17 = "91" + division + body + orgCheck;
        return first17 + CheckCharacter(first17);
    }
}
