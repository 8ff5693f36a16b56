using SkiaSharp;
using static ExpenseFlow.Recognition.Tests.Support.TicketInk;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>
/// Draws a <see cref="SampleTicket"/> as the real document looks (DOMAIN.md §6; the paper railway cards as in
/// ../shared/data/cn-tickets-dev): its size in millimetres, its paper (blue or pink card, thermal strip, tinted form),
/// red serials, boxes and stamps, at a given number of pixels per millimetre. Sizes are the real ones, scaled up where
/// the real print is too small for a phone photo's OCR (the railway card is drawn 1.4 times its 86×54 mm).
/// </summary>
public static partial class TicketRenderer
{
    /// <summary>The document's size in millimetres.</summary>
    public static (float Width, float Height) Size(SampleTicket t) => t.Layout switch
    {
        TicketLayout.TrainPaper => (120, 75),
        TicketLayout.TrainElectronic => (210, 120),
        TicketLayout.AirItinerary => (230, 112),
        TicketLayout.Taxi => (60, 118),
        TicketLayout.Quota => (120, 70),
        TicketLayout.Toll => (80, 105),
        TicketLayout.Bus or TicketLayout.Ship => (130, 66),
        TicketLayout.Roll => (76, 92 + 6 * t.Rows.Count + 34),
        TicketLayout.HotelFolio => (190, 154 + 8 * t.Rows.Count),
        _ => throw new ArgumentOutOfRangeException(nameof(t), t.Layout, null),
    };

    public static SKBitmap Bitmap(SampleTicket t, float pxPerMm)
    {
        var (w, h) = Size(t);
        var bmp = new SKBitmap((int)Math.Round(w * pxPerMm), (int)Math.Round(h * pxPerMm), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bmp);
        canvas.Clear(SKColors.White);
        canvas.Scale(pxPerMm);
        Draw(new TicketInk(canvas), t, w, h);
        return bmp;
    }

    public static byte[] Encode(SKBitmap bmp, SKEncodedImageFormat format, int quality = 90)
    {
        using var data = bmp.Encode(format, format == SKEncodedImageFormat.Png ? 100 : quality);
        return data.ToArray();
    }

    private static void Draw(TicketInk ink, SampleTicket t, float w, float h)
    {
        switch (t.Layout)
        {
            case TicketLayout.TrainPaper: TrainPaper(ink, t, w, h); break;
            case TicketLayout.TrainElectronic: TrainElectronic(ink, t, w, h); break;
            case TicketLayout.AirItinerary: Air(ink, t, w, h); break;
            case TicketLayout.Taxi: Taxi(ink, t, w, h); break;
            case TicketLayout.Quota: Quota(ink, t, w, h); break;
            case TicketLayout.Toll: Toll(ink, t, w, h); break;
            case TicketLayout.Bus or TicketLayout.Ship: BusOrShip(ink, t, w, h); break;
            case TicketLayout.Roll: Roll(ink, t, w, h); break;
            case TicketLayout.HotelFolio: Hotel(ink, t, w, h); break;
        }
    }

    /// <summary>
    /// The paper 火车票: red serial top left, stations in large type with 站 small and pinyin below, the train number over an
    /// arrow, date and car/seat with small Chinese units, fare, the passenger's masked id and name, the service box, a QR,
    /// and the darker bottom band with the 21-character code and the selling station.
    /// </summary>
    private static void TrainPaper(TicketInk ink, SampleTicket t, float w, float h)
    {
        var pink = t["paper"] == "pink";
        var tint = pink ? new SKColor(0xF4, 0xD6, 0xDC) : new SKColor(0xD6, 0xEA, 0xF2);
        ink.Paper(w, h, tint, Seed(t.Name), wave: true);
        ink.Fill(0, h - 8.5f, w, 8.5f, pink ? new SKColor(0xE6, 0xB4, 0xC0) : new SKColor(0x9C, 0xCB, 0xDD));
        var faint = new SKColor(0x70, 0x98, 0xB0);
        for (var x = 2f; x < w - 4; x += 4.2f) ink.Text("CR", x, h - 6.9f, 1.4f, color: faint);

        ink.Text(t[FieldNames.SerialNumber], 7, 9.5f, 5f, color: Red);
        ink.Mixed($"检票:{t[FieldNames.Travel.Seat][^3..^1]}", w - 26, 9.5f, 4f, 4f);

        Station(ink, t[FieldNames.Travel.From], t["fromPinyin"], 24, t["spaced"] == "yes");
        Station(ink, t[FieldNames.Travel.To], t["toPinyin"], 94, t["spaced"] == "yes");
        ink.Text(t[FieldNames.Travel.TrainNumber], 60, 19.5f, 6.5f, SKTextAlign.Center);
        ink.Arrow(48, 72, 22);

        ink.Mixed(t["departsText"], 8, 33, 5f, 3.4f);
        ink.Mixed(t[FieldNames.Travel.Seat], 77, 33, 5f, 3.4f);
        ink.Mixed(t["fareText"], 8, 42, 5f, 3.4f);
        ink.Text(t[FieldNames.Travel.SeatClass], 86, 42, 5f, face: Face.Bold);

        ink.Text("限乘当日当次车", 8, 50, 4.2f);
        ink.Text(t["maskedId"] + " " + t[FieldNames.Travel.PassengerName], 8, 57.5f, 4.6f);
        ink.Box(16, 59.2f, 68, 6.8f, 0.3f, dashed: true);
        ink.Text("买票请到12306  发货请到95306", 50, 62.2f, 2.7f, SKTextAlign.Center);
        ink.Text("中国铁路祝您旅途愉快", 50, 65.3f, 2.6f, SKTextAlign.Center);
        ink.Qr("CR" + t["bottomCode"] + Convert.ToBase64String(BitConverter.GetBytes(Seed(t.Name))), 96, 46, 18);

        ink.Text(t["bottomCode"], 6, h - 2.6f, 3.6f);
        ink.Text(t["soldAt"], 70, h - 2.6f, 3.8f);
    }

