using System.Globalization;
using System.Text;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>Reduces free text to what a bank profile allows: its character set, then its length, counted in characters.</summary>
public static class TextReducer
{
    private const string SwiftPunctuation = "/-?:().,'+ ";

    // Full-width punctuation found in registered Chinese names (上海某某（北京）有限公司, 阿卜杜·热合曼).
    private const string ChinesePunctuation = "（）·・、，。：；－／—";

    // Letters whose Latin form is not their decomposition's base letter.
    private static readonly Dictionary<char, string> Special = new()
    {
        ['ß'] = "ss", ['ẞ'] = "SS", ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE", ['ø'] = "o", ['Ø'] = "O",
        ['ł'] = "l", ['Ł'] = "L", ['đ'] = "d", ['Đ'] = "D", ['ð'] = "d", ['Ð'] = "D", ['þ'] = "th", ['Þ'] = "TH", ['ı'] = "i",
        ['&'] = "+", ['_'] = "-", ['"'] = "'", ['‘'] = "'", ['’'] = "'", ['“'] = "'", ['”'] = "'", ['–'] = "-", ['—'] = "-",
        ['（'] = "(", ['）'] = ")", ['，'] = ",", ['。'] = ".", ['：'] = ":", ['；'] = ",", ['／'] = "/",
    };

    public static bool IsSwiftLatin(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || SwiftPunctuation.Contains(c, StringComparison.Ordinal);

    /// <summary>The text in the profile's character set, whitespace collapsed, at most <paramref name="maxLength"/> characters.</summary>
    public static string Reduce(string? text, BankTextProfile profile, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var mapped = profile.CharacterSet switch
        {
            BankCharacterSet.SwiftLatin => ToSwiftLatin(text, profile.Replacement),
            BankCharacterSet.ChineseBank => ToChineseBank(text, profile.Replacement),
            _ => ToXmlSafe(text.Normalize(NormalizationForm.FormC)),
        };
        return Truncate(CollapseWhitespace(mapped), maxLength);
    }

    /// <summary>True when the identifier is 1..max characters and every one is in the profile's set.</summary>
    public static bool IsValidIdentifier(string? value, BankTextProfile profile) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= profile.MaxIdentifierLength && value.Trim() == value
        && (profile.CharacterSet == BankCharacterSet.Unicode ? ToXmlSafe(value) == value : value.All(IsSwiftLatin));

    private static string ToSwiftLatin(string text, char replacement)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (IsSwiftLatin(c)) sb.Append(c);
            else if (Special.TryGetValue(c, out var latin)) sb.Append(latin);
            else if (char.IsWhiteSpace(c)) sb.Append(' ');
            else if (!char.IsLowSurrogate(c)) sb.Append(replacement);
        }
        return sb.ToString();
    }

    /// <summary>CJK ideographs: the unified blocks, extension A, the compatibility block and the supplementary planes' extensions.</summary>
    public static bool IsHan(Rune rune) =>
        rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x323AF or 0x3007;

    // Chinese kept rune by rune; anything else goes the SWIFT way (é → e), so a foreign employee's name still reads.
    private static string ToChineseBank(string text, char replacement)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (IsHan(rune) || (rune.IsBmp && ChinesePunctuation.Contains((char)rune.Value, StringComparison.Ordinal))) sb.Append(rune.ToString());
            else sb.Append(ToSwiftLatin(rune.ToString(), replacement));
        }
        return sb.ToString();
    }

    private static string ToXmlSafe(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            var allowed = v is 0x9 or 0xA or 0xD || v is >= 0x20 and <= 0xD7FF || v is >= 0xE000 and <= 0xFFFD || v >= 0x10000;
            if (allowed && !Rune.IsControl(rune)) sb.Append(rune.ToString());
            else if (Rune.IsWhiteSpace(rune)) sb.Append(' ');
        }
        return sb.ToString();
    }

    private static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // The schema counts characters (code points), so a surrogate pair is never split.
    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var sb = new StringBuilder(maxLength);
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (count++ == maxLength) break;
            sb.Append(rune.ToString());
        }
        return sb.ToString().TrimEnd();
    }
}
