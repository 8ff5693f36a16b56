using ExpenseFlow.Recognition.Extraction.Tickets;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>
/// Several documents on one page (a 粘贴单 of tickets glued on a sheet, two receipts side by side): the text lines fall
/// into islands separated by more blank space than lies between the lines of one document. An island is a document when
/// it shows what a document shows on its own (a ticket kind's marks, an invoice's number label, or a receipt's total
/// with enough lines); islands that do not (a stamp, a handwritten note, a torn-off heading) join the nearest document.
/// One document found means no split: the page is read whole, as before.
/// </summary>
internal static class DocumentSplitter
{
    /// <summary>Blank space that still joins two lines of one document, in heights of the smaller line.</summary>
    private const float JoinGap = 2f;

    public static List<List<TextLine>>? Split(IReadOnlyList<TextLine> lines)
    {
        if (lines.Count < 8) return null;
        var islands = Islands(lines);
        if (islands.Count < 2) return null;
        var marked = islands.Where(HasMarks).ToList();
        // A receipt's total alone does not make an island a document when it lies above or below another: a receipt's own
        // header and body can be that far apart. Side by side (no horizontal overlap with any other) it does.
        var receipts = islands.Where(i => !marked.Contains(i) && HasReceiptTotal(i)).ToList();
        var documents = marked.Concat(receipts.Where(r => islands.Where(o => o != r && (marked.Contains(o) || receipts.Contains(o)))
            .All(o => HorizontallyApart(Box(r), Box(o))))).ToList();
        if (documents.Count < 2) return null;
        foreach (var rest in islands.Where(i => !documents.Contains(i)))
        {
            var box = Box(rest);
            documents.OrderBy(d => Distance(Box(d), box)).First().AddRange(rest);
        }
        // Reading order: rows of documents top to bottom (documents whose heights overlap by half share a row), left to right.
        var rows = new List<List<List<TextLine>>>();
        foreach (var d in documents.OrderBy(d => Box(d).Y))
        {
            var box = Box(d);
            var row = rows.FirstOrDefault(r => r.Any(o => VerticalOverlap(Box(o), box) > 0.5f));
            if (row is null) rows.Add([d]);
            else row.Add(d);
        }
        return rows.SelectMany(r => r.OrderBy(d => Box(d).X)).ToList();
    }

    /// <summary>Groups of lines connected by gaps below <see cref="JoinGap"/> line heights (union-find over pairs).</summary>
    private static List<List<TextLine>> Islands(IReadOnlyList<TextLine> lines)
    {
        var parent = Enumerable.Range(0, lines.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < lines.Count; i++)
        for (var j = i + 1; j < lines.Count; j++)
        {
            var a = lines[i];
            var b = lines[j];
            var h = Math.Max(4, Math.Min(a.Height, b.Height)) * JoinGap;
            var dx = Math.Max(0, Math.Max(a.X, b.X) - Math.Min(a.Right, b.Right));
            var dy = Math.Max(0, Math.Max(a.Y, b.Y) - Math.Min(a.Bottom, b.Bottom));
            if (dx <= h * 1.5f && dy <= h) parent[Find(i)] = Find(j);
        }
        return Enumerable.Range(0, lines.Count).GroupBy(Find).Select(g => g.Select(i => lines[i]).ToList()).ToList();
    }

    /// <summary>
    /// A ticket kind's marks or an invoice's number label, with an amount: a document on its own. A heading torn from
    /// its body by blank space (an itinerary's title and serial) has the marks but no amount.
    /// </summary>
    private static bool HasMarks(List<TextLine> island)
    {
        if (!island.Any(l => HasAmount(l.Text))) return false;
        if (DocumentClassifier.Classify(island) is not null) return true;
        var compact = Compact(island);
        return compact.Contains("发票号码", StringComparison.Ordinal) || compact.Contains("价税合计", StringComparison.Ordinal);
    }

    private static bool HasAmount(string text) =>
        TicketText.Yuan(text) is not null || TicketText.LastDecimal(text) is not null
        || DocumentClassifier.CapitalDenomination().IsMatch(TextNormalizer.Compact(text));

    private static bool HasReceiptTotal(List<TextLine> island)
    {
        var compact = Compact(island);
        return island.Count >= 6 && (compact.Contains("TOTAL", StringComparison.Ordinal) || compact.Contains("合计", StringComparison.Ordinal)
                                     || compact.Contains("总计", StringComparison.Ordinal) || compact.Contains("实收", StringComparison.Ordinal));
    }

    private static string Compact(List<TextLine> island) => string.Concat(island.Select(l => TextNormalizer.Compact(l.Text))).ToUpperInvariant();

    private static bool HorizontallyApart((float X, float Y, float Width, float Height) a, (float X, float Y, float Width, float Height) b) =>
        a.X + a.Width <= b.X || b.X + b.Width <= a.X;

    public static (float X, float Y, float Width, float Height) Box(IReadOnlyCollection<TextLine> lines)
    {
        float x = lines.Min(l => l.X), y = lines.Min(l => l.Y), r = lines.Max(l => l.Right), b = lines.Max(l => l.Bottom);
        return (x, y, r - x, b - y);
    }

    /// <summary>How much of the shorter box's height the two boxes share.</summary>
    private static float VerticalOverlap((float X, float Y, float Width, float Height) a, (float X, float Y, float Width, float Height) b)
    {
        var shared = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        return shared <= 0 ? 0 : shared / Math.Max(1, Math.Min(a.Height, b.Height));
    }

    private static float Distance((float X, float Y, float Width, float Height) a, (float X, float Y, float Width, float Height) b)
    {
        var dx = Math.Max(0, Math.Max(a.X, b.X) - Math.Min(a.X + a.Width, b.X + b.Width));
        var dy = Math.Max(0, Math.Max(a.Y, b.Y) - Math.Min(a.Y + a.Height, b.Y + b.Height));
        return dx + dy;
    }
}
