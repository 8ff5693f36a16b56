using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>General receipts: merchant from the top lines, date, total after TOTAL-like keywords, tax, currency.</summary>
internal static partial class ReceiptExtractor
{
    public static void Extract(IReadOnlyList<TextLine> lines, FieldCollector c, FieldSource source, string defaultCurrency)
    {
        if (lines.Count == 0) return;
        var layout = new Layout(lines);
        var conf = source == FieldSource.Ocr ? 0.8 : 0.9;
        if (Merchant(lines) is { } merchant) c.SetText(FieldNames.SellerName, CleanName(merchant.Text), source, Math.Min(conf, merchant.Confidence) * 0.9);
        if (Date(lines) is { } date) c.SetDate(date.Date, source, Math.Min(conf, date.Confidence));
        if (Total(layout) is { } total) c.SetAmount(FieldNames.TotalAmount, total.Amount, source, Math.Min(conf, total.Confidence));
        if (Tax(layout) is { } tax) c.SetAmount(FieldNames.TaxAmount, tax, source, conf * 0.8);
        c.SetText(FieldNames.Currency, Currency(lines) ?? defaultCurrency, source, Currency(lines) is null ? 0.5 : conf);
    }

    private static readonly string[] NotMerchant =
    [
        "TAX INVOICE", "INVOICE", "RECEIPT", "WELCOME", "CASH SALE", "SIMPLIFIED", "OFFICIAL", "COPY", "THANK", "TEL", "FAX", "GST",
    ];

    /// <summary>The first line near the top that reads like a business name; a company suffix wins within the first lines.</summary>
    private static TextLine? Merchant(IReadOnlyList<TextLine> lines)
    {
        var top = lines.OrderBy(l => l.Y).Take(8).Where(IsNameLike).ToList();
        return top.FirstOrDefault(l => CompanySuffix().IsMatch(l.Text)) ?? top.FirstOrDefault();
    }

    /// <summary>Company registration numbers printed beside the name, e.g. "(126926-H)", are not part of it.</summary>
    private static string CleanName(string text) => RegistrationNumber().Replace(text, "").Trim();

    private static bool IsNameLike(TextLine l)
    {
        var t = CleanName(l.Text);
        var letters = t.Count(char.IsLetter);
        if (letters < 3 || letters < t.Length * 0.5) return false;
        var upper = t.ToUpperInvariant();
        return !NotMerchant.Any(n => upper.StartsWith(n, StringComparison.Ordinal)) && Parsing.Date(t) is null;
    }

    private static (DateOnly Date, double Confidence)? Date(IReadOnlyList<TextLine> lines)
    {
        var dated = lines.Select(l => (Line: l, Date: Parsing.Date(l.Text))).Where(x => x.Date is not null).ToList();
        var best = dated.FirstOrDefault(x => x.Line.Text.Contains("DATE", StringComparison.OrdinalIgnoreCase) || x.Line.Text.Contains("日期", StringComparison.Ordinal));
        if (best.Date is null && dated.Count > 0) best = dated[0];
        return best.Date is { } d ? (d, best.Line.Confidence) : null;
    }

    private static readonly (Regex Pattern, int Priority)[] TotalKeys =
    [
        (new Regex(@"ROUND(ED|ING)?\s*(TOTAL|AMOUNT)|TOTAL\s*ROUND|GRAND\s*TOTAL|AMOUNT\s*DUE|NET+\s*TOTAL|TOTAL\s*AMOUNT\s*PAYABLE|合计|总计|实收|应收", RegexOptions.IgnoreCase), 3),
        (new Regex(@"TOTAL\s*(\(?(INCL|INCLUSIVE|RM|AMOUNT|SALES|PAYABLE)|:|$)|^TOTAL|TOTAL\s*\d", RegexOptions.IgnoreCase), 2),
        (new Regex(@"TOTAL", RegexOptions.IgnoreCase), 1),
    ];

    private static readonly Regex NotTotal = new(@"SUB\s*-?\s*TOTAL|TOTAL\s*(QTY|QUANTITY|ITEM|GST|TAX|SST|SAV|DISC|EXCL|NO|PCS|UNIT)|GST\s*SUMMARY|CHANGE|CASH|TENDER", RegexOptions.IgnoreCase);

    private static (decimal Amount, double Confidence)? Total(Layout layout)
    {
        (decimal Amount, int Priority, float Y, double Conf)? best = null;
        foreach (var line in layout.Lines)
        {
            var text = line.Text;
            if (NotTotal.IsMatch(text)) continue;
            var priority = TotalKeys.Where(k => k.Pattern.IsMatch(text)).Select(k => k.Priority).DefaultIfEmpty(0).Max();
            if (priority == 0) continue;
            var amount = Layout.Amounts(text).Cast<decimal?>().LastOrDefault()
                         ?? layout.RightOf(line).SelectMany(l => Layout.Amounts(l.Text)).Cast<decimal?>().FirstOrDefault();
            if (amount is not { } a || a <= 0) continue;
            if (best is null || priority > best.Value.Priority || (priority == best.Value.Priority && line.Y < best.Value.Y))
                best = (a, priority, line.Y, line.Confidence);
        }
        return best is { } b ? (b.Amount, b.Conf) : null;
    }

    private static decimal? Tax(Layout layout)
    {
        foreach (var line in layout.Lines)
        {
            if (!TaxKey().IsMatch(line.Text)) continue;
            var amount = Layout.Amounts(line.Text).Cast<decimal?>().LastOrDefault()
                         ?? layout.RightOf(line).SelectMany(l => Layout.Amounts(l.Text)).Cast<decimal?>().LastOrDefault();
            if (amount is > 0) return amount;
        }
        return null;
    }

    private static string? Currency(IReadOnlyList<TextLine> lines)
    {
        var all = string.Join('\n', lines.Select(l => l.Text));
        if (Regex.IsMatch(all, @"\bRM\s?\d|\bRM\b|\bMYR\b")) return "MYR";
        if (Regex.IsMatch(all, @"[¥￥]|人民币|\bCNY\b|\bRMB\b|元")) return "CNY";
        if (Regex.IsMatch(all, @"€|\bEUR\b")) return "EUR";
        if (Regex.IsMatch(all, @"£|\bGBP\b")) return "GBP";
        if (Regex.IsMatch(all, @"\bSGD\b|S\$")) return "SGD";
        if (Regex.IsMatch(all, @"\bUSD\b|US\$")) return "USD";
        return null;
    }

    [GeneratedRegex(@"\b(SDN\.?\s*BHD|BHD|S/B|ENTERPRISE|TRADING|RESTAURANT|HOTEL|LTD|LIMITED|INC|CO\.|COMPANY|MART|STORE|SHOP|有限公司|公司|酒店|餐厅)\b?", RegexOptions.IgnoreCase)]
    private static partial Regex CompanySuffix();
    [GeneratedRegex(@"\s*[\(\[]?\s*(CO\.?\s*(REG\.?)?\s*(NO\.?)?\s*:?)?\s*\d{4,}-?[A-Z]?\s*[\)\]]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RegistrationNumber();
    [GeneratedRegex(@"(TOTAL\s*)?(GST|SST|TAX)(\s*\(?\d+%\)?|\s*AMOUNT|\s*@|\s*:)|税额", RegexOptions.IgnoreCase)]
    private static partial Regex TaxKey();
}
