using System.Globalization;
using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction.Tickets;

/// <summary>How tickets print amounts, dates and times: `￥41.0元`, `2019年03月10日14:50开`, `2024-03-05 08:12`.</summary>
internal static partial class TicketText
{
    /// <summary>An amount printed with a currency sign or 元: `￥41.0元`, `¥ 38.50`, `41.5元`, `CNY 1,330.00`.</summary>
    public static decimal? Yuan(string text)
    {
        var t = TextNormalizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        var m = SignedYuan().Match(t);
        if (!m.Success) return null;
        var value = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
        return decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    /// <summary>A plain decimal amount anywhere in the text (`38.50`, `1,330.00`, `41.0`): the last one on the line.</summary>
    public static decimal? LastDecimal(string text)
    {
        var t = TextNormalizer.Normalize(text).Replace(",", "", StringComparison.Ordinal);
        decimal? last = null;
        foreach (Match m in Decimal().Matches(t))
            if (decimal.TryParse(m.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) last = d;
        return last;
    }

    /// <summary>A date with an optional time glued or spaced after it: 年月日 forms and ISO forms.</summary>
    public static (DateOnly Date, TimeOnly? Time)? DateTime(string text)
    {
        var t = TextNormalizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal);
        var m = CjkDateTime().Match(t);
        if (!m.Success) m = IsoDateTime().Match(t);
        if (!m.Success) return null;
        if (!int.TryParse(m.Groups["y"].Value, out var y) || !int.TryParse(m.Groups["m"].Value, out var mo) || !int.TryParse(m.Groups["d"].Value, out var d)) return null;
        if (y is < 1990 or > 2099 || mo is < 1 or > 12 || d < 1 || d > System.DateTime.DaysInMonth(y, mo)) return null;
        TimeOnly? time = null;
        if (m.Groups["h"].Success && int.TryParse(m.Groups["h"].Value, out var h) && int.TryParse(m.Groups["min"].Value, out var min) && h < 24 && min < 60)
            time = new TimeOnly(h, min);
        return (new DateOnly(y, mo, d), time);
    }

    /// <summary>A time of day alone: `08:12`, `14：50`.</summary>
    public static TimeOnly? Time(string text)
    {
        var m = TimeOfDay().Match(TextNormalizer.Normalize(text));
        if (!m.Success) return null;
        int h = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), min = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return h < 24 && min < 60 ? new TimeOnly(h, min) : null;
    }

    public static string Local(DateOnly date, TimeOnly time) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The CJK characters of a text (a name after a masked ID number, a station).</summary>
    public static string Cjk(string text) => new(text.Where(c => c >= 0x3400 && c < 0xA000).ToArray());

    /// <summary>A sign before the amount (group 1) or 元 after it (group 2).</summary>
    [GeneratedRegex(@"(?:[¥￥]|CNY|RMB)(\d{1,7}(?:\.\d{1,2})?)|(?<![\d.])(\d{1,7}(?:\.\d{1,2})?)元")]
    private static partial Regex SignedYuan();

    [GeneratedRegex(@"\d+\.\d{1,2}")]
    private static partial Regex Decimal();
    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})年(?<m>\d{1,2})月(?<d>\d{1,2})日?(?:(?<h>\d{1,2})[:：](?<min>\d{2}))?")]
    private static partial Regex CjkDateTime();
    /// <summary>`2024-05-06`, with a time spaced or glued after it (`2024-05-0608:30` once spaces are gone).</summary>
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})[-/.](?<m>\d{1,2})[-/.](?<d>\d{2}|\d(?!\d))(?:T?(?<h>\d{1,2})[:：](?<min>\d{2}))?")]
    private static partial Regex IsoDateTime();
    [GeneratedRegex(@"(?<!\d)([01]?\d|2[0-3])[:：]([0-5]\d)(?!\d)")]
    private static partial Regex TimeOfDay();
}
