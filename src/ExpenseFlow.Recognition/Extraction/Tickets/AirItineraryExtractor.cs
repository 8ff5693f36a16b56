using System.Globalization;
using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction.Tickets;

/// <summary>
/// 航空运输电子客票行程单: 印刷序号 (the paper form's identity), 电子客票号码, 旅客姓名, flight rows (from/to, carrier and
/// flight number, class, date, time), 票价 + 民航发展基金 + 燃油附加费 + 其他税费 = 合计, 填开日期. The parts are checked
/// against the total; the electronic itinerary is a 数电票 whose invoice number the invoice rules read.
/// </summary>
internal static partial class AirItineraryExtractor
{
    public static void Extract(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        if (Labelled.Find(layout, Digits(), "印刷序号", "SERIALNUMBER") is { } serial)
            c.SetText(FieldNames.SerialNumber, serial.Value, source, Math.Min(conf, serial.Line.Confidence));
        if (Labelled.Find(layout, ETicket(), "电子客票号码", "E-TICKETNO", "ETICKETNO") is { } eticket)
            c.SetText(FieldNames.ETicketNumber, eticket.Value.Replace("-", "", StringComparison.Ordinal), source, Math.Min(conf, eticket.Line.Confidence));
        if (Labelled.Find(layout, Name(), "旅客姓名", "NAMEOFPASSENGER") is { } name)
            c.SetText(FieldNames.Travel.PassengerName, name.Value, source, Math.Min(conf, name.Line.Confidence));
        if (Labelled.Find(layout, DateLike(), "填开日期", "DATEOFISSUE") is { } issued && TicketText.DateTime(issued.Value) is { } issue)
            c.SetDate(FieldNames.IssueDate, issue.Date, source, Math.Min(conf, issued.Line.Confidence));

        Amounts(layout, c, source, conf);
        Flight(layout, c, source, conf);
    }

    private static void Amounts(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        var fare = Labelled.Amount(layout, out var fc, "票价", "FARE");
        var fund = Labelled.Amount(layout, out var dc, "民航发展基金", "CAACDEVELOPMENTFUND");
        var fuel = Labelled.Amount(layout, out var uc, "燃油附加费", "FUELSURCHARGE");
        var other = Labelled.Amount(layout, out var oc, "其他税费", "OTHERTAXES");
        var total = Labelled.Amount(layout, out var tc, "合计", "TOTAL");
        // The parts add up to the total: agreement confirms every one; a total the OCR missed is not made up from them.
        var parts = (fare ?? 0) + (fund ?? 0) + (fuel ?? 0) + (other ?? 0);
        var agrees = fare is not null && total is not null && parts == total;
        var factor = total is null || agrees ? 1 : 0.6;
        if (total is not null && fare is not null && !agrees) c.Result.Warnings.Add($"fare {fare} + fund {fund ?? 0} + fuel {fuel ?? 0} + other {other ?? 0} ≠ total {total}");
        double Conf(double line) => Math.Min(agrees ? 0.97 : conf, line) * factor;
        c.SetAmount(FieldNames.Fare, fare, source, Conf(fc));
        c.SetAmount(FieldNames.CivilAviationFund, fund, source, Conf(dc));
        c.SetAmount(FieldNames.FuelSurcharge, fuel, source, Conf(uc));
        c.SetAmount(FieldNames.OtherTaxes, other, source, Conf(oc));
        c.SetAmount(FieldNames.TotalAmount, total, source, Conf(tc));
    }

