using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Invoices;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction.Tickets;

/// <summary>
/// The small paper invoices: taxi (code + number, date, pick-up and drop-off, distance, plate, 金额), quota (code + number,
/// the printed denomination in figures and 大写, no date), toll (code + number, entry and exit, 金额), roll invoices
/// (code + number, machine, seller, 合计, 校验码) and bus/ship tickets (serial, from/to, date and time, 票价).
/// </summary>
internal static partial class SmallInvoiceExtractor
{
    public static void Extract(DocumentKind kind, Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        CodeAndNumber(layout, c, source, conf);
        switch (kind)
        {
            case DocumentKind.Taxi: Taxi(layout, c, source, conf); break;
            case DocumentKind.QuotaInvoice: Quota(layout, c, source, conf); break;
            case DocumentKind.Toll: Toll(layout, c, source, conf); break;
            case DocumentKind.RollInvoice: Roll(layout, c, source, conf); break;
            case DocumentKind.BusShipTicket: BusShip(layout, c, source, conf); break;
        }
    }

    private static void CodeAndNumber(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        if (Labelled.Find(layout, Code(), "发票代码") is { } code) c.SetText(FieldNames.InvoiceCode, code.Value, source, Math.Min(conf, code.Line.Confidence));
        if (Labelled.Find(layout, Number(), "发票号码") is { } number) c.SetText(FieldNames.InvoiceNumber, number.Value, source, Math.Min(conf, number.Line.Confidence));
    }

    private static void Taxi(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        var date = IssueDate(layout, c, source, conf, "日期", "乘车日期");
        if (Labelled.Find(layout, Plate(), "车号", "车牌号") is { } plate) c.SetText(FieldNames.Travel.PlateNumber, PlateOf(plate.Value), source, Math.Min(conf, plate.Line.Confidence));
        if (date is { } d)
        {
            if (Labelled.Find(layout, Clock(), "上车") is { } up && TicketText.Time(up.Value) is { } t1)
                c.SetText(FieldNames.Travel.DepartureTime, TicketText.Local(d, t1), source, Math.Min(conf, up.Line.Confidence));
            if (Labelled.Find(layout, Clock(), "下车") is { } down && TicketText.Time(down.Value) is { } t2)
                c.SetText(FieldNames.Travel.ArrivalTime, TicketText.Local(t2 < (TicketText.Time(c.Result.Fields.Travel.DepartureTime?[11..] ?? "") ?? t2) ? d.AddDays(1) : d, t2),
                    source, Math.Min(conf, down.Line.Confidence));
        }
        if (Labelled.Find(layout, Decimal(), "里程") is { } km && Parsing.Amount(km.Value) is { } distance)
            c.SetAmount(FieldNames.Travel.DistanceKm, distance, source, Math.Min(conf, km.Line.Confidence));
        Total(layout, c, source, conf, "金额", "实收金额", "合计");
    }

    private static void Quota(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        // The denomination is printed twice: in 大写 (壹拾圆) and in figures; agreement makes it certain.
        decimal? capitals = null;
        TextLine? capitalLine = null;
        foreach (var line in layout.Lines)
        {
            var m = DocumentClassifier.CapitalDenomination().Match(layout.CompactOf(line));
            if (m.Success && ChineseAmount.Parse(m.Value) is { } v) { capitals = v; capitalLine = line; break; }
        }
        var figures = layout.Lines.Where(l => !ReferenceEquals(l, capitalLine))
            .Select(l => TicketText.Yuan(l.Text) ?? WholeYuan(layout.CompactOf(l))).FirstOrDefault(v => v is > 0);
        if (capitals is not null && figures is not null && capitals != figures)
            c.Result.Warnings.Add($"denomination in capitals (大写) {capitals} ≠ in figures {figures}");
        var value = capitals ?? figures;
        var confidence = capitals is not null && capitals == figures ? 0.97 : capitals is not null ? Math.Min(conf, capitalLine!.Confidence) : conf * 0.8;
        c.SetAmount(FieldNames.TotalAmount, value, source, confidence);
    }

