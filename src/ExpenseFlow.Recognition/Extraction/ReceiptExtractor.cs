using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>General receipts: merchant from the top lines, date, total after TOTAL-like keywords, tax, currency.</summary>
internal static partial class ReceiptExtractor
{
    public static void Extract(IReadOnlyList<TextLine> lines, FieldCollector c, FieldSource source, string? defaultCurrency)
    {
        if (lines.Count == 0) return;
        var layout = new Layout(lines);
        var conf = source == FieldSource.Ocr ? 0.8 : 0.9;
        if (Merchant(lines) is { } merchant) c.SetText(FieldNames.SellerName, CleanName(merchant.Text), source, Math.Min(conf, merchant.Confidence) * 0.9);
        if (Date(layout) is { } date) c.SetDate(date.Date, source, Math.Min(conf, date.Confidence));
        if (Total(layout) is { } total) c.SetAmount(FieldNames.TotalAmount, total.Amount, source, Math.Min(conf, total.Confidence));
        if (Tax(layout) is { } tax) c.SetAmount(FieldNames.TaxAmount, tax, source, conf * 0.8);
        if (Currency(lines) is { } currency) c.SetText(FieldNames.Currency, currency.Code, source, conf * currency.Certainty);
        else if (defaultCurrency is not null) c.SetText(FieldNames.Currency, defaultCurrency, source, 0.5);
    }