    /// <summary>A station as a card prints it: the name large (two-character names spread apart), 站 small, pinyin below.</summary>
    private static void Station(TicketInk ink, string station, string pinyin, float centre, bool spaced)
    {
        var name = station.EndsWith('站') ? station[..^1] : station;
        var spacing = spaced && name.Length == 2 ? 3.5f : 0;
        var nameWidth = ink.Measure(name, 6.5f) + spacing * (name.Length - 1);
        var left = centre - (nameWidth + 4) / 2;
        ink.Text(name, left, 19.5f, 6.5f, spacing: spacing);
        if (station.EndsWith('站')) ink.Text("站", left + nameWidth + 0.5f, 19.5f, 4f);
        ink.Text(pinyin, centre, 25.5f, 3.4f, SKTextAlign.Center);
    }

    /// <summary>
    /// 电子发票（铁路电子客票）: the 数电票 frame (QR top left, title, number and date top right), the trip in the middle,
    /// the fare, passenger and e-ticket number, the buyer below a rule.
    /// </summary>
    private static void TrainElectronic(TicketInk ink, SampleTicket t, float w, float h)
    {
        ink.Paper(w, h, SKColors.White, Seed(t.Name));
        var brown = new SKColor(0x90, 0x50, 0x30);
        ink.Qr(t["qr"], 8, 5, 20);
        ink.Text("电子发票（铁路电子客票）", w / 2 - 4, 17, 5.5f, SKTextAlign.Center, brown, Face.Bold);
        ink.Line(w / 2 - 40, 19.5f, w / 2 + 32, 19.5f, 0.3f, brown);
        ink.Line(w / 2 - 40, 20.5f, w / 2 + 32, 20.5f, 0.3f, brown);
        ink.Text("发票号码：" + t[FieldNames.InvoiceNumber], 148, 11, 3.2f);
        var issued = DateOnly.Parse(t[FieldNames.IssueDate], System.Globalization.CultureInfo.InvariantCulture);
        ink.Text($"开票日期：{issued:yyyy年MM月dd日}", 148, 18, 3.2f);

        ink.Box(5, 27, w - 10, h - 36, 0.3f, brown);
        ink.Text(t[FieldNames.Travel.From], 45, 42, 5.5f, SKTextAlign.Center);
        ink.Text(t["fromPinyin"], 45, 48, 3f, SKTextAlign.Center);
        ink.Text(t[FieldNames.Travel.TrainNumber], 105, 41, 5.5f, SKTextAlign.Center);
        ink.Arrow(92, 118, 44);
        ink.Text(t[FieldNames.Travel.To], 165, 42, 5.5f, SKTextAlign.Center);
        ink.Text(t["toPinyin"], 165, 48, 3f, SKTextAlign.Center);
        ink.Text(t["departsText"], 20, 59, 3.8f);
        ink.Text(t[FieldNames.Travel.Seat], 95, 59, 3.8f);
        ink.Text(t[FieldNames.Travel.SeatClass], 150, 59, 3.8f);
        ink.Text("票价：￥" + t[FieldNames.Fare], 20, 68, 3.8f);
        ink.Text(t["maskedId"] + "  " + t[FieldNames.Travel.PassengerName], 20, 77, 3.8f);
        ink.Text("电子客票号：" + t[FieldNames.ETicketNumber], 20, 86, 3.4f);
        ink.Line(5, 90, w - 5, 90, 0.3f, brown);
        ink.Text("购买方名称：" + t[FieldNames.BuyerName], 10, 98, 3.2f);
        ink.Text("统一社会信用代码：" + t[FieldNames.BuyerTaxId], 112, 98, 3.2f);
        ink.Text("仅供报销使用。退票、改签请以12306实际办理为准。", 10, h - 4, 2.8f, color: brown);
    }
}
