using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Invoices;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>Chinese VAT invoice / 数电票 fields from positioned text (PDF text layer, OFD page text or OCR lines).</summary>
internal static partial class InvoiceExtractor
{
    /// <summary>Fills the fields found; returns the total read in capitals (大写) for the cross-check, if any.</summary>
    public static decimal? Extract(IReadOnlyList<TextLine> lines, FieldCollector c, FieldSource source)
    {
        if (lines.Count == 0) return null;
        var layout = new Layout(lines);
        var conf = source == FieldSource.Ocr ? 0.85 : 0.95;
        double Conf(string field) => source == FieldSource.Ocr
            ? Math.Min(conf, lines.Where(l => l.Text.Length > 0).Select(l => l.Confidence).DefaultIfEmpty(conf).Average()) : conf;

        if (lines.Select(l => InvoiceTypes.FromTitle(l.Text)).FirstOrDefault(t => t is not null) is { } type)
            c.SetText(FieldNames.InvoiceType, type, source, conf);
        if (!LooksLikeInvoice(lines, c)) return null;

        c.SetText(FieldNames.InvoiceCode, First(layout, Layout.Label("发票代码"), InvoiceCode()), source, Conf(FieldNames.InvoiceCode));
        c.SetText(FieldNames.InvoiceNumber, First(layout, Layout.Label("发票号码"), InvoiceNumber()), source, Conf(FieldNames.InvoiceNumber));
        c.SetText(FieldNames.CheckCode, First(layout, Layout.Label("校验码"), CheckCode())?.Replace(" ", "", StringComparison.Ordinal), source, conf);
        var dateText = layout.ValuesOf(Layout.Label("开票日期")).Select(v => Parsing.Date(v.Value)).FirstOrDefault(d => d is not null);
        c.SetDate(dateText, source, Conf(FieldNames.IssueDate));

        Parties(layout, c, source, conf);
        var capitals = Totals(layout, c, source, conf);
        var items = LineItems.Read(layout);
        c.SetItems(items, source, conf * 0.95);
        return capitals;
    }

    private static bool LooksLikeInvoice(IReadOnlyList<TextLine> lines, FieldCollector c) =>
        c.Has(FieldNames.InvoiceNumber) || c.Has(FieldNames.InvoiceType) ||
        lines.Any(l => Layout.Compact(l.Text) is var t && (t.Contains("发票号码", StringComparison.Ordinal) || t.Contains("价税合计", StringComparison.Ordinal)));

    private static string? First(Layout layout, Func<string, int> label, Regex pattern)
    {
        foreach (var (value, _) in layout.ValuesOf(label))
        {
            var m = pattern.Match(value);
            if (m.Success) return m.Value;
        }
        return null;
    }

    /// <summary>
    /// Buyer and seller each print 名称 and 纳税人识别号 (or 统一社会信用代码): on paper invoices the buyer block is above the
    /// seller's, on 数电票 the buyer block is on the left. So of two readings, the first in that order is the buyer's.
    /// </summary>
    private static void Parties(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        var names = layout.ValuesOf(NameLabel).Where(v => v.Value.Length >= 2 && !v.Value.StartsWith('称') && IsNameLike(v.Value))
            .GroupBy(v => v.Line).Select(g => g.First()).Take(2).ToList();
        var ids = layout.ValuesOf(Layout.Label("纳税人识别号", "统一社会信用代码/纳税人识别号", "统一社会信用代码", "识别号"))
            .Select(v => (Value: TaxIdPattern().Match(v.Value.ToUpperInvariant()).Value, v.Line)).Where(v => v.Value.Length > 0)
            .GroupBy(v => v.Value).Select(g => g.First()).Take(2).ToList();
        Assign(names, FieldNames.BuyerName, FieldNames.SellerName, c, source, conf, layout);
        Assign(ids, FieldNames.BuyerTaxId, FieldNames.SellerTaxId, c, source, conf, layout);
    }

    /// <summary>
    /// A party's name is words: mostly letters (CJK included). What else stands right of a 名称 row — the 密码区 cipher
    /// ("03*5<8/+…"), an amount — is not.
    /// </summary>
    private static bool IsNameLike(string value) => value.Count(char.IsLetter) is var letters && letters >= 2 && letters >= value.Length * 0.6;

    private static int NameLabel(string compact)
    {
        // "名称" but not 项目名称 / 货物或应税劳务、服务名称 / 银行名称.
        var i = compact.IndexOf("名称", StringComparison.Ordinal);
        if (i < 0) return -1;
        if (i > 0 && compact[..i].Length > 0 && !compact[..i].EndsWith('方') && !"购销买售".Contains(compact[0])) return -1;
        return i + 2;
    }

    private static void Assign(List<(string Value, TextLine Line)> found, string buyerField, string sellerField, FieldCollector c,
        FieldSource source, double conf, Layout layout)
    {
        if (found.Count == 0) return;
        var ordered = found.OrderBy(v => layout.SameRow(found[0].Line, found[^1].Line) ? v.Line.X : v.Line.Y).ToList();
        if (ordered.Count == 2)
        {
            c.SetText(buyerField, ordered[0].Value, source, conf);
            c.SetText(sellerField, ordered[1].Value, source, conf);
            return;
        }
        // One reading only: decide by the party label nearest above or left of it.
        var line = ordered[0].Line;
        var buyerish = layout.Lines.Where(l => layout.CompactOf(l) is var t && (t.StartsWith('购') || t.Contains("购买方", StringComparison.Ordinal)))
            .Any(l => Math.Abs(l.CenterY - line.CenterY) < line.Height * 4 && l.X <= line.X + 1);
        c.SetText(buyerish ? buyerField : sellerField, ordered[0].Value, source, conf * 0.9);
    }

    private static decimal? Totals(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        decimal? capitals = null;
        foreach (var line in layout.Lines)
        {
            var t = layout.CompactOf(line);
            if (t.Contains("价税合计", StringComparison.Ordinal))
            {
                var row = new[] { line }.Concat(layout.RightOf(line)).ToList();
                foreach (var l in row)
                {
                    var text = layout.CompactOf(l);
                    capitals ??= ChineseAmount.Parse(new string(text.Where(ChineseAmount.IsCapitalChar).ToArray()));
                    var amount = Layout.Amounts(text).LastOrDefault();
                    if (amount != 0) c.SetAmount(FieldNames.TotalAmount, amount, source, conf);
                }
            }
            else if (t.StartsWith("合计", StringComparison.Ordinal) || t == "合" || t.StartsWith("合 计", StringComparison.Ordinal))
            {
                var amounts = new[] { line }.Concat(layout.RightOf(line)).SelectMany(l => Layout.Amounts(l.Text)).ToList();
                if (amounts.Count >= 1) c.SetAmount(FieldNames.AmountExcludingTax, amounts[0], source, conf);
                if (amounts.Count >= 2) c.SetAmount(FieldNames.TaxAmount, amounts[1], source, conf);
            }
        }
        return capitals;
    }

    [GeneratedRegex(@"(?<!\d)(\d{12}|\d{10})(?!\d)")]
    private static partial Regex InvoiceCode();
    [GeneratedRegex(@"(?<!\d)(\d{20}|\d{8})(?!\d)")]
    private static partial Regex InvoiceNumber();
    [GeneratedRegex(@"\d{5}\s?\d{5}\s?\d{5}\s?\d{5}|\d{20}")]
    private static partial Regex CheckCode();
    [GeneratedRegex(@"[0-9A-Z]{15,20}")]
    private static partial Regex TaxIdPattern();
}
