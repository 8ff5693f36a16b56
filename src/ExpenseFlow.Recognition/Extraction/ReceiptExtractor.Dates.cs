using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>The transaction date of a receipt, among every date printed on it.</summary>
internal static partial class ReceiptExtractor
{
    /// <summary>
    /// Every date on the page, read in the document's day/month order (a day over 12 anywhere decides; day-first when nothing
    /// does, as Malaysian, Chinese and British receipts print), scored by its label and whether a time stands beside it: the
    /// transaction is stamped with a time, and labelled DATE/TARIKH/日期, while due, expiry and printed-on dates say so.
    /// </summary>
    private static (DateOnly Date, double Confidence)? Date(Layout layout)
    {
        // A receipt is not dated in the future: a misread year ("2072") is skipped for the next date on the page.
        var latest = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var order = DocumentOrder(layout.Lines);
        (DateOnly Date, int Score, TextLine Line)? best = null;
        foreach (var line in layout.Lines)
        {
            foreach (var found in Parsing.Dates(line.Text, order))
            {
                if (found.Date > latest) continue;
                var before = LabelsBefore(layout, line, line.Text[..Math.Min(found.Index, line.Text.Length)]);
                var score = TransactionDate().IsMatch(before) ? 2 : 0;
                if (OtherDate().IsMatch(before)) score -= 3;
                var after = line.Text[Math.Min(found.Index + found.Length, line.Text.Length)..];
                if (found.WithTime || Time().IsMatch(after) || layout.RightOf(line).Any(r => Time().IsMatch(r.Text))) score++;
                // Reading order breaks ties: the heading's date comes before reprints, warranties and vouchers further down.
                if (best is null || score > best.Value.Score) best = (found.Date, score, line);
            }
        }
        return best is { } b ? (b.Date, b.Line.Confidence) : null;
    }

    /// <summary>The order the page's unambiguous numeric dates show (the majority if they disagree); day-first otherwise.</summary>
    private static DateOrder DocumentOrder(IReadOnlyList<TextLine> lines)
    {
        var votes = lines.Select(l => Parsing.OrderEvidence(l.Text)).Where(o => o is not null).ToList();
        return votes.Count(v => v == DateOrder.MonthFirst) > votes.Count(v => v == DateOrder.DayFirst) ? DateOrder.MonthFirst : DateOrder.DayFirst;
    }

    /// <summary>
    /// The label text of a date: what precedes it on its line, the label boxes to its left on the same row, and a bare label
    /// line just above it ("Date:" over "20/10/2016").
    /// </summary>
    private static string LabelsBefore(Layout layout, TextLine line, string prefix)
    {
        var left = layout.Lines.Where(l => !ReferenceEquals(l, line) && layout.SameRow(l, line) && l.Right <= line.X + line.Height)
            .OrderBy(l => l.X).Select(l => l.Text);
        var above = layout.Lines.Where(l => l.Bottom <= line.CenterY && line.Y - l.Bottom < line.Height && l.Right > line.X && l.X < line.Right
                                            && Parsing.Dates(l.Text).Count == 0 && l.Text.Trim().Length <= 12)
            .OrderByDescending(l => l.Y).Take(1).Select(l => l.Text);
        return string.Join(' ', above.Concat(left).Append(prefix));
    }

    [GeneratedRegex(@"\bD[AO]TE\b|TARIKH|\bTGL\b|日期|时间|\bDATED\b", RegexOptions.IgnoreCase)]
    private static partial Regex TransactionDate();
    [GeneratedRegex(@"DUE|EXP(IRY|IRES?|\b|\.)|VALID|BEFORE|USE\s*BY|PRINT|BIRTH|\bDOB\b|JOIN|SINCE|\bNEXT\b|DELIVER|COLLECT|WARRANT|到期|有效期|过期|打印", RegexOptions.IgnoreCase)]
    private static partial Regex OtherDate();
    [GeneratedRegex(@"(?<!\d)\d{1,2}:\d\d")]
    private static partial Regex Time();
}