    /// <summary>Words of a receipt's heading lines that are not its merchant: whole words only ("HOTEL" is a name, "TEL" is not).</summary>
    /// OCR glues heading words together ("SIMPLIFIEDTAXINVOICE"), so the long ones match inside words; a registration line
    /// ("Company Reg #101085-1") names the company only as a label.
    private static readonly Regex NotMerchant = new(
        @"WELCOME|INVOICE|RECEIPT|SIMPLIFIED|OFFICIAL|THANK|\b(CASH\s*SALE|COPY|TEL|FAX|GST|SST)\b|(COMPANY|\bCO)\.?\s*(REG|NO\b)|\bREG(\.|ISTRATION|\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The first line near the top that reads like a business name; a company suffix wins within the first lines.</summary>
    private static TextLine? Merchant(IReadOnlyList<TextLine> lines)
    {
        var ordered = JoinTouching(lines.OrderBy(l => l.Y).Take(12).ToList());
        var top = ordered.Take(8).Where(IsNameLike).ToList();
        var withSuffix = top.FirstOrDefault(l => CompanySuffix().IsMatch(CleanName(l.Text)));
        if (withSuffix is null) return top.FirstOrDefault();
        // A registration number closes a complete legal name: the line above it is a brand, not the name's start.
        if (RegistrationNumber().IsMatch(withSuffix.Text)) return withSuffix;
        // Long names wrap: an upper-case line just above a company suffix with at most one word of its own belongs to the name
        // ("... GIN KEE PHARMACY" over "SDN. BHD."); above a complete name ("EIGHT OUNCE COFFEE CO.") it is a logo.
        if (CompanySuffix().Replace(CleanName(withSuffix.Text), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) >= 2)
            return withSuffix;
        var above = ordered.LastOrDefault(l => l.Bottom <= withSuffix.Y + withSuffix.Height * 0.3 && withSuffix.Y - l.Bottom < withSuffix.Height * 0.8
                                               && l.Right > withSuffix.X && l.X < withSuffix.Right);
        // A line that ends in a kind of business ("AA PHARMACY") is a whole brand when the suffix line has words of its own
        // ("SUBANG HEALTHCARE SDN BHD"); only a bare suffix ("SDN BHD") needs the line above to be a name.
        var brandAbove = above is not null && BusinessKind().IsMatch(CleanName(above.Text))
                         && CompanySuffix().Replace(CleanName(withSuffix.Text), "").Count(char.IsLetter) >= 3;
        if (above is not null && !brandAbove && IsNameLike(above) && !CompanySuffix().IsMatch(above.Text) && !above.Text.Any(char.IsDigit)
            && above.Text.Where(char.IsLetter).All(char.IsUpper))
            return withSuffix with { Text = above.Text + " " + withSuffix.Text, Y = above.Y, Height = withSuffix.Bottom - above.Y };
        return withSuffix;
    }

    /// <summary>
    /// The detector splits a heading where letters nearly touch ("Fami" | "lyMart", "SUBANG HEALTHCARE SDN" | "BHD"):
    /// pieces on one row whose gap is under half their height are one line (no space when they touch).
    /// </summary>
    private static List<TextLine> JoinTouching(List<TextLine> lines)
    {
        var result = new List<TextLine>();
        foreach (var line in lines.OrderBy(l => l.X))
        {
            var i = result.FindIndex(r => Math.Abs(r.CenterY - line.CenterY) < Math.Min(r.Height, line.Height) * 0.4
                                         && line.X >= r.X + r.Width * 0.5 && line.Right > r.Right
                                         && line.X - r.Right < Math.Min(r.Height, line.Height) * 0.5);
            if (i < 0) { result.Add(line); continue; }
            var r = result[i];
            var separator = line.X - r.Right < Math.Min(r.Height, line.Height) * 0.2 ? "" : " ";
            float top = Math.Min(r.Y, line.Y), bottom = Math.Max(r.Bottom, line.Bottom);
            result[i] = r with { Text = r.Text + separator + line.Text, Width = line.Right - r.X, Y = top, Height = bottom - top,
                                 Confidence = Math.Min(r.Confidence, line.Confidence) };
        }
        return result.OrderBy(l => l.Y).ToList();
    }

    /// <summary>Company registration numbers printed beside the name, e.g. "(126926-H)", are not part of it.</summary>
    private static string CleanName(string text)
    {
        var t = RegistrationNumber().Replace(text, "");
        t = UnclosedParenthesis().Replace(t, "");
        // OCR reads the letter O as zero inside words ("C0."): a zero touching letters is an O.
        t = ZeroInWord().Replace(t, "O");
        // Stray marks OCR puts between words: a colon, or an apostrophe that is not a possessive 'S.
        t = StrayMark().Replace(t, " ");
        // "SDN BHD" (Sendirian Berhad) and "S/B" are fixed vocabulary: OCR's look-alikes of their letters ("SIN BHD", "Sdn Ehd",
        // "SDNEHD", "MART5/B", "S/D") are them.
        t = LegalSuffix().Replace(t, m => m.Value.Any(char.IsLower) ? "Sdn" + m.Groups[1].Value + "Bhd" : "SDN" + m.Groups[1].Value + "BHD");
        t = ShortLegalSuffix().Replace(t, " S/B");
        // "X OWNED BY Y SDN BHD": the legal name is Y's.
        if (OwnedBy().Match(t) is { Success: true } owner && CompanySuffix().IsMatch(t[(owner.Index + owner.Length)..])) t = t[(owner.Index + owner.Length)..];
        // A legal name ends with its suffix: words glued after it are the outlet ("CO.THE GARDENS MALL") or OCR noise.
        if (AfterLegalSuffix().Match(t) is { Success: true } legal) t = legal.Groups[1].Value;
        t = RepairWords(t).Trim().TrimEnd(':', ';', ',', '-').Trim();
        // The period of an abbreviation ("SDN. BHD.", "CO.") is printed as part of the name; any other is punctuation.
        return t.EndsWith('.') && !Abbreviation().IsMatch(t) ? t.TrimEnd('.').Trim() : t;
    }

    private static bool IsNameLike(TextLine l)
    {
        var t = CleanName(l.Text);
        var letters = t.Count(char.IsLetter);
        if (letters < 3 || letters < t.Length * 0.5) return false;
        return letters >= 4 && !NotMerchant.IsMatch(t) && Parsing.Date(t) is null;
    }

    /// <summary>
    /// The currency the receipt shows: a symbol or code (certain), else Chinese text without any other mark, which is a
    /// mainland till receipt in CNY (less certain); null when nothing on it says.
    /// </summary>
    private static (string Code, double Certainty)? Currency(IReadOnlyList<TextLine> lines)
    {
        var all = string.Join('\n', lines.Select(l => l.Text));
        if (Regex.IsMatch(all, @"\bRM\s?\d|\bRM\b|\bMYR\b")) return ("MYR", 1);
        if (Regex.IsMatch(all, @"[¥￥]|人民币|\bCNY\b|\bRMB\b|元")) return ("CNY", 1);
        if (Regex.IsMatch(all, @"€|\bEUR\b")) return ("EUR", 1);
        if (Regex.IsMatch(all, @"£|\bGBP\b")) return ("GBP", 1);
        if (Regex.IsMatch(all, @"\bSGD\b|S\$")) return ("SGD", 1);
        if (Regex.IsMatch(all, @"\bUSD\b|US\$")) return ("USD", 1);
        if (Regex.IsMatch(all, @"\bHKD\b|HK\$|港币|港幣")) return ("HKD", 1);
        if (Regex.IsMatch(all, @"\bTWD\b|NT\$|新台币|新臺幣")) return ("TWD", 1);
        if (Regex.IsMatch(all, @"\p{IsCJKUnifiedIdeographs}{2}")) return ("CNY", 0.75);
        return null;
    }

    [GeneratedRegex(@"\b(SDN\.?\s*BHD|BHD|S/B|ENTERPRISE|TRADING|RESTAURANT|HOTEL|LTD|LIMITED|INC|CO\.|COMPANY|MART|STORE|SHOP|有限公司|公司|酒店|餐厅)\b?", RegexOptions.IgnoreCase)]
    private static partial Regex CompanySuffix();
    [GeneratedRegex(@"\b(PHARMACY|CLINIC|BAKERY|CAFE|KITCHEN|RESTAURANT|HOTEL|MART|STORE|SHOP|HARDWARE|STATIONERY|BOOKSTORE|SUPERMARKET|HYPERMARKET)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BusinessKind();
    [GeneratedRegex(@"(?<![A-Z])[S5][DO0I1][NM](\.?\s*)[B8E][HN][D0O](?![A-Z])", RegexOptions.IgnoreCase)]
    private static partial Regex LegalSuffix();
    [GeneratedRegex(@"(?<=[A-Za-z]|\s)\s*[5S]\s*/\s*[B8D](?![A-Za-z0-9])")]
    private static partial Regex ShortLegalSuffix();
    [GeneratedRegex(@"\b(OWN(ED)?|OPERATED|MANAGED)\s*BY\s*", RegexOptions.IgnoreCase)]
    private static partial Regex OwnedBy();
    [GeneratedRegex(@"^(.*(?:SDN\.?\s*BHD|\bBHD|BERHAD|\bS/B|\bCO\.|\bLTD|LIMITED|有限公司)\.?)\s*[A-Za-z][^()（）]*$", RegexOptions.IgnoreCase)]
    private static partial Regex AfterLegalSuffix();
    [GeneratedRegex(@"\b(BHD|SDN|CO|LTD|INC|CORP|PTE|PLC|S/B|ENT|INTL|BROS)\.$", RegexOptions.IgnoreCase)]
    private static partial Regex Abbreviation();
    [GeneratedRegex(@"\s*[\(（][^()（）]*$")]
    private static partial Regex UnclosedParenthesis();
    [GeneratedRegex(@"\s*:\s*|'(?![Ss]\b)")]
    private static partial Regex StrayMark();
    [GeneratedRegex(@"(?<=[A-Za-z])0|0(?=[A-Za-z])|(?<=[A-Za-z]-)0(?!\d)")]
    private static partial Regex ZeroInWord();
    [GeneratedRegex(@"\s*[\(（]\s*\d[\dSOI]{4,}\s*-\s*[A-Z0-9]\s*[\)）]\s*$|\s*[\(（][^()（）]*\d{4,}[^()（）]*[\)）]\s*$|\s*[\(\[]?\s*(CO\.?\s*(REG\.?)?\s*(NO\.?)?\s*:?)?\s*\d{4,}-?[A-Z]?\s*[\)\]]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RegistrationNumber();
}
