using SkiaSharp;
using static ExpenseFlow.Recognition.Tests.Support.TicketInk;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>The small printed invoices: taxi strip, quota invoice, toll receipt, roll invoice.</summary>
public static partial class TicketRenderer
{
    /// <summary>
    /// 出租汽车统一发票: a narrow thermal strip, labels left and values right as the meter prints them, in faded grey that
    /// fades further towards one edge (thermal paper kept in a wallet).
    /// </summary>
    private static void Taxi(TicketInk ink, SampleTicket t, float w, float h)
    {
        ink.Paper(w, h, new SKColor(0xF6, 0xF4, 0xEE), Seed(t.Name));
        ink.Color = new SKColor(0x44, 0x44, 0x4A);
        var title = t["title"];
        var cut = title.IndexOf("出租", StringComparison.Ordinal);
        ink.Text(title[..cut], w / 2, 9, 4f, SKTextAlign.Center, face: Face.Bold);
        ink.Text(title[cut..], w / 2, 15, 4f, SKTextAlign.Center, face: Face.Bold);
        ink.Text("发 票 联", w / 2, 21, 3.2f, SKTextAlign.Center);
        var day = t[FieldNames.IssueDate];
        List<(string Label, string Value)> rows =
        [
            ("发票代码", t[FieldNames.InvoiceCode]), ("发票号码", t[FieldNames.InvoiceNumber]), ("监督电话", "96123"),
            ("车号", t["plate"]), ("证号", "2468" + t[FieldNames.InvoiceNumber][^2..]), ("日期", day),
            ("上车", t[FieldNames.Travel.DepartureTime][^5..]), ("下车", t[FieldNames.Travel.ArrivalTime][^5..]),
            ("单价", t["unitPrice"] + "元"), ("里程", t["km"] + "km"), ("等候", t["waiting"]),
        ];
        if (t.Get("surcharge") is { } surcharge) rows.Add(("附加费", surcharge + "元"));
        rows.Add(("金额", "￥" + t[FieldNames.TotalAmount]));
        var y = 30f;
        foreach (var (label, value) in rows)
        {
            ink.Text(label, 5, y, 3.4f);
            ink.Text(value, w - 5, y, 3.4f, SKTextAlign.Right);
            y += 6.2f;
        }
        ink.Text("谢谢乘坐  欢迎再次乘坐", w / 2, y + 3, 3f, SKTextAlign.Center);
        // The fade: a white veil thickening towards the right edge, never enough to erase a character.
        using var veil = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, 0),
                [new SKColor(0xF6, 0xF4, 0xEE, 0), new SKColor(0xF6, 0xF4, 0xEE, 0x50)], SKShaderTileMode.Clamp),
        };
        ink.Canvas.DrawRect(0, 0, w, h, veil);
    }

    /// <summary>
    /// 定额发票: a tinted security form with the title and 发票联, code and number (the number in red), the denomination
    /// large in 大写 and in figures, 手写无效, and the issuer's red stamp.
    /// </summary>
    private static void Quota(TicketInk ink, SampleTicket t, float w, float h)
    {
        var tint = new SKColor(0xE8, 0xF2, 0xE4);
        ink.Paper(w, h, tint, Seed(t.Name));
        var green = new SKColor(0x3C, 0x6E, 0x46);
        using (var guilloche = new SKPaint { Color = new SKColor(0x9C, 0xC4, 0x9E, 0x50), IsStroke = true, StrokeWidth = 0.2f, IsAntialias = true })
            for (var i = 0; i < 14; i++) ink.Canvas.DrawOval(w / 2, h * 0.62f, 18 + i * 2.5f, 8 + i, guilloche);
        ink.Box(2, 2, w - 4, h - 4, 0.5f, green);
        ink.Text(t["title"], w / 2, 12, 5f, SKTextAlign.Center, green, Face.Bold);
        ink.Text("发 票 联", w / 2, 19, 3.4f, SKTextAlign.Center, green);
        ink.Text("发票代码 " + t[FieldNames.InvoiceCode], 8, 28, 3.4f);
        ink.Text("发票号码", 8, 35, 3.4f);
        ink.Text(t[FieldNames.InvoiceNumber], 24, 35, 3.6f, color: Red);
        ink.Text(t["capitals"], 42, 52, 10f, SKTextAlign.Center, face: Face.Serif);
        ink.Box(w - 36, 24, 28, 12, 0.4f, green);
        ink.Text(t["figures"], w - 22, 32.5f, 5.5f, SKTextAlign.Center, face: Face.Bold);
        ink.Text("(手写无效)", 8, h - 7, 3f, color: green);
        ink.Stamp(t["issuer"], t["issuerTaxId"], "发票专用章", w - 26, h - 19, 20, 11);
    }

    /// <summary>
    /// A paper toll receipt printed at the exit booth: title, code and number, the entry and exit stations, vehicle class,
    /// amount, the time(s), the booth's collector number.
    /// </summary>
    private static void Toll(TicketInk ink, SampleTicket t, float w, float h)
    {
        ink.Paper(w, h, new SKColor(0xFA, 0xF8, 0xF2), Seed(t.Name));
        var title = t["title"];
        var road = title.IndexOf("公路", StringComparison.Ordinal);
        var cut = road > 0 ? road + 2 : title.Length / 2;
        ink.Text(title[..cut], w / 2, 9, 4.2f, SKTextAlign.Center, face: Face.Bold);
        ink.Text(title[cut..], w / 2, 15, 4.2f, SKTextAlign.Center, face: Face.Bold);
        ink.Text("发 票 联", w / 2, 21, 3.2f, SKTextAlign.Center);
        ink.Line(4, 24, w - 4, 24, 0.3f);
        var day = t[FieldNames.IssueDate];
        List<string> lines =
        [
            "发票代码：" + t[FieldNames.InvoiceCode], "发票号码：" + t[FieldNames.InvoiceNumber],
            "入口站：" + t[FieldNames.Travel.From], "出口站：" + t[FieldNames.Travel.To],
            "车型：" + t["vehicleClass"], "金额：￥" + t[FieldNames.TotalAmount],
        ];
        if (t.Get("entryTime") is { } entry)
        {
            lines.Add($"入口时间：{day} {entry}");
            lines.Add($"出口时间：{day} {t["exitTime"]}");
        }
        else lines.Add($"日期：{day} {t["exitTime"]}");
        lines.Add("收费站：" + t["tollStation"]);
        lines.Add("收费员：10236");
        var y = 31f;
        foreach (var line in lines)
        {
            ink.Text(line, 6, y, 3.4f);
            y += 7f;
        }
        ink.Text("祝您一路平安", w / 2, h - 5, 3.2f, SKTextAlign.Center);
    }

    /// <summary>
    /// 增值税普通发票（卷式）: a till roll 76 mm wide: title, code, number and 机打号码, machine, seller and tax id, date
    /// and cashier, buyer 个人, the items, 合计金额 in figures and 大写, 校验码.
    /// </summary>
    private static void Roll(TicketInk ink, SampleTicket t, float w, float h)
    {
        ink.Paper(w, h, new SKColor(0xFB, 0xFA, 0xF6), Seed(t.Name));
        var blue = new SKColor(0x30, 0x48, 0x88);
        ink.Text(t["title"], w / 2, 10, 3.9f, SKTextAlign.Center, blue, Face.Bold);
        ink.Text("发 票 联", w / 2, 16, 3.2f, SKTextAlign.Center, blue);
        const float size = 3.1f;
        string[] head =
        [
            "发票代码：" + t[FieldNames.InvoiceCode], "发票号码：" + t[FieldNames.InvoiceNumber],
            "机打号码：" + t[FieldNames.InvoiceNumber], "机器编号：" + t["machine"],
            "销售方名称：" + t[FieldNames.SellerName], "纳税人识别号：" + t[FieldNames.SellerTaxId],
            $"开票日期：{t[FieldNames.IssueDate]}  收款员：{t["cashier"]}", "购买方名称：个人", "纳税人识别号：",
        ];
        var y = 24f;
        foreach (var line in head)
        {
            ink.Text(line, 4, y, size);
            y += 6f;
        }
        ink.Line(4, y - 3.5f, w - 4, y - 3.5f, 0.25f, blue);
        y += 1;
        float[] xs = [4, 34, 46, w - 4];
        string[] headers = ["项目", "数量", "单价", "金额"];
        for (var i = 0; i < 4; i++) ink.Text(headers[i], xs[i], y, size, i == 3 ? SKTextAlign.Right : SKTextAlign.Left);
        foreach (var row in t.Rows)
        {
            y += 6f;
            for (var i = 0; i < 4; i++) ink.Text(row[i], xs[i], y, size, i == 3 ? SKTextAlign.Right : SKTextAlign.Left);
        }
        y += 4f;
        ink.Line(4, y, w - 4, y, 0.25f, blue);
        y += 6f;
        ink.Text("合计金额（小写）：￥" + t[FieldNames.TotalAmount], 4, y, size);
        y += 6f;
        ink.Text("合计金额（大写）：" + t["capitals"], 4, y, size);
        y += 6f;
        ink.Text("校验码：" + t[FieldNames.CheckCode], 4, y, size);
        ink.Stamp(t[FieldNames.SellerName], t[FieldNames.SellerTaxId], "发票专用章", w / 2, h - 11, 22, 9);
    }
}
