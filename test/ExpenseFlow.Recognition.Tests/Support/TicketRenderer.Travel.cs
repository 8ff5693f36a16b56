using SkiaSharp;
using static ExpenseFlow.Recognition.Tests.Support.TicketInk;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>The travel forms: air itinerary, bus and ship tickets, hotel folio.</summary>
public static partial class TicketRenderer
{
    /// <summary>
    /// 航空运输电子客票行程单: bilingual labels, the red 印刷序号 top right, passenger and id, the flight table (自 FROM / 至 TO
    /// rows, unused rows VOID), the amounts row in CNY, e-ticket number, agent, issuer with its stamp, issue date.
    /// </summary>
    private static void Air(TicketInk ink, SampleTicket t, float w, float h)
    {
        ink.Paper(w, h, new SKColor(0xF2, 0xF6, 0xF0), Seed(t.Name));
        var green = new SKColor(0x2E, 0x5E, 0x4A);
        ink.Text("航空运输电子客票行程单", w / 2, 10, 5.5f, SKTextAlign.Center, green, Face.Bold);
        ink.Text("ITINERARY/RECEIPT OF E-TICKET FOR AIR TRANSPORT", w / 2, 15, 2.6f, SKTextAlign.Center, green);
        ink.Text("印刷序号：", w - 48, 10, 3.2f, color: green);
        ink.Text(t[FieldNames.SerialNumber], w - 31, 10, 3.8f, color: Red);

        void Label(string zh, string en, float x, float y)
        {
            ink.Text(zh, x, y, 2.9f, color: green);
            ink.Text(en, x + ink.Measure(zh, 2.9f) + 1, y, 2.2f, color: green);
        }
        ink.Box(4, 18, w - 8, h - 20.5f, 0.35f, green);
        Label("旅客姓名", "NAME OF PASSENGER", 6, 22.5f);
        ink.Text(t[FieldNames.Travel.PassengerName], 8, 28.5f, 3.8f);
        Label("有效身份证件号码", "ID.NO.", 60, 22.5f);
        ink.Text(t["idNumber"], 62, 28.5f, 3.6f);
        Label("签注", "ENDORSEMENTS/RESTRICTIONS(CARBON)", 130, 22.5f);
        ink.Text("不得签转/变更退票收费", 132, 28.5f, 3.2f);
        ink.Line(4, 31, w - 4, 31, 0.3f, green);

        float[] xs = [6, 22, 56, 74, 98, 116, 144, 164, 206];
        (string Zh, string En)[] headers =
        [
            ("", ""), ("", ""), ("承运人", "CARRIER"), ("航班号", "FLIGHT"), ("座位等级", "CLASS"), ("日期", "DATE"), ("时间", "TIME"),
            ("客票级别/类别", "FARE BASIS"), ("免费行李", "ALLOW"),
        ];
        for (var i = 2; i < headers.Length; i++)
        {
            ink.Text(headers[i].Zh, xs[i], 35, 2.9f, color: green);
            ink.Text(headers[i].En, xs[i], 38.5f, 2.2f, color: green);
        }
        var y = 45f;
        for (var row = 0; row < 4; row++)
        {
            ink.Text(row == 0 ? "自" : "至", xs[0], y, 3f, color: green);
            ink.Text(row == 0 ? "FROM" : "TO", xs[0] + 4, y, 2.2f, color: green);
            if (row <= t.Rows.Count)
            {
                // Row n names the airport the flight n-1 lands at and the flight n leaving from it.
                var city = row == 0 ? $"{t.Rows[0][0]} {t.Rows[0][1]}" : $"{t.Rows[row - 1][2]} {t.Rows[row - 1][3]}";
                ink.Text(city, xs[1], y, 3.6f);
            }
            else ink.Text("VOID", xs[1], y, 3.4f);
            if (row < t.Rows.Count)
            {
                var f = t.Rows[row];
                string[] cells = [f[4], f[5], f[6], f[7], f[8], f[6], "20K"];
                for (var i = 0; i < cells.Length; i++) ink.Text(cells[i], xs[i + 2], y, 3.6f);
            }
            y += 7f;
        }
        ink.Line(4, 72, w - 4, 72, 0.3f, green);

        var other = t.Get(FieldNames.OtherTaxes);
        (string Zh, string En, string? Value, float X)[] amounts =
        [
            ("票价", "FARE", t[FieldNames.Fare], 6), ("民航发展基金", "CAAC DEVELOPMENT FUND", t[FieldNames.CivilAviationFund], 46),
            ("燃油附加费", "FUEL SURCHARGE", t[FieldNames.FuelSurcharge], 100), ("其他税费", "OTHER TAXES", other, 146),
            ("合计", "TOTAL", t[FieldNames.TotalAmount], 184),
        ];
        foreach (var (zh, en, value, x) in amounts)
        {
            Label(zh, en, x, 77);
            if (value is not null) ink.Text("CNY " + Grouped(value), x + 2, 84, 3.6f);
        }
        ink.Line(4, 87, w - 4, 87, 0.3f, green);
        Label("电子客票号码", "E-TICKET NO.", 6, 92);
        ink.Text(t[FieldNames.ETicketNumber], 8, 98, 3.8f);
        Label("验证码", "CK.", 64, 92);
        ink.Text("4821", 66, 98, 3.6f);
        Label("提示信息", "INFORMATION", 92, 92);
        ink.Text("请提前45分钟办理乘机手续", 94, 98, 3f);
        Label("保险费", "INSURANCE", 184, 92);
        ink.Text("XXX", 186, 98, 3.4f);
        ink.Line(4, 100.5f, w - 4, 100.5f, 0.3f, green);
        Label("销售单位代号", "AGENT CODE", 6, 104f);
        ink.Text(t["agentCode"], 8, 108.8f, 3.4f);
        Label("填开单位", "ISSUED BY", 56, 104f);
        ink.Text(t["issuer"], 58, 108.8f, 3.4f);
        Label("填开日期", "DATE OF ISSUE", 170, 104f);
        ink.Text(t[FieldNames.IssueDate], 172, 108.8f, 3.6f);
        ink.Stamp(t["issuer"], null, "业务专用章", 150, 106, 14, 7);
    }

