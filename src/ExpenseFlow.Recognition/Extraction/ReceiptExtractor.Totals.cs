using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>The amount a receipt was paid with, and its tax.</summary>
internal static partial class ReceiptExtractor
{
    /// <summary>TOTAL as thermal-printer OCR reads it: T as I or l, O as U or 0, L as 1 or a stray mark ("IUIAL", "Tota1", "Tota'").</summary>
    private const string TotalWord = @"[TIL1][O0U][TIL][A4][L1I']";

    private static readonly (Regex Pattern, int Priority)[] TotalKeys =
    [
        (new Regex($@"ROUND(ED|ING)?\s*(TOTAL|AMOUNT)|{TotalWord}\s*(AFTER|ROUND|RND)|AFTER\s*(ADJ|ROUND)|GRAND\s*[TIL1][O0U][TIL]|(AMOUNT|AMT|BALANCE)\s*DUE|NET+\s*(TOTAL|AMOUNT|AMT|PAYABLE)|{TotalWord}\s*(AMOUNT\s*)?(PAYABLE|DUE|PAID)|(AMOUNT|AMT)\s*PAI|应付|实付|应收|实收|支付金额|收款金额|合计|总计|总额", RegexOptions.IgnoreCase), 3),
        (new Regex($@"{TotalWord}\s*(\(?(INCL|INCLUSIVE|RM|AMOUNT|SALES|PAYABLE)|:|$)|^\W*{TotalWord}|{TotalWord}\s*\d", RegexOptions.IgnoreCase), 2),
        (new Regex(TotalWord, RegexOptions.IgnoreCase), 1),
    ];

    private static readonly Regex NotTotal = new($@"SUB\s*-?\s*{TotalWord}|{TotalWord}\s*(QTY|QUANTITY|ITEM|GST|TAX|SST|SAV|DISC|EXCL|NO|PCS|UNIT|POINT|WEIGHT|\d+\s*%)|\(?EXCL|\bCHANGE|TENDER|SUPPLIES|INCLUDED\s*IN\s*{TotalWord}|^\W*(GST|SST|TAX)\b|找零|优惠|折扣|小计|数量合计|件数", RegexOptions.IgnoreCase);

    private static readonly Regex SubTotal = new($@"SUB\s*-?\s*{TotalWord}|小计", RegexOptions.IgnoreCase);

    /// <summary>Lines that end the sale: a total printed after them (e.g. in a GST summary table) is not the amount paid.</summary>
    private static readonly Regex Summary = new(@"(GST|TAX|SST)\s*SUM+AR|SUMMARY", RegexOptions.IgnoreCase);

    /// <summary>
    /// The highest-priority TOTAL-like line (bottom-most on ties: subtotals and pre-rounding totals come first), then checked
    /// against what else the receipt prints: the total rounded to 5 sen just below it, cash tendered − change, a card payment,
    /// amount excluding tax + tax. A value two of those agree on, or that another total line shows, wins over a misread total.
    /// </summary>
    private static (decimal Amount, double Confidence)? Total(Layout layout)
    {
        var summaryY = layout.Lines.Where(l => Summary.IsMatch(l.Text)).Select(l => l.Y).DefaultIfEmpty(float.MaxValue).Min();
        var candidates = TotalCandidates(layout, summaryY);
        var best = candidates.OrderByDescending(c => c.Priority).ThenByDescending(c => c.Line.Y).Cast<TotalCandidate?>().FirstOrDefault();
        var paid = Paid(layout, summaryY);
        var net = Net(layout);
        if (best is not { } b)
        {
            // Receipts without a tax or rounding line print only a subtotal: then it is what was paid.
            var sub = layout.Lines.Where(l => l.Y < summaryY && SubTotal.IsMatch(l.Text))
                .Select(l => (Line: l, Amount: LabelledAmount(layout, l))).LastOrDefault(x => x.Amount is > 0);
            if (sub.Amount is { } s) return (s, sub.Line.Confidence * 0.8);
            return paid is { } p ? (p, 0.5) : null;
        }
        if (b.Amount == paid || b.Amount == net) return (b.Amount, b.Line.Confidence);
        if (Rounded(layout, b, summaryY) is { } rounded) return (rounded, b.Line.Confidence);
        // A total line below the chosen one whose amount OCR could not read is the rounded final total: what was paid shows it.
        if (paid is { } pd && Math.Abs(pd - b.Amount) < 0.05m && IsRounded(pd) && UnreadTotalBelow(layout, b.Line, summaryY))
            return (pd, b.Line.Confidence * 0.9);
        var confirmed = candidates.Where(c => c.Amount == paid || c.Amount == net)
            .OrderByDescending(c => c.Priority).ThenByDescending(c => c.Line.Y).Cast<TotalCandidate?>().FirstOrDefault();
        if (confirmed is { } c) return (c.Amount, c.Line.Confidence);
        if (paid is { } agreed && agreed == net) return (agreed, b.Line.Confidence * 0.9);
        return (b.Amount, b.Line.Confidence);
    }

