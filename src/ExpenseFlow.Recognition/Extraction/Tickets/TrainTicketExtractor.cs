using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction.Tickets;

/// <summary>
/// 火车票: the paper card (red serial top left, stations, train, `…日14:50开`, car and seat, class, `￥41.0元`, masked ID and
/// name, a 21-digit code at the bottom that ends with the serial's letter and six digits) and the 电子发票（铁路电子客票）,
/// whose invoice number, issue date and buyer the invoice rules read.
/// </summary>
internal static partial class TrainTicketExtractor
{
    public static void Extract(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        var lines = layout.Lines.OrderBy(l => l.Y).ThenBy(l => l.X).ToList();
        if (lines.Count == 0) return;
        Serial(lines, c, source, conf);
        ETicket(layout, c, source, conf);
        Departure(lines, c, source, conf);
        Fare(layout, lines, c, source, conf);
        Stations(lines, layout, c, source, conf);
        SeatAndClass(lines, c, source, conf);
        Passenger(lines, c, source, conf);
    }

    /// <summary>
    /// The red serial is the first line near the top that is only a serial (letters and digits ending in a letter and six
    /// digits). The bottom code repeats its letter and six digits: agreement raises the confidence; a serial the OCR
    /// misread in its tail is not guessed from the code, but a disagreement is named.
    /// </summary>
    private static void Serial(List<TextLine> lines, FieldCollector c, FieldSource source, double conf)
    {
        var top = lines.Take(Math.Max(4, lines.Count / 3)).ToList();
        var serialLine = top.Select(l => (Line: l, Text: SerialOf(l.Text))).FirstOrDefault(x => x.Text is not null);
        var tail = lines.Select(l => BottomCode().Match(Compact(l.Text))).Where(m => m.Success).Select(m => m.Groups[1].Value).LastOrDefault();
        if (serialLine.Text is not { } serial) return;
        var confidence = Math.Min(conf, serialLine.Line.Confidence);
        if (tail is not null)
        {
            if (serial.EndsWith(tail, StringComparison.Ordinal)) confidence = Math.Min(0.99, confidence + 0.1);
            else
            {
                c.Result.Warnings.Add($"{FieldNames.SerialNumber}: '{serial}' does not end like the ticket's bottom code (…{tail})");
                confidence *= 0.6;
            }
        }
        c.SetText(FieldNames.SerialNumber, serial, source, confidence);
    }

    private static string? SerialOf(string text)
    {
        var t = Compact(text);
        // A label the OCR joined to the serial ("检票：B8" is a gate, not a serial) is refused by the whole-line match.
        var m = SerialPattern().Match(t);
        return m.Success ? m.Value : null;
    }

    private static void ETicket(Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        foreach (var (value, line) in layout.ValuesOf(Layout.Label("电子客票号码", "电子客票号")))
        {
            var m = ETicketPattern().Match(value);
            if (!m.Success) continue;
            c.SetText(FieldNames.ETicketNumber, m.Value, source, Math.Min(conf, line.Confidence));
            return;
        }
    }

    private static void Departure(List<TextLine> lines, FieldCollector c, FieldSource source, double conf)
    {
        foreach (var line in lines)
        {
            // Not the compact text: it drops the colon between hours and minutes.
            var t = TextNormalizer.Normalize(line.Text).Replace(" ", "", StringComparison.Ordinal);
            // The departure is the date with a time and 开 (or, on an e-ticket, a date and time beside 开); an issue date is labelled.
            if (t.Contains("开票日期", StringComparison.Ordinal)) continue;
            if (TicketText.DateTime(t) is not { } dt) continue;
            var confidence = Math.Min(conf, line.Confidence) * (t.Contains('开') ? 1 : 0.9);
            c.SetDate(FieldNames.TravelDate, dt.Date, source, confidence);
            if (dt.Time is { } time) c.SetText(FieldNames.Travel.DepartureTime, TicketText.Local(dt.Date, time), source, confidence);
            return;
        }
    }

    private static void Fare(Layout layout, List<TextLine> lines, FieldCollector c, FieldSource source, double conf)
    {
        // Labelled (票价 on the e-ticket) first, then the amount with its sign and 元 as the paper card prints it.
        decimal? fare = null;
        double confidence = 0;
        foreach (var (value, line) in layout.ValuesOf(Layout.Label("票价")))
            if ((TicketText.Yuan(value) ?? TicketText.LastDecimal(value)) is { } v) { fare = v; confidence = Math.Min(conf, line.Confidence); break; }
        if (fare is null)
            foreach (var line in lines)
                if (TicketText.Yuan(line.Text) is { } v) { fare = v; confidence = Math.Min(conf, line.Confidence); break; }
        if (fare is null) return;
        c.SetAmount(FieldNames.Fare, fare, source, confidence);
        c.SetAmount(FieldNames.TotalAmount, fare, source, confidence);
    }

