using System.Globalization;
using System.Text.RegularExpressions;

namespace ExpenseFlow.Recognition.Text;

/// <summary>Which of two numbers in a d/m/y date is the day: a document prints all its dates one way.</summary>
public enum DateOrder { DayFirst, MonthFirst }

/// <summary>A date found in a text: where it stands, whether its day/month order was a guess, whether a time follows.</summary>
public readonly record struct FoundDate(DateOnly Date, int Index, int Length, bool OrderGuessed, bool WithTime);

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

    /// <summary>
    /// A date in the forms invoices and receipts print: yyyy年m月d日, yyyy-mm-dd, yyyymmdd, dd/mm/yyyy, dd-mm-yy, dd MMM yyyy,
    /// MMM dd, yyyy (English and Malay month names), also glued to a time as OCR reads it ("25/12/20188:13:39PM").
    /// Numbers in d/m order are day-first, as Malaysian, Chinese and British receipts print, unless a value forces month-first.
    /// </summary>
    public static DateOnly? Date(string? text) => Date(text, null);

    /// <summary>The first date of <see cref="Dates"/> (the most explicit form wins over its position in the text).</summary>
    public static DateOnly? Date(string? text, DateOrder? order) => Dates(text, order) is [var first, ..] ? first.Date : null;

    /// <summary>
    /// Every date in the text, the most explicit forms first (CJK, ISO, numeric d/m/y, month names, yyyymmdd). With no
    /// <paramref name="order"/>, d/m numbers are day-first unless the second exceeds 12; a given order is kept unless the value
    /// cannot be a date that way.
    /// </summary>
    public static IReadOnlyList<FoundDate> Dates(string? text, DateOrder? order = null)
    {
        var found = new List<FoundDate>();
        if (string.IsNullOrWhiteSpace(text)) return found;
        var t = TextNormalizer.Normalize(text);
        void Add(Match m, DateOnly? date, bool guessed)
        {
            if (date is not { } d || found.Any(f => f.Index < m.Index + m.Length && m.Index < f.Index + f.Length)) return;
            found.Add(new FoundDate(d, m.Index, m.Length, guessed, GluedTime().IsMatch(t[(m.Index + m.Length)..])));
        }
        foreach (Match m in CjkDate().Matches(t)) Add(m, Make(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value), false);
        foreach (Match m in IsoDate().Matches(t)) Add(m, Make(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value), false);
        foreach (var pattern in new[] { NumericDate(), NumericShortYear() })
            foreach (Match m in pattern.Matches(t))
            {
                var (a, b, y) = (m.Groups["a"].Value, m.Groups["b"].Value, m.Groups["y"].Value);
                var dayFirst = Make(y, b, a);
                var monthFirst = Make(y, a, b);
                var guessed = dayFirst is not null && monthFirst is not null && a != b;
                Add(m, order == DateOrder.MonthFirst ? monthFirst ?? dayFirst : dayFirst ?? monthFirst, guessed);
            }
        foreach (Match m in DayMonthNameYear().Matches(t))
            Add(m, MonthOf(m.Groups["mon"].Value) is { } mon ? Make(m.Groups["y"].Value, mon.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value) : null, false);
        foreach (Match m in MonthNameDayYear().Matches(t))
            Add(m, MonthOf(m.Groups["mon"].Value) is { } mon ? Make(m.Groups["y"].Value, mon.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value) : null, false);
        foreach (Match m in Compact8().Matches(t)) Add(m, Make(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value), false);
        return found;
    }

    /// <summary>
    /// What a text's numeric dates say about day/month order: a first number over 12 is a day (day-first), a second number
    /// over 12 is a day (month-first); null when every date could be read either way.
    /// </summary>
    public static DateOrder? OrderEvidence(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = TextNormalizer.Normalize(text);
        foreach (var pattern in new[] { NumericDate(), NumericShortYear() })
            foreach (Match m in pattern.Matches(t))
            {
                if (!int.TryParse(m.Groups["a"].Value, out var a) || !int.TryParse(m.Groups["b"].Value, out var b)) continue;
                if (a is > 12 and <= 31 && b is >= 1 and <= 12) return DateOrder.DayFirst;
                if (b is > 12 and <= 31 && a is >= 1 and <= 12) return DateOrder.MonthFirst;
            }
        return null;
    }

    /// <summary>English and Malay month names and their abbreviations (MAC, MEI, OGOS, OKT, DIS are Malay).</summary>
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JAN"] = 1, ["JANUARY"] = 1, ["JANUARI"] = 1, ["FEB"] = 2, ["FEBRUARY"] = 2, ["FEBRUARI"] = 2,
        ["MAR"] = 3, ["MARCH"] = 3, ["MAC"] = 3, ["APR"] = 4, ["APRIL"] = 4, ["MAY"] = 5, ["MEI"] = 5,
        ["JUN"] = 6, ["JUNE"] = 6, ["JUL"] = 7, ["JULY"] = 7, ["JULAI"] = 7, ["AUG"] = 8, ["AUGUST"] = 8, ["OGOS"] = 8, ["OGO"] = 8,
        ["SEP"] = 9, ["SEPT"] = 9, ["SEPTEMBER"] = 9, ["OCT"] = 10, ["OCTOBER"] = 10, ["OKT"] = 10, ["OKTOBER"] = 10,
        ["NOV"] = 11, ["NOVEMBER"] = 11, ["DEC"] = 12, ["DECEMBER"] = 12, ["DIS"] = 12, ["DISEMBER"] = 12,
    };

    private static int? MonthOf(string name) => Months.TryGetValue(name.Replace('0', 'O'), out var m) ? m : null;

    private static DateOnly? Make(string y, string m, string d)
    {
        if (!int.TryParse(y, out var year) || !int.TryParse(m, out var month) || !int.TryParse(d, out var day)) return null;
        if (year < 100) year += 2000;
        if (year is < 1990 or > 2099 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    // OCR reads the round O of OCT, NOV and OGOS as a zero ("0ct 3, 2016").
    private const string MonthName =
        "JANUARY|JANUARI|JAN|FEBRUARY|FEBRUARI|FEB|MARCH|MAC|MAR|APRIL|APR|MAY|MEI|JUNE|JUN|JULY|JULAI|JUL|AUGUST|AUG|[O0]G[O0]S|[O0]G[O0]"
        + "|SEPTEMBER|SEPT|SEP|[O0]CT[O0]BER|[O0]KT[O0]BER|[O0]CT|[O0]KT|N[O0]VEMBER|N[O0]V|DECEMBER|DISEMBER|DEC|DIS";

    // A date starts after a non-digit, or right after a time the OCR glued before it ("18:1524/05/18"); it ends before a
    // non-digit or a glued time ("20188:13:39PM": the year is 2018, 8:13 the time). A two-digit year needs one of those
    // ends to be clear, and both separators must agree: "MF13-22/3-24" on an item code is not 22 March 2024.
    private const string Start = @"(?:(?<!\d)|(?<=\d[:.]\d\d))";
    private const string End = @"(?=\d{1,2}:\d\d|(?![\d]))";

    [GeneratedRegex(@"^(RM|MYR|CNY|RMB|USD|SGD|EUR|HKD|US\$|S\$)", RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyPrefix();
    [GeneratedRegex(@"^\s*\d{1,2}:\d\d")]
    private static partial Regex GluedTime();
    [GeneratedRegex(@"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")]
    private static partial Regex CjkDate();
    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?=\d{1,2}:\d\d|(?!\d))")]
    private static partial Regex IsoDate();
    [GeneratedRegex(Start + @"(?<a>\d{1,2})\s?(?<s>[-/.])\s?(?<b>\d{1,2})\s?\k<s>\s?(?<y>(?:19|20)\d{2})" + End
                    + "|" + Start + @"(?<a>\d{1,2}) (?<b>\d{1,2}) (?<y>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex NumericDate();
    [GeneratedRegex(@"(?:(?<![\dA-Za-z])|(?<=\d[:.]\d\d))(?<a>\d{1,2})(?<s>[-/.])(?<b>\d{1,2})\k<s>(?<y>\d{2})(?=\d{1,2}:\d\d|(?![\d:]))")]
    private static partial Regex NumericShortYear();
    [GeneratedRegex(Start + @"(?<d>\d{1,2})(?:ST|ND|RD|TH)?[\s\-/.,]*(?<mon>" + MonthName + @")(?![A-Z])\.?[\s\-/.,']*(?<y>(?:19|20)\d{2}|\d{2})(?=\d{1,2}:\d\d|(?![\d:]))", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameYear();
    [GeneratedRegex(@"(?<![A-Z])(?<mon>" + MonthName + @")(?![A-Z])\.?\s*(?<d>\d{1,2})(?:ST|ND|RD|TH)?\s*[,.\-/]?\s*(?<y>(?:19|20)\d{2})" + End, RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDayYear();
    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")]
    private static partial Regex Compact8();
}