    private readonly record struct TotalCandidate(decimal Amount, int Priority, TextLine Line);

    private static List<TotalCandidate> TotalCandidates(Layout layout, float summaryY)
    {
        var result = new List<TotalCandidate>();
        foreach (var line in layout.Lines)
        {
            var text = line.Text;
            if (line.Y >= summaryY || NotTotal.IsMatch(text)) continue;
            var priority = TotalKeys.Where(k => k.Pattern.IsMatch(text)).Select(k => k.Priority).DefaultIfEmpty(0).Max();
            var rounding = priority == 0 && RoundedTotal().IsMatch(text);
            if (priority == 0 && !rounding) continue;
            var amount = LabelledAmount(layout, line);
            // "ROUNDING" alone labels the rounded total; its few sen are the adjustment, printed on lines of their own.
            if (rounding && amount is { } r && Math.Abs(r) >= 0.10m) priority = 3;
            if (amount is not { } a || a == 0 || (a < 0 && priority < 3) || priority == 0) continue;
            result.Add(new TotalCandidate(a, priority, line));
        }
        return result;
    }

    /// <summary>
    /// The total rounded to 5 sen (Malaysia since 2008), printed on a line just below an unrounded total; a payment's amount
    /// (cash tendered, the card slip) is what was handed over, not a total, even when it equals the rounded one.
    /// </summary>
    private static decimal? Rounded(Layout layout, TotalCandidate total, float summaryY)
    {
        if (IsRounded(total.Amount)) return null;
        var h = Math.Max(total.Line.Height, 1);
        bool Payment(TextLine l) => layout.Lines.Any(o => layout.SameRow(o, l) && o.X <= l.X && (Tender().IsMatch(o.Text) || Change().IsMatch(o.Text)));
        return layout.Lines.Where(l => l.Y > total.Line.CenterY && l.Y < summaryY && l.Y - total.Line.Bottom < h * 8 && !Payment(l))
            .OrderBy(l => l.Y).SelectMany(l => Amounts(l.Text))
            .Cast<decimal?>().FirstOrDefault(a => a is { } v && v != total.Amount && Math.Abs(v - total.Amount) < 0.05m && IsRounded(v));
    }

    private static bool UnreadTotalBelow(Layout layout, TextLine total, float summaryY) =>
        layout.Lines.Any(l => l.Y > total.Bottom && l.Y < summaryY && !NotTotal.IsMatch(l.Text)
                              && TotalKeys.Any(k => k.Priority >= 2 && k.Pattern.IsMatch(l.Text)) && LabelledAmount(layout, l) is null);

    private static bool IsRounded(decimal amount) => amount % 0.05m == 0;

    /// <summary>
    /// What was handed over: cash tendered − change when both are printed, else a card or e-wallet payment (it gives no
    /// change); null when neither is readable.
    /// </summary>
    private static decimal? Paid(Layout layout, float summaryY)
    {
        var lines = layout.Lines.Where(l => l.Y < summaryY).ToList();
        var change = lines.Where(l => Change().IsMatch(l.Text)).Select(l => (Line: l, Amount: LabelledAmount(layout, l)))
            .FirstOrDefault(x => x.Amount is >= 0);
        var tenders = lines.Where(l => Tender().IsMatch(l.Text) && !Change().IsMatch(l.Text) && !NotTotal.IsMatch(l.Text))
            .Select(l => (Line: l, Amount: LabelledAmount(layout, l))).Where(x => x.Amount is > 0).ToList();
        if (change.Amount is { } c)
        {
            var tendered = tenders.Where(t => t.Line.Y <= change.Line.Y).Select(t => t.Amount).LastOrDefault();
            return tendered is { } t && t > c ? t - c : null;
        }
        var card = tenders.FirstOrDefault(t => !CashWord().IsMatch(t.Line.Text));
        return card.Amount;
    }