    /// <summary>"1330.00" as itineraries print it: "1,330.00".</summary>
    private static string Grouped(string amount) =>
        decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// 汽车客票 / 船票: title, red No. serial top right, the station, from → to in large type, date and time, service
    /// (班次 or the ship's name), seat, fare, 当日当次有效.
    /// </summary>
    private static void BusOrShip(TicketInk ink, SampleTicket t, float w, float h)
    {
        var ship = t.Layout == TicketLayout.Ship;
        ink.Paper(w, h, ship ? new SKColor(0xDD, 0xEC, 0xF4) : new SKColor(0xF6, 0xE2, 0xE6), Seed(t.Name));
        var frame = ship ? new SKColor(0x30, 0x60, 0x90) : new SKColor(0x90, 0x30, 0x48);
        ink.Box(2, 2, w - 4, h - 4, 0.4f, frame);
        ink.Text(t["title"], w / 2 - 12, 11, 5f, SKTextAlign.Center, frame, Face.Bold);
        ink.Text("No." + t[FieldNames.SerialNumber], w - 6, 11, 3.8f, SKTextAlign.Right, Red);
        ink.Text(t["station"], w / 2 - 12, 18, 3.4f, SKTextAlign.Center);
        ink.Text(t[FieldNames.Travel.From], 30, 30, 6.5f, SKTextAlign.Center, face: Face.Bold);
        ink.Arrow(48, 74, 27.5f);
        ink.Text(t[FieldNames.Travel.To], 92, 30, 6.5f, SKTextAlign.Center, face: Face.Bold);
        var departs = t[FieldNames.Travel.DepartureTime];
        ink.Text((ship ? "开航日期 " : "日期 ") + t[FieldNames.TravelDate], 8, 41, 3.6f);
        ink.Text((ship ? "开航时间 " : "发车时间 ") + departs[^5..], 70, 41, 3.6f);
        ink.Text((ship ? "船名 " : "班次 ") + t["service"], 8, 49, 3.6f);
        ink.Text((ship ? "座位 " : "座号 ") + t["seatNo"], 70, 49, 3.6f);
        ink.Text("票价 ￥" + t[FieldNames.Fare], 8, 58, 4.2f);
        ink.Text("当日当次有效", 70, 58, 3.2f, color: frame);
    }