    private static void Toll(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        IssueDate(layout, c, source, conf, "日期", "通行日期", "开票日期", "时间");
        if (Labelled.Find(layout, Station(), "入口", "入口站") is { } entry) c.SetText(FieldNames.Travel.From, entry.Value, source, Math.Min(conf, entry.Line.Confidence));
        if (Labelled.Find(layout, Station(), "出口", "出口站") is { } exit) c.SetText(FieldNames.Travel.To, exit.Value, source, Math.Min(conf, exit.Line.Confidence));
        if (Labelled.Find(layout, Plate(), "车牌号", "车号") is { } plate) c.SetText(FieldNames.Travel.PlateNumber, PlateOf(plate.Value), source, Math.Min(conf, plate.Line.Confidence));
        // Entry and exit times, as paper toll receipts print them (a date glued to its time).
        if (Labelled.Find(layout, DateText(), "入口时间", "入站时间") is { } inTime && TicketText.DateTime(inTime.Value) is { Time: { } t1 } entered)
            c.SetText(FieldNames.Travel.DepartureTime, TicketText.Local(entered.Date, t1), source, Math.Min(conf, inTime.Line.Confidence));
        if (Labelled.Find(layout, DateText(), "出口时间", "出站时间") is { } outTime && TicketText.DateTime(outTime.Value) is { Time: { } t2 } left)
            c.SetText(FieldNames.Travel.ArrivalTime, TicketText.Local(left.Date, t2), source, Math.Min(conf, outTime.Line.Confidence));
        Total(layout, c, source, conf, "金额", "实收", "收费金额", "通行费");
    }

    private static void Roll(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        IssueDate(layout, c, source, conf, "开票日期");
        if (Labelled.Find(layout, Seller(), "销售方名称", "销货方名称", "销售方", "收款单位") is { } seller)
            c.SetText(FieldNames.SellerName, seller.Value, source, Math.Min(conf, seller.Line.Confidence));
        if (Labelled.Find(layout, TaxId(), "纳税人识别号", "销售方纳税人识别号", "税号") is { } id)
            c.SetText(FieldNames.SellerTaxId, id.Value, source, Math.Min(conf, id.Line.Confidence));
        if (Labelled.Find(layout, CheckCode(), "校验码") is { } check) c.SetText(FieldNames.CheckCode, check.Value, source, Math.Min(conf, check.Line.Confidence));
        Total(layout, c, source, conf, "合计金额(小写)", "合计金额（小写）", "小写", "合计金额", "合计");
    }

    private static void BusShip(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        if (Labelled.Find(layout, Serial(), "票号", "NO.", "NO", "No.") is { } serial) c.SetText(FieldNames.SerialNumber, serial.Value, source, Math.Min(conf, serial.Line.Confidence));
        if (Labelled.Find(layout, Station(), "起点站", "起点", "始发站", "发站", "从") is { } from) c.SetText(FieldNames.Travel.From, from.Value, source, Math.Min(conf, from.Line.Confidence));
        if (Labelled.Find(layout, Station(), "终点站", "终点", "到站", "到达站", "至", "到") is { } to) c.SetText(FieldNames.Travel.To, to.Value, source, Math.Min(conf, to.Line.Confidence));
        if (!c.Has(FieldNames.Travel.From)) Places(layout, c, source, conf);
        foreach (var line in layout.Lines.OrderBy(l => l.Y))
        {
            if (TicketText.DateTime(line.Text) is not { } dt) continue;
            var confidence = Math.Min(conf, line.Confidence);
            c.SetDate(FieldNames.TravelDate, dt.Date, source, confidence);
            var time = dt.Time ?? (Labelled.Find(layout, Clock(), "开车时间", "发车时间", "时间") is { } t ? TicketText.Time(t.Value) : null);
            if (time is { } tm) c.SetText(FieldNames.Travel.DepartureTime, TicketText.Local(dt.Date, tm), source, confidence);
            break;
        }
        Total(layout, c, source, conf, "票价", "全价", "金额");
        if (c.Result.Fields.TotalAmount is { } fare) c.SetAmount(FieldNames.Fare, fare, source, c.Result.Confidence[FieldNames.TotalAmount]);
    }

