using System.Globalization;
using System.Text.RegularExpressions;

namespace ExpenseFlow.Recognition.Text;

public static partial class Parsing
{
    public static decimal? Amount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = TextNormalizer.Normalize(text).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        t = CurrencyPrefix().Replace(t, "").TrimStart('¥', '￥', '$', '+').TrimEnd('元');
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? d : null;
    }

    public static string FormatAmount(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    public static string FormatDecimal(decimal d) => d.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>A date in the forms invoices and receipts print: yyyy年m月d日, yyyy-mm-dd, yyyymmdd, dd/mm/yyyy, dd-mm-yy, dd MMM yyyy.</summary>
    public static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = TextNormalizer.Normalize(text);
        var m = CjkDate().Match(t);
        if (m.Success) return Make(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        m = IsoDate().Match(t);
        if (m.Success) return Make(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        m = DmyDate().Match(t);
        if (m.Success) return Make(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value);
        m = DayMonthNameYear().Match(t);
        if (m.Success && MonthOf(m.Groups[2].Value) is { } mon) return Make(m.Groups[3].Value, mon.ToString(CultureInfo.InvariantCulture), m.Groups[1].Value);
        m = Compact8().Match(t);
        if (m.Success) return Make(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        return null;
    }

    private static int? MonthOf(string name)
    {
        string[] months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
        var i = Array.IndexOf(months, name[..3].ToUpperInvariant());
        return i < 0 ? null : i + 1;
    }

    private static DateOnly? Make(string y, string m, string d)
    {
        if (!int.TryParse(y, out var year) || !int.TryParse(m, out var month) || !int.TryParse(d, out var day)) return null;
        if (year < 100) year += 2000;
        if (year is < 1990 or > 2099 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    [GeneratedRegex(@"^(RM|MYR|CNY|RMB|USD|SGD|EUR|HKD|US\$|S\$)", RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyPrefix();
    [GeneratedRegex(@"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")]
    private static partial Regex CjkDate();
    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")]
    private static partial Regex IsoDate();
    [GeneratedRegex(@"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)?\d{2})(?!\d)")]
    private static partial Regex DmyDate();
    [GeneratedRegex(@"(?<!\d)(\d{1,2})[\s\-/]*(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*[\s\-/,]*((?:19|20)?\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameYear();
    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")]
    private static partial Regex Compact8();
}
