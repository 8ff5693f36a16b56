using System.Text.RegularExpressions;

namespace ExpenseFlow.Recognition.Invoices;

/// <summary>Unified social credit code (GB 32100-2015) check character.</summary>
public static partial class Uscc
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (v < 0) return false;
            sum += v * Weights[i];
        }
        var check = 31 - sum % 31;
        if (check == 31) check = 0;
        return code[17] == Alphabet[check];
    }

    /// <summary>Shape of a taxpayer id printed on invoices: an 18-char USCC or an older 15/20-char number.</summary>
    public static bool LooksLikeTaxId(string s) =>
        s.Length is 15 or 17 or 18 or 20 && s.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)) && s.Count(char.IsAsciiDigit) >= 6;

    /// <summary>
    /// What a text line's reading says of the unified social credit codes in it, for the OCR's second look: false when a
    /// code looks misread — 18 characters failing the check character, or 16, 17 or 19 (one character lost or doubled) —,
    /// true when every code passes, null when the line holds none. Runs of digits only (invoice numbers and codes, bank
    /// accounts) count only on a line labelled as a taxpayer id; 15- and 20-character taxpayer numbers carry no check.
    /// </summary>
    public static bool? CheckReading(string text)
    {
        var upper = text.ToUpperInvariant();
        var labelled = upper.Contains("识别号", StringComparison.Ordinal) || upper.Contains("信用代码", StringComparison.Ordinal)
                       || upper.Contains("税号", StringComparison.Ordinal);
        bool? verdict = null;
        foreach (Match m in CodeToken().Matches(upper))
        {
            var token = m.Value;
            if (token.Count(char.IsAsciiDigit) < 6 || (!labelled && token.All(char.IsAsciiDigit))) continue;
            if (token.Length is 16 or 17 or 19 || (token.Length == 18 && !IsValid(token))) return false;
            if (token.Length == 18) verdict = true;
        }
        return verdict;
    }

    [GeneratedRegex("(?<![0-9A-Z])[0-9A-Z]{15,20}(?![0-9A-Z])")]
    private static partial Regex CodeToken();

    /// <summary>When an OCR reading fails the check, the unique one-character fix among look-alikes that passes, else null.</summary>
    public static string? RepairOneCharacter(string code)
    {
        if (code.Length != 18 || IsValid(code)) return null;
        var candidates = new List<(string Code, int Rank)>();
        for (var i = 0; i < 18; i++)
        {
            foreach (var alt in LookAlikes(code[i]))
            {
                var candidate = string.Concat(code.AsSpan(0, i), alt.ToString(), code.AsSpan(i + 1));
                if (!IsValid(candidate)) continue;
                // Characters 3–8 are a region code (digits only) and most organisation codes are digits: a letter read
                // where a digit belongs is the likeliest misread.
                var rank = (i is >= 2 and <= 7 && !char.IsAsciiDigit(code[i])) ? 0 : char.IsAsciiDigit(alt) && !char.IsAsciiDigit(code[i]) ? 1 : 2;
                candidates.Add((candidate, rank));
            }
        }
        if (candidates.Count == 0) return null;
        var best = candidates.Min(c => c.Rank);
        var top = candidates.Where(c => c.Rank == best).Select(c => c.Code).Distinct().ToList();
        return top.Count == 1 ? top[0] : null;
    }

    private static IEnumerable<char> LookAlikes(char c) => c switch
    {
        '0' => ['D', 'Q', '8'], 'O' => ['0', 'D', 'Q'], 'D' => ['0'], 'Q' => ['0'],
        '1' => ['7', 'L', 'T'], 'I' => ['1', 'L', 'T'], 'L' => ['1'], 'T' => ['1', '7'],
        '2' => ['Z'], 'Z' => ['2'], '5' => ['S'], 'S' => ['5'], '8' => ['B', '3', '0'], 'B' => ['8'],
        '6' => ['G'], 'G' => ['6'], 'U' => ['V', 'W'], 'V' => ['U', 'Y'], 'W' => ['M'], 'M' => ['W', 'N'],
        'N' => ['M'], '3' => ['8'], '7' => ['1', 'T'], '4' => ['A'], 'A' => ['4'], 'K' => ['X'], 'X' => ['K', 'Y'],
        'Y' => ['X', 'V'], 'H' => ['N'], 'P' => ['R'], 'R' => ['P'], 'C' => ['G'], 'E' => ['F'], 'F' => ['E'],
        _ => [],
    };
}
