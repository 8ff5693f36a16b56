using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>Keys and values by position: a value follows its label on the line, or sits to its right on the same row.</summary>
internal sealed partial class Layout(IReadOnlyList<TextLine> lines)
{
    public IReadOnlyList<TextLine> Lines { get; } = MergeFragments(lines);

    /// <summary>
    /// OCR splits spaced-out labels ("名    称：", "合    计") into pieces; pieces on one row closer than a character
    /// height belong together. Wider gaps separate a label from its value and are kept.
    /// </summary>
    private static List<TextLine> MergeFragments(IReadOnlyList<TextLine> lines)
    {
        var result = new List<TextLine>();
        // Whether each kept line is a short CJK piece, computed once per text (OFD pages carry hundreds of lines).
        var shortCjk = new List<bool>();
        foreach (var line in lines.OrderBy(l => l.X))
        {
            var lineShort = IsShortCjk(line.Text);
            var labelTail = lineShort && IsLabelTail(line.Text);
            // Two label pieces ("名" + "称") may be far apart; a piece and a longer text only when nearly touching. A label's
            // tail ("称：") joins the CJK text before it across a wider gap — paper invoices spread 名称 over the width of
            // 纳税人识别号 — when nothing stands between them.
            var i = -1;
            for (var k = 0; k < result.Count; k++)
            {
                var r = result[k];
                if (r.X > line.X || line.Right <= r.Right || Math.Abs(r.CenterY - line.CenterY) >= Math.Min(r.Height, line.Height) * 0.4
                    || !(shortCjk[k] || lineShort))
                    continue;
                var gap = line.X - r.Right;
                var height = Math.Min(r.Height, line.Height);
                if (gap < height * (shortCjk[k] && lineShort ? 1.8 : 0.9)
                    || (labelTail && gap < height * 4 && EndsWithCjk(r.Text) && !result.Any(o => !ReferenceEquals(o, r)
                        && o.X >= r.Right && o.X < line.X && Math.Abs(o.CenterY - line.CenterY) < height * 0.5)))
                {
                    i = k;
                    break;
                }
            }
            if (i < 0)
            {
                result.Add(line);
                shortCjk.Add(lineShort);
                continue;
            }
            var r0 = result[i];
            float top = Math.Min(r0.Y, line.Y), bottom = Math.Max(r0.Bottom, line.Bottom);
            result[i] = r0 with { Text = r0.Text + " " + line.Text, Width = line.Right - r0.X, Y = top, Height = bottom - top,
                                   Confidence = Math.Min(r0.Confidence, line.Confidence) };
            shortCjk[i] = IsShortCjk(result[i].Text);
        }
        return result.OrderBy(l => l.Y).ThenBy(l => l.X).ToList();
    }

    /// <summary>Fragments worth joining are one or two CJK characters (a split label), never amounts or codes.</summary>
    private static bool IsShortCjk(string text)
    {
        var t = text.Trim().TrimEnd(':', '：');
        return t.Length is > 0 and <= 2 && t.All(c => c >= 0x3400);
    }

    /// <summary>Ends with a colon: with <see cref="IsShortCjk"/>, the tail of a spaced-out label ("称：").</summary>
    private static bool IsLabelTail(string text) => text.TrimEnd().EndsWith(':') || text.TrimEnd().EndsWith('：');

    private static bool EndsWithCjk(string text) => text.TrimEnd() is { Length: > 0 } t && t[^1] >= 0x3400;

    public static string Compact(string s) => TextNormalizer.Compact(s);

    private readonly Dictionary<string, string> _compact = new(StringComparer.Ordinal);

    /// <summary>The line's compact text, normalised once per text (label searches scan every line many times).</summary>
    public string CompactOf(TextLine line)
    {
        if (!_compact.TryGetValue(line.Text, out var c)) _compact[line.Text] = c = TextNormalizer.Compact(line.Text);
        return c;
    }

    public bool SameRow(TextLine a, TextLine b)
    {
        var h = Math.Max(Math.Min(a.Height, b.Height), 1);
        return Math.Abs(a.CenterY - b.CenterY) < h * 0.6;
    }

    /// <summary>Lines on the label's row to its right, nearest first.</summary>
    public IEnumerable<TextLine> RightOf(TextLine label) =>
        Lines.Where(l => !ReferenceEquals(l, label) && SameRow(label, l) && l.X >= label.X + label.Width * 0.5)
             .OrderBy(l => l.X);

    /// <summary>Lines just below the label (within two line heights), nearest first.</summary>
    public IEnumerable<TextLine> Below(TextLine label) =>
        Lines.Where(l => l.Y > label.CenterY && l.Y - label.Bottom < label.Height * 2.5 && l.Right > label.X && l.X < label.Right + label.Width * 3)
             .OrderBy(l => l.Y);

    /// <summary>Candidate values for a label: the text after it on the same line, then the lines to its right.</summary>
    public IEnumerable<(string Value, TextLine Line)> ValuesOf(Func<string, int> labelEnd)
    {
        foreach (var line in Lines)
        {
            var compact = CompactOf(line);
            var end = labelEnd(compact);
            if (end < 0) continue;
            var rest = compact[end..];
            if (rest.Length > 0) yield return (rest, line);
            // A neighbour carrying the same label is another field's (e.g. the seller's 名称 beside the buyer's).
            foreach (var r in RightOf(line).Where(r => labelEnd(CompactOf(r)) < 0).Take(2)) yield return (CompactOf(r), r);
        }
    }

    public static Func<string, int> Label(params string[] labels) => compact =>
    {
        foreach (var l in labels)
        {
            var i = compact.IndexOf(l, StringComparison.Ordinal);
            if (i >= 0) return i + l.Length;
        }
        return -1;
    };

    public static IEnumerable<decimal> Amounts(string text)
    {
        // OCR sometimes reads the decimal point of a lone amount as a dash ("28-90").
        var lone = LoneDashedAmount().Match(text.Trim());
        if (lone.Success)
        {
            yield return decimal.Parse(lone.Groups[1].Value + "." + lone.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            yield break;
        }
        // After a currency sign, OCR's O is a zero and a colon the decimal point ("RM5:O0").
        var cleaned = AfterCurrency().Replace(TextNormalizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal),
            m => m.Groups[1].Value + m.Groups[2].Value.Replace('O', '0').Replace('o', '0').Replace(':', '.'));
        foreach (Match m in AmountPattern().Matches(cleaned))
            if (Parsing.Amount(m.Groups[1].Value) is { } d) yield return m.Value.StartsWith('-') ? -Math.Abs(d) : d;
    }

    [GeneratedRegex(@"(RM|[¥￥$])([\dOo:.,]+)")]
    private static partial Regex AfterCurrency();
    [GeneratedRegex(@"^(?:RM|[¥￥$])?\s*(\d{1,6})-(\d{2})$")]
    private static partial Regex LoneDashedAmount();
    [GeneratedRegex(@"-?[¥￥$]?(\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})(?!\d)")]
    private static partial Regex AmountPattern();
}
