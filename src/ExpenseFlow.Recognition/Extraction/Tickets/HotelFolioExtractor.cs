using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction.Tickets;

/// <summary>
/// 酒店水单 (hotel folio): not an invoice — the hotel, folio number, guest, room, arrival and departure, the nightly room
/// charges and the total, so the travel policy can check nights × rate.
/// </summary>
internal static partial class HotelFolioExtractor
{
    public static void Extract(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        var lines = layout.Lines.OrderBy(l => l.Y).ToList();
        // The hotel's name heads the folio: the first line that names a hotel, else the first line of several characters.
        var hotel = lines.Take(5).FirstOrDefault(l => HotelWord().IsMatch(layout.CompactOf(l)) && !layout.CompactOf(l).Contains("水单", StringComparison.Ordinal));
        if (hotel is not null) c.SetText(FieldNames.SellerName, Strip(hotel.Text), source, Math.Min(conf, hotel.Confidence) * 0.9);
        if (Labelled.Find(layout, Folio(), "账单号", "FOLIONO.", "FOLIONO", "单号") is { } folio) c.SetText(FieldNames.SerialNumber, folio.Value, source, Math.Min(conf, folio.Line.Confidence));
        if (Labelled.Find(layout, Guest(), "客人姓名", "宾客姓名", "GUESTNAME", "姓名") is { } guest) c.SetText(FieldNames.Travel.PassengerName, guest.Value, source, Math.Min(conf, guest.Line.Confidence));
        if (Labelled.Find(layout, Room(), "房号", "ROOMNO.", "ROOMNO", "房间号") is { } room) c.SetText(FieldNames.Travel.Room, room.Value, source, Math.Min(conf, room.Line.Confidence));
        var arrival = Date(layout, "到店日期", "入住日期", "ARRIVAL", "到达日期");
        var departure = Date(layout, "离店日期", "退房日期", "DEPARTURE");
        if (arrival is { } a) c.SetDate(FieldNames.Travel.CheckIn, a.Date, source, Math.Min(conf, a.Confidence));
        if (departure is { } d) c.SetDate(FieldNames.Travel.CheckOut, d.Date, source, Math.Min(conf, d.Confidence));
        if (arrival is { } a2 && departure is { } d2 && d2.Date > a2.Date)
        {
            c.SetText(FieldNames.Travel.Nights, (d2.Date.DayNumber - a2.Date.DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture), source, Math.Min(a2.Confidence, d2.Confidence));
            c.SetDate(FieldNames.IssueDate, d2.Date, source, d2.Confidence * 0.9);
        }
        Charges(layout, lines, c, source, conf);
    }

    private static (DateOnly Date, double Confidence)? Date(Layout layout, params string[] labels) =>
        Labelled.Find(layout, DateText(), labels) is { } found && TicketText.DateTime(found.Value) is { } dt ? (dt.Date, found.Line.Confidence) : null;

    /// <summary>Room-charge rows give the nightly rate (the one most rows carry); the total is the labelled 合计/Total/Balance.</summary>
    private static void Charges(Layout layout, List<TextLine> lines, FieldCollector c, FieldSource source, double conf)
    {
        var rates = new List<decimal>();
        foreach (var line in lines.Where(l => RoomCharge().IsMatch(layout.CompactOf(l).ToUpperInvariant())))
        {
            var row = lines.Where(l => layout.SameRow(l, line) && l.X >= line.X).OrderBy(l => l.X);
            if (row.Select(l => TicketText.LastDecimal(l.Text)).LastOrDefault(v => v is > 0) is { } rate) rates.Add(rate);
        }
        if (rates.Count > 0)
        {
            var common = rates.GroupBy(r => r).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
            c.SetAmount(FieldNames.Travel.NightlyRate, common, source, conf * (rates.All(r => r == common) ? 1 : 0.8));
        }
        if (Labelled.Amount(layout, out var tc, "合计", "总计", "TOTAL", "BALANCE", "消费合计") is { } total)
            c.SetAmount(FieldNames.TotalAmount, total, source, Math.Min(conf, tc));
        c.SetText(FieldNames.Currency, "CNY", source, conf * 0.8);
    }

    private static string Strip(string text) => text.Trim();

    [GeneratedRegex(@"(酒店|宾馆|饭店|大厦|HOTEL|INN|RESORT)", RegexOptions.IgnoreCase)]
    private static partial Regex HotelWord();
    [GeneratedRegex(@"[A-Z0-9]{4,16}")]
    private static partial Regex Folio();
    [GeneratedRegex(@"^(?<v>[\u3400-\u9FFF]{2,6}|[A-Za-z]+[/ ][A-Za-z]+)$")]
    private static partial Regex Guest();
    [GeneratedRegex(@"[A-Z]?\d{3,5}")]
    private static partial Regex Room();
    [GeneratedRegex(@"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?")]
    private static partial Regex DateText();
    [GeneratedRegex(@"(房费|ROOMCHARGE|ROOMRATE)")]
    private static partial Regex RoomCharge();
}