    /// <summary>Amount excluding tax + tax, when the receipt prints both (an independent check on the total).</summary>
    private static decimal? Net(Layout layout)
    {
        var excl = layout.Lines.Where(l => ExcludingTax().IsMatch(l.Text)).Select(l => LabelledAmount(layout, l)).FirstOrDefault(a => a is > 0);
        return excl is { } e && Tax(layout) is { } t ? e + t : null;
    }

    /// <summary>A label's amount: on its line, else to its right on the row, else alone on the line just below it.</summary>
    private static decimal? LabelledAmount(Layout layout, TextLine label) =>
        Amounts(label.Text).Cast<decimal?>().LastOrDefault() ?? RowAmount(layout, label)
        ?? layout.Below(label).Take(1).Where(l => AmountOnly().IsMatch(l.Text) && !layout.Lines.Any(o => layout.SameRow(o, l) && o.Right <= l.X && o.Text.Any(char.IsLetter)))
            .SelectMany(l => Amounts(l.Text)).Cast<decimal?>().FirstOrDefault();

    /// <summary>The amount printed to the right of a label, nearest in height (receipt photos are rarely level).</summary>
    private static decimal? RowAmount(Layout layout, TextLine label) =>
        layout.RightOf(label).Select(l => (Line: l, Amount: Amounts(l.Text).Cast<decimal?>().LastOrDefault()))
            .Where(x => x.Amount is not null).OrderBy(x => Math.Abs(x.Line.CenterY - label.CenterY)).Select(x => x.Amount).FirstOrDefault();

    /// <summary>Amounts of a text, leaving out rates: "TOTAL INCL. GST 6.00%" carries no amount of its own.</summary>
    private static IEnumerable<decimal> Amounts(string text) => Layout.Amounts(Percent().Replace(text, " "));

    private static decimal? Tax(Layout layout)
    {
        foreach (var line in layout.Lines)
        {
            if (!TaxKey().IsMatch(line.Text) || ExcludingTax().IsMatch(line.Text) || Inclusive().IsMatch(line.Text)) continue;
            var amount = Amounts(line.Text).Cast<decimal?>().LastOrDefault() ?? RowAmount(layout, line);
            if (amount is > 0) return amount;
        }
        return null;
    }

    [GeneratedRegex(@"(TOTAL\s*)?(GST|SST|TAX)(\s*\(?\d+%\)?|\s*AMOUNT|\s*AMT|\s*@|\s*:)|税额", RegexOptions.IgnoreCase)]
    private static partial Regex TaxKey();
    [GeneratedRegex(@"EXCL\w*\.?\s*(GST|SST|TAX)|NET+\s*OF\s*(GST|SST|TAX)|BEFORE\s*(GST|SST|TAX)|不含税", RegexOptions.IgnoreCase)]
    private static partial Regex ExcludingTax();
    [GeneratedRegex(@"INC[LI1]|含税", RegexOptions.IgnoreCase)]
    private static partial Regex Inclusive();
    [GeneratedRegex(@"^\W*ROUND(ED|ING)?\b(?!\s*(ADJ|OFF|DIFF))", RegexOptions.IgnoreCase)]
    private static partial Regex RoundedTotal();
    [GeneratedRegex(@"\bCHANGE\b|\bBAKI\b|找零|找赎", RegexOptions.IgnoreCase)]
    private static partial Regex Change();
    [GeneratedRegex(@"CASH|TENDER|PAYMENT|PAID\s*BY|PAY\s*BY|\bVISA\b|MASTER|\bCARD\b|DEBIT|CREDIT|AMEX|E-?WALLET|TUNAI|现金|付款|刷卡|微信|支付宝", RegexOptions.IgnoreCase)]
    private static partial Regex Tender();
    [GeneratedRegex(@"CASH|TUNAI|现金", RegexOptions.IgnoreCase)]
    private static partial Regex CashWord();
    [GeneratedRegex(@"^\W*(RM|MYR|\$|¥|￥)?\s*-?\d[\d,]*\.\d{2}\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex AmountOnly();
    [GeneratedRegex(@"\d+(\.\d+)?\s*%")]
    private static partial Regex Percent();
}