    /// <summary>The first flight row: a flight number (two-character carrier code + 3–4 digits) with a date on its row.</summary>
    private static void Flight(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        var lines = layout.Lines.OrderBy(l => l.Y).ThenBy(l => l.X).ToList();
        foreach (var line in lines)
        {
            var row = lines.Where(l => layout.SameRow(l, line)).OrderBy(l => l.X).ToList();
            var text = string.Join(" ", row.Select(l => TextNormalizer.Normalize(l.Text)));
            var flight = FlightNumber().Match(text);
            if (!flight.Success) continue;
            var date = TicketText.DateTime(text.Replace(" ", "", StringComparison.Ordinal))?.Date ?? DayMonth(text, c);
            if (date is null) continue;
            var confidence = Math.Min(conf, row.Min(l => l.Confidence));
            c.SetText(FieldNames.Travel.FlightNumber, flight.Groups[1].Value + flight.Groups[2].Value, source, confidence);
            c.SetDate(FieldNames.TravelDate, date, source, confidence);
            if (TicketText.Time(text[(flight.Index + flight.Length)..]) is { } time)
                c.SetText(FieldNames.Travel.DepartureTime, TicketText.Local(date.Value, time), source, confidence);
            if (CabinClass().Match(text[(flight.Index + flight.Length)..]) is { Success: true } cabin)
                c.SetText(FieldNames.Travel.SeatClass, cabin.Groups[1].Value, source, confidence * 0.9);
            Cities(layout, line, c, source, confidence);
            return;
        }
    }

    /// <summary>From: the city on the 自/FROM row (the row of the first flight); to: the 至/TO row below it.</summary>
    private static void Cities(Layout layout, TextLine flightRow, FieldCollector c, FieldSource source, double conf)
    {
        var from = Labelled.Find(layout, City(), "自FROM", "自", "FROM");
        var to = Labelled.Find(layout, City(), "至TO", "至", "TO");
        if (from is { } f) c.SetText(FieldNames.Travel.From, f.Value, source, conf);
        if (to is { } t) c.SetText(FieldNames.Travel.To, t.Value, source, conf);
    }

    /// <summary>`10MAR` as paper itineraries print a flight's date: the year is the issue date's (or the next, for a January flight issued in December).</summary>
    private static DateOnly? DayMonth(string text, FieldCollector c)
    {
        var m = DayMonthName().Match(text.ToUpperInvariant());
        if (!m.Success || c.Result.Fields.IssueDate is not { } issued) return null;
        var month = Array.IndexOf(Months, m.Groups[2].Value) + 1;
        var day = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        for (var year = issued.Year; year <= issued.Year + 1; year++)
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) is var d && d >= issued.AddDays(-1)) return d;
        return null;
    }

    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    [GeneratedRegex(@"\d{10,11}")]
    private static partial Regex Digits();
    [GeneratedRegex(@"\d{3}-?\d{10}")]
    private static partial Regex ETicket();
    /// <summary>The whole cell is the name: characters, or SURNAME/GIVEN as pinyin.</summary>
    [GeneratedRegex(@"^(?<v>[\u3400-\u9FFF]{2,6}|[A-Z]+/[A-Z]+)$")]
    private static partial Regex Name();
    [GeneratedRegex(@"(?:19|20)\d{2}.{0,1}\d{1,2}.{0,1}\d{1,2}")]
    private static partial Regex DateLike();
    /// <summary>Carrier (two letters, or letter and digit) and number, e.g. CA1501, MU 5101, 3U8881.</summary>
    [GeneratedRegex(@"(?<![A-Z0-9])([A-Z]{2}|[A-Z]\d|\d[A-Z])\s?(\d{3,4})(?!\d)")]
    private static partial Regex FlightNumber();
    [GeneratedRegex(@"(?<![A-Z])([FCYWJPSBHKLMQTVXGUNRZ]|经济舱|公务舱|头等舱)(?![A-Z])")]
    private static partial Regex CabinClass();
    /// <summary>The whole cell is a city, with its airport code after it (北京 PEK).</summary>
    [GeneratedRegex(@"^(?<v>[\u3400-\u9FFF]{2,8})[A-Z]{0,4}$")]
    private static partial Regex City();
    [GeneratedRegex(@"(\d{1,2})(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")]
    private static partial Regex DayMonthName();
}