    /// <summary>Departure station left, arrival right, on one row; the train number between them or just below.</summary>
    private static void Stations(List<TextLine> lines, Layout layout, FieldCollector c, FieldSource source, double conf)
    {
        // A station ends in 站, or (older cards) is a name in characters with its pinyin printed just below it.
        var stations = lines.Where(l => StationPattern().IsMatch(Compact(l.Text)) && !Compact(l.Text).EndsWith('售')).ToList();
        if (stations.Count < 2) stations = lines.Where(l => CjkName().IsMatch(Compact(l.Text)) && HasPinyinBelow(l, lines)).ToList();
        var pair = stations.SelectMany(a => stations.Where(b => b.X > a.Right - a.Width * 0.2 && layout.SameRow(a, b)).Select(b => (From: a, To: b))).FirstOrDefault();
        if (pair.From is not null)
        {
            c.SetText(FieldNames.Travel.From, StationName(pair.From.Text), source, Math.Min(conf, pair.From.Confidence));
            c.SetText(FieldNames.Travel.To, StationName(pair.To.Text), source, Math.Min(conf, pair.To.Confidence));
        }
        var labelled = layout.ValuesOf(Layout.Label("车次")).Select(v => TrainNumber().Match(v.Value)).FirstOrDefault(m => m.Success);
        // Alone on its line, or glued by the OCR to a station beside it ("G1256唐山站").
        var train = labelled ?? lines.Select(l => TrainNumberLine().Match(Compact(l.Text))).FirstOrDefault(m => m.Success)
                    ?? stations.Select(l => TrainNumberInStation().Match(Compact(l.Text))).FirstOrDefault(m => m.Success);
        if (train is not null) c.SetText(FieldNames.Travel.TrainNumber, train.Groups[1].Success ? train.Groups[1].Value : train.Value, source, conf);
    }

    private static string StationName(string text)
    {
        var t = Compact(text);
        return StationPattern().Match(t) is { Success: true } m ? m.Value : TicketText.Cjk(t);
    }

    /// <summary>A line of Latin letters (the pinyin) right below the line and overlapping it.</summary>
    private static bool HasPinyinBelow(TextLine line, List<TextLine> lines) =>
        lines.Any(l => l.Y > line.CenterY && l.Y - line.Bottom < line.Height * 1.2 && l.X < line.Right && l.Right > line.X
                       && Compact(l.Text) is { Length: >= 3 } t && t.All(char.IsAsciiLetter));

    private static void SeatAndClass(List<TextLine> lines, FieldCollector c, FieldSource source, double conf)
    {
        foreach (var line in lines)
        {
            var t = Compact(line.Text);
            if (DocumentClassifier.CarAndSeat().Match(t) is { Success: true } seat && !c.Has(FieldNames.Travel.Seat))
                c.SetText(FieldNames.Travel.Seat, seat.Value, source, Math.Min(conf, line.Confidence));
            if (DocumentClassifier.TrainSeatClass().Match(t) is { Success: true } cls && !c.Has(FieldNames.Travel.SeatClass))
                c.SetText(FieldNames.Travel.SeatClass, cls.Value, source, Math.Min(conf, line.Confidence));
        }
        // A standing ticket prints 无座 where the seat would be and no class of its own.
        if (!c.Has(FieldNames.Travel.SeatClass) && c.Result.Fields.Travel.Seat?.EndsWith("无座", StringComparison.Ordinal) == true)
            c.SetText(FieldNames.Travel.SeatClass, "无座", source, conf * 0.9);
    }

    private static void Passenger(List<TextLine> lines, FieldCollector c, FieldSource source, double conf)
    {
        foreach (var line in lines)
        {
            var m = MaskedId().Match(Compact(line.Text));
            if (!m.Success) continue;
            var name = TicketText.Cjk(m.Groups["name"].Value);
            var confidence = Math.Min(conf, line.Confidence);
            // Older cards print the name on its own line just above the ID number.
            if (name.Length == 0 && lines.LastOrDefault(l => l.Bottom <= line.CenterY && line.Y - l.Bottom < line.Height * 1.5
                                                              && Math.Abs(l.X - line.X) < line.Height * 2 && CjkName().IsMatch(Compact(l.Text))) is { } above)
                (name, confidence) = (Compact(above.Text), Math.Min(conf, above.Confidence) * 0.9);
            if (name.Length is >= 2 and <= 6) c.SetText(FieldNames.Travel.PassengerName, name, source, confidence);
            return;
        }
    }

    private static string Compact(string text) => TextNormalizer.Compact(text);

    /// <summary>A serial: up to four letters/digits, a letter, six digits (F049081, 003B052946, Z57A001950), the whole line.</summary>
    [GeneratedRegex(@"^[A-Z0-9]{0,4}[A-Z]\d{6}$")]
    private static partial Regex SerialPattern();
    /// <summary>The 21-character code at the bottom (digits, then the serial's letter and six digits), group 1 its tail.</summary>
    [GeneratedRegex(@"\d{12,16}([A-Z]\d{6})")]
    private static partial Regex BottomCode();
    [GeneratedRegex(@"[0-9A-Z]{10,24}")]
    private static partial Regex ETicketPattern();
    /// <summary>A station: two to eight CJK characters ending in 站 (a leading gate digit the OCR joined is dropped).</summary>
    [GeneratedRegex(@"[\u3400-\u9FFF]{1,8}站$")]
    private static partial Regex StationPattern();
    [GeneratedRegex(@"[GDCZTKYSL]?\d{1,4}")]
    private static partial Regex TrainNumber();
    /// <summary>A train number alone on its line, 次 after it on older cards (G7512次).</summary>
    [GeneratedRegex(@"^([GDCZTKYSL]\d{1,4})次?$")]
    private static partial Regex TrainNumberLine();
    [GeneratedRegex(@"^[\u3400-\u9FFF]{2,6}$")]
    private static partial Regex CjkName();
    [GeneratedRegex(@"(?:^|(?<=站))([GDCZTKYSL]\d{1,4})(?:次)?(?=[\u3400-\u9FFF]|$)")]
    private static partial Regex TrainNumberInStation();
    /// <summary>`1406021994****1711林玺`: a masked ID and the passenger's name (the OCR may split the ID's first digits off).</summary>
    [GeneratedRegex(@"\d{0,10}\*{3,}\d{3}[\dX](?<name>.*)$")]
    private static partial Regex MaskedId();
}