    /// <summary>
    /// 酒店水单 (guest folio): hotel name in Chinese and English with its address, GUEST FOLIO, the guest block in two
    /// columns (name, folio no., room, rate, arrival, departure), the charges table, totals and balance, print time.
    /// </summary>
    private static void Hotel(TicketInk ink, SampleTicket t, float w, float h)
    {
        ink.Paper(w, h, SKColors.White, Seed(t.Name));
        var gold = new SKColor(0x8A, 0x6A, 0x2A);
        ink.Canvas.DrawCircle(22, 20, 8, new SKPaint { Color = gold, IsStroke = true, StrokeWidth = 0.6f, IsAntialias = true });
        ink.Text(t[FieldNames.SellerName], w / 2, 18, 7f, SKTextAlign.Center, gold, Face.Serif);
        ink.Text(t["hotelEnglish"], w / 2, 25, 3.6f, SKTextAlign.Center, gold);
        ink.Text(t["address"], w / 2, 31, 3f, SKTextAlign.Center);
        ink.Text("宾客账单  GUEST FOLIO", w / 2, 43, 5f, SKTextAlign.Center, face: Face.Bold);

        string[,] info =
        {
            { "客人姓名 Guest Name: " + t[FieldNames.Travel.PassengerName], "账单号 Folio No.: " + t[FieldNames.SerialNumber] },
            { "房号 Room No.: " + t[FieldNames.Travel.Room], "房价 Rate: " + t[FieldNames.Travel.NightlyRate] },
            { "到店日期 Arrival: " + t[FieldNames.Travel.CheckIn], "离店日期 Departure: " + t[FieldNames.Travel.CheckOut] },
            { "人数 Persons: 1", "收银员 Cashier: 林芳" },
        };
        for (var r = 0; r < info.GetLength(0); r++)
        {
            ink.Text(info[r, 0], 12, 56 + r * 8, 3.6f);
            ink.Text(info[r, 1], 105, 56 + r * 8, 3.6f);
        }

        var top = 92f;
        ink.Line(10, top - 5.5f, w - 10, top - 5.5f, 0.4f);
        ink.Text("日期 Date", 12, top, 3.4f);
        ink.Text("代码 Code", 42, top, 3.4f);
        ink.Text("摘要 Description", 66, top, 3.4f);
        ink.Text("消费 Charges", 150, top, 3.4f, SKTextAlign.Right);
        ink.Text("付款 Credits", w - 12, top, 3.4f, SKTextAlign.Right);
        ink.Line(10, top + 2.5f, w - 10, top + 2.5f, 0.3f);
        var y = top + 9;
        decimal charges = 0, credits = 0;
        foreach (var row in t.Rows)
        {
            ink.Text(row[0], 12, y, 3.4f);
            ink.Text(row[1], 42, y, 3.4f);
            ink.Text($"{row[2]} {row[3]}", 66, y, 3.4f);
            ink.Text(row[4], 150, y, 3.4f, SKTextAlign.Right);
            ink.Text(row[5], w - 12, y, 3.4f, SKTextAlign.Right);
            charges += row[4].Length > 0 ? decimal.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture) : 0;
            credits += row[5].Length > 0 ? decimal.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture) : 0;
            y += 8;
        }
        ink.Line(10, y - 4, w - 10, y - 4, 0.3f);
        y += 3;
        ink.Text("合计 Total", 66, y, 3.8f, face: Face.Bold);
        ink.Text(SampleTicket.Money(charges), 150, y, 3.8f, SKTextAlign.Right, face: Face.Bold);
        ink.Text(SampleTicket.Money(credits), w - 12, y, 3.8f, SKTextAlign.Right, face: Face.Bold);
        y += 9;
        ink.Text("余额 Balance: " + SampleTicket.Money(charges - credits), 66, y, 3.6f);
        ink.Text("打印时间 Print Time: " + t[FieldNames.Travel.CheckOut] + " 12:03", 12, h - 20, 3.2f);
        ink.Text("宾客签名 Guest Signature:", 105, h - 20, 3.2f);
        ink.Line(150, h - 19.5f, w - 12, h - 19.5f, 0.3f);
        ink.Text("本账单不作报销凭证  This folio is not a tax invoice", w / 2, h - 8, 3f, SKTextAlign.Center, gold);
    }
}