    /// <summary>
    /// Tickets that print the route without labels print it large: the tallest row holding two short place names
    /// (characters only) gives the departure (left) and the destination (right).
    /// </summary>
    private static void Places(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        var places = layout.Lines.Where(l => PlaceName().IsMatch(layout.CompactOf(l))).ToList();
        var pair = places.SelectMany(a => places.Where(b => b.X > a.Right && layout.SameRow(a, b)).Select(b => (From: a, To: b)))
            .OrderByDescending(p => Math.Min(p.From.Height, p.To.Height)).FirstOrDefault();
        if (pair.From is null) return;
        var median = layout.Lines.Select(l => l.Height).Order().ElementAt(layout.Lines.Count / 2);
        if (Math.Min(pair.From.Height, pair.To.Height) < median * 1.3f) return;
        c.SetText(FieldNames.Travel.From, layout.CompactOf(pair.From), source, Math.Min(conf, pair.From.Confidence) * 0.9);
        c.SetText(FieldNames.Travel.To, layout.CompactOf(pair.To), source, Math.Min(conf, pair.To.Confidence) * 0.9);
    }

    /// <summary>A plate as the registry writes it: province character, letter, number (京B12345), separators dropped.</summary>
    private static string PlateOf(string value) => new(value.Where(ch => ch is not ('·' or '.' or '-' or ' ')).ToArray());

    private static DateOnly? IssueDate(Layout layout, FieldCollector c, FieldSource source, double conf, params string[] labels)
    {
        var found = Labelled.Find(layout, DateText(), labels);
        var line = found?.Line ?? layout.Lines.FirstOrDefault(l => TicketText.DateTime(l.Text) is not null);
        if (line is null || TicketText.DateTime(found?.Value ?? line.Text) is not { } dt) return null;
        c.SetDate(FieldNames.IssueDate, dt.Date, source, Math.Min(conf, line.Confidence) * (found is null ? 0.9 : 1));
        return dt.Date;
    }

    /// <summary>The labelled amount; failing a label, the amount printed with ￥ or 元.</summary>
    private static void Total(Layout layout, FieldCollector c, FieldSource source, double conf, params string[] labels)
    {
        if (Labelled.Amount(layout, out var lc, labels) is { } labelled)
        {
            c.SetAmount(FieldNames.TotalAmount, labelled, source, Math.Min(conf, lc));
            return;
        }
        foreach (var line in layout.Lines.OrderByDescending(l => l.Y))
            if (TicketText.Yuan(line.Text) is { } v) { c.SetAmount(FieldNames.TotalAmount, v, source, Math.Min(conf, line.Confidence) * 0.9); return; }
    }

    private static decimal? WholeYuan(string compact) => WholeYuanPattern().Match(compact) is { Success: true } m ? decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"\d{10,12}")]
    private static partial Regex Code();
    [GeneratedRegex(@"\d{8}")]
    private static partial Regex Number();
    [GeneratedRegex(@"[\u4E00-\u9FFF][A-Z][·.\-]?[A-Z0-9]{4,6}")]
    private static partial Regex Plate();
    [GeneratedRegex(@"^[\u3400-\u9FFF]{2,6}$")]
    private static partial Regex PlaceName();
    [GeneratedRegex(@"([01]?\d|2[0-3])[:：][0-5]\d")]
    private static partial Regex Clock();
    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Decimal();
    [GeneratedRegex(@"(?<v>[\u3400-\u9FFF]{2,12})")]
    private static partial Regex Station();
    [GeneratedRegex(@"(?<v>[\u3400-\u9FFF（）()]{4,40})")]
    private static partial Regex Seller();
    [GeneratedRegex(@"[0-9A-Z]{15,20}")]
    private static partial Regex TaxId();
    [GeneratedRegex(@"\d{20}|\d{5}\d{5}\d{5}\d{5}")]
    private static partial Regex CheckCode();
    [GeneratedRegex(@"[A-Z]{0,2}\d{6,12}")]
    private static partial Regex Serial();
    [GeneratedRegex(@"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\d{1,2}[:：]\d{2})?")]
    private static partial Regex DateText();
    [GeneratedRegex(@"^(\d{1,4})元$")]
    private static partial Regex WholeYuanPattern();
}
