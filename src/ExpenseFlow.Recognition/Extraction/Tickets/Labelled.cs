using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction.Tickets;

/// <summary>
/// A labelled value on a ticket: after the label on its line, on the lines to its right, or — in a table whose header
/// row holds the labels (an itinerary's 票价 | 民航发展基金 | 燃油附加费 | 合计) — in the line below the label.
/// </summary>
internal static class Labelled
{
    public static (string Value, TextLine Line)? Find(Layout layout, Regex pattern, params string[] labels)
    {
        var ordered = labels.OrderByDescending(l => l.Length).ToArray();
        foreach (var line in layout.Lines.OrderBy(l => l.Y).ThenBy(l => l.X))
        {
            // Without spaces but with colons: a time's colon is part of its value ("上车：08:12").
            var loose = Loose(line.Text);
            var end = LabelEnd(loose, ordered);
            if (end < 0) continue;
            // A bilingual label's English part up to its colon is still the label ("客人姓名 Guest Name:孙丽").
            var rest = EnglishLabel().Replace(loose[end..], "").TrimStart(':', '：');
            if (pattern.Match(rest) is { Success: true } here) return (Value(here), line);
            foreach (var right in layout.RightOf(line).Take(2))
            {
                var text = Loose(right.Text).TrimStart(':', '：');
                // The next header cell is another label: its value is below it, not this one's.
                if (IsOtherLabel(text)) break;
                if (pattern.Match(text) is { Success: true } m) return (Value(m), right);
            }
            foreach (var below in BelowAligned(layout, line))
                if (pattern.Match(Loose(below.Text)) is { Success: true } m) return (Value(m), below);
        }
        return null;
    }

    public static decimal? Amount(Layout layout, out double confidence, params string[] labels)
    {
        confidence = 0;
        if (Find(layout, AmountPattern, labels) is not { } found) return null;
        confidence = found.Line.Confidence;
        return TicketText.LastDecimal(found.Value) ?? Parsing.Amount(found.Value);
    }

    /// <summary>
    /// Where the first of the labels ends in the text (longest labels first, so 入口站 wins over 入口); a Latin label is a
    /// whole word — no letter before or after it ("TO" is not found in "RECEIPTOFE").
    /// </summary>
    private static int LabelEnd(string loose, string[] labels)
    {
        foreach (var label in labels)
        {
            var latin = label.All(char.IsAscii);
            for (var i = loose.IndexOf(label, latin ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal); i >= 0;
                 i = loose.IndexOf(label, i + 1, latin ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                var end = i + label.Length;
                if (latin && ((i > 0 && char.IsAsciiLetter(loose[i - 1])) || (end < loose.Length && char.IsAsciiLetter(loose[end])))) continue;
                return end;
            }
        }
        return -1;
    }

    private static string Loose(string text) => new(TextNormalizer.Normalize(text).Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Group "v" when the pattern names one, else the whole match.</summary>
    private static string Value(Match m) => m.Groups["v"].Success ? m.Groups["v"].Value : m.Value;

    /// <summary>Lines below the label that overlap its column, within three of its heights, nearest first.</summary>
    private static IEnumerable<TextLine> BelowAligned(Layout layout, TextLine label) =>
        layout.Lines.Where(l => l.Y > label.CenterY && l.Y - label.Bottom < label.Height * 3
                                && l.X < label.Right + label.Height && l.Right > label.X - label.Height)
                    .OrderBy(l => l.Y).Take(2);

    /// <summary>A cell of characters only (no digits, no Latin): another field's label, whose value lies below it.</summary>
    private static bool IsOtherLabel(string text) => text.TrimEnd(':', '：') is { Length: > 1 and <= 10 } t && t.All(ch => ch >= 0x3400 && ch < 0xA000);

    /// <summary>The English half of a bilingual label, up to its colon.</summary>
    private static readonly Regex EnglishLabelPattern = new(@"^[A-Za-z][A-Za-z./ ]{1,30}[:：]", RegexOptions.CultureInvariant);

    private static Regex EnglishLabel() => EnglishLabelPattern;

    /// <summary>An amount: digits with a decimal point, after an optional sign or currency code.</summary>
    public static readonly Regex AmountPattern = new(@"(?<v>(?:[¥￥]|CNY|RMB|CN|YQ)?(?<![\d,.])(?:\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+\.\d{1,2})|[¥￥]\d+)", RegexOptions.CultureInvariant);
}
