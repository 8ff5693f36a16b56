using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>Keys and values by position: a value follows its label on the line, or sits to its right on the same row.</summary>
internal sealed partial class Layout(IReadOnlyList<TextLine> lines)
{
    public IReadOnlyList<TextLine> Lines { get; } = lines;

    public static string Compact(string s) => TextNormalizer.Compact(s);

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
            var compact = Compact(line.Text);
            var end = labelEnd(compact);
            if (end < 0) continue;
            var rest = compact[end..];
            if (rest.Length > 0) yield return (rest, line);
            foreach (var r in RightOf(line).Take(2)) yield return (Compact(r.Text), r);
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
        foreach (Match m in AmountPattern().Matches(TextNormalizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal)))
            if (Parsing.Amount(m.Groups[1].Value) is { } d) yield return m.Value.StartsWith('-') ? -Math.Abs(d) : d;
    }

    [GeneratedRegex(@"^(?:RM|[¥￥$])?\s*(\d{1,6})-(\d{2})$")]
    private static partial Regex LoneDashedAmount();
    [GeneratedRegex(@"-?[¥￥$]?(\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})(?!\d)")]
    private static partial Regex AmountPattern();
}
