using System.Text.Json;
using ExpenseFlow.Recognition.Tests.Support;

namespace ExpenseFlow.Recognition.Tests.Tickets;

/// <summary>Taxi, quota and itinerary rules, and a sheet of several documents, over positioned lines (no models needed).</summary>
public class TicketKindsRulesTests
{
    private static List<TextLine> Taxi(float x, float y) => Shift(x, y,
    [
        new("北京市出租汽车专用发票", 0.98, 0, 0, 300, 30),
        new("发票代码 111001681009", 0.98, 0, 40, 300, 24),
        new("发票号码 12345678", 0.98, 0, 70, 240, 24),
        new("车号 京B·12345", 0.97, 0, 100, 200, 24),
        new("日期 2024-03-05", 0.98, 0, 130, 220, 24),
        new("上车 08:12", 0.98, 0, 160, 150, 24),
        new("下车 08:40", 0.98, 0, 190, 150, 24),
        new("单价 2.30元", 0.98, 0, 220, 150, 24),
        new("里程 12.6km", 0.98, 0, 250, 150, 24),
        new("等候 00:03:10", 0.98, 0, 280, 170, 24),
        new("金额 ￥38.50", 0.98, 0, 310, 170, 24),
    ]);

    private static List<TextLine> Quota(float x, float y) => Shift(x, y,
    [
        new("北京市通用定额发票", 0.98, 0, 0, 260, 30),
        new("发票联", 0.97, 90, 36, 80, 22),
        new("发票代码 111001970051", 0.98, 0, 66, 280, 22),
        new("发票号码 01234567", 0.98, 0, 94, 240, 22),
        new("壹拾圆", 0.98, 60, 130, 140, 40),
        new("10元", 0.98, 90, 180, 80, 30),
    ]);

    private static List<TextLine> Train(float x, float y) => Shift(x, y,
    [
        new("E071365", 0.99, 0, 0, 120, 26),
        new("广州南站", 0.99, 20, 36, 140, 32),
        new("G6111", 0.99, 200, 40, 90, 28),
        new("长沙南站", 0.99, 330, 36, 140, 32),
        new("Guangzhounan", 0.98, 20, 72, 140, 20),
        new("Changshanan", 0.98, 330, 72, 140, 20),
        new("2024年01月06日07:15开", 0.98, 0, 100, 270, 26),
        new("04车13A号", 0.98, 330, 100, 110, 26),
        new("￥314.0元", 0.99, 0, 132, 120, 26),
        new("二等座", 0.99, 350, 132, 70, 26),
        new("限乘当日当次车", 0.98, 0, 164, 170, 24),
        new("4401061988****2316王小明", 0.98, 0, 196, 280, 24),
    ]);

    private static List<TextLine> Shift(float x, float y, List<TextLine> lines) => lines.Select(l => l with { X = l.X + x, Y = l.Y + y }).ToList();

    [Fact]
    public void RecognizeLines_TaxiInvoice_CodeNumberDateTimesDistanceAndAmount()
    {
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(Taxi(0, 0), "taxi.jpg");

        r.Kind.ShouldBe(DocumentKind.Taxi);
        r.Identity.ShouldBe("invoice:111001681009-12345678");
        (r.Fields.IssueDate, r.Fields.TotalAmount, r.Fields.Currency).ShouldBe((new DateOnly(2024, 3, 5), 38.50m, "CNY"));
        var t = r.Fields.Travel;
        (t.PlateNumber, t.DepartureTime, t.ArrivalTime, t.DistanceKm).ShouldBe(("京B12345", "2024-03-05T08:12", "2024-03-05T08:40", 12.6m));
    }

    [Fact]
    public void RecognizeLines_QuotaInvoice_TheDenominationInCapitalsAndFiguresAndNoDate()
    {
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(Quota(0, 0), "quota.jpg");

        r.Kind.ShouldBe(DocumentKind.QuotaInvoice);
        (r.Fields.InvoiceCode, r.Fields.InvoiceNumber, r.Fields.TotalAmount).ShouldBe(("111001970051", "01234567", 10m));
        r.Confidence[FieldNames.TotalAmount].ShouldBeGreaterThanOrEqualTo(0.97, "capitals and figures agree");
        r.Fields.IssueDate.ShouldBeNull("a quota invoice prints no date");
    }

    [Fact]
    public void RecognizeLines_QuotaInvoiceWhoseFiguresDisagree_IsNamed()
    {
        var lines = Quota(0, 0);
        lines[^1] = lines[^1] with { Text = "50元" };
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(lines, "quota.jpg");

        r.Fields.TotalAmount.ShouldBe(10m, "the capitals are the harder to misread");
        r.Warnings.ShouldContain(w => w.Contains("大写", StringComparison.Ordinal));
    }

    /// <summary>An itinerary's header row of labels with the amounts in the row below; the parts add up to the total.</summary>
    [Fact]
    public void RecognizeLines_AirItinerary_PartsTotalSerialAndFlight()
    {
        List<TextLine> lines =
        [
            new("航空运输电子客票行程单", 0.98, 200, 0, 400, 34),
            new("印刷序号：5012345678", 0.98, 560, 40, 260, 24),
            new("旅客姓名", 0.98, 0, 80, 100, 22), new("张伟", 0.98, 0, 108, 60, 22),
            new("有效身份证件号码", 0.98, 200, 80, 180, 22), new("110101198801011234", 0.98, 200, 108, 240, 22),
            new("自 北京首都 PEK", 0.98, 0, 150, 200, 22), new("CA", 0.98, 260, 150, 30, 22), new("1501", 0.98, 300, 150, 50, 22),
            new("Y", 0.98, 380, 150, 20, 22), new("2024-05-06", 0.98, 420, 150, 120, 22), new("08:30", 0.98, 560, 150, 60, 22),
            new("至 上海虹桥 SHA", 0.98, 0, 180, 200, 22),
            new("票价", 0.98, 0, 230, 60, 22), new("民航发展基金", 0.98, 150, 230, 130, 22), new("燃油附加费", 0.98, 320, 230, 110, 22),
            new("其他税费", 0.98, 470, 230, 90, 22), new("合计", 0.98, 600, 230, 50, 22),
            new("CNY 1200.00", 0.98, 0, 260, 120, 22), new("CN 50.00", 0.98, 150, 260, 90, 22), new("YQ 80.00", 0.98, 320, 260, 90, 22),
            new("0.00", 0.98, 470, 260, 50, 22), new("CNY 1330.00", 0.98, 600, 260, 120, 22),
            new("电子客票号码 9992145678901", 0.98, 0, 300, 320, 22),
            new("填开日期 2024-05-01", 0.98, 400, 300, 220, 22),
        ];
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(lines, "itinerary.jpg");

        r.Kind.ShouldBe(DocumentKind.AirItinerary);
        r.Documents.ShouldBeEmpty("a heading apart from the body is not a document of its own");
        var f = r.Fields;
        (f.SerialNumber, f.ETicketNumber, f.IssueDate, f.TravelDate).ShouldBe(("5012345678", "9992145678901", new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 6)));
        (f.Fare, f.CivilAviationFund, f.FuelSurcharge, f.TotalAmount).ShouldBe((1200m, 50m, 80m, 1330m));
        (f.Travel.PassengerName, f.Travel.FlightNumber, f.Travel.DepartureTime, f.Travel.SeatClass).ShouldBe(("张伟", "CA1501", "2024-05-06T08:30", "Y"));
        (f.Travel.From, f.Travel.To).ShouldBe(("北京首都", "上海虹桥"));
        r.Identity.ShouldBe("air-itinerary:5012345678");
        r.Warnings.ShouldBeEmpty();
    }

    /// <summary>A 粘贴单: a train ticket, a taxi invoice and a quota invoice glued on one sheet, each its own document and box.</summary>
    [Fact]
    public void RecognizeLines_PastingSheet_ThreeDocumentsEachWithItsBox()
    {
        var lines = Train(60, 80).Concat(Taxi(700, 60)).Concat(Quota(80, 520)).ToList();
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(lines, "sheet.jpg");

        // Reading order: the ticket and the taxi receipt share the top row (left to right), the quota invoice is below.
        r.Documents.Select(d => d.Kind).ShouldBe([DocumentKind.TrainTicket, DocumentKind.Taxi, DocumentKind.QuotaInvoice]);
        r.Documents.Select(d => d.Fields.TotalAmount).ShouldBe([314.0m, 38.50m, 10m]);
        r.Documents.Select(d => d.Identity).ShouldBe(["train-ticket:E071365", "invoice:111001681009-12345678", "invoice:111001970051-01234567"]);
        var train = r.Documents[0].Box!.Value;
        (train.X, train.Y).ShouldBe((60f, 80f));
        (train.X + train.Width, train.Y + train.Height).ShouldBe((530f, 300f));
        r.Kind.ShouldBe(DocumentKind.TrainTicket, "the page's own fields are the first document's");
        r.Fields.TotalAmount.ShouldBe(314.0m);

        using var json = JsonDocument.Parse(ResultJson.Serialize(r, includeTextLines: false));
        var docs = json.RootElement.GetProperty("documents");
        docs.GetArrayLength().ShouldBe(3);
        docs[0].GetProperty("kind").GetString().ShouldBe("train-ticket");
        docs[0].GetProperty("box").EnumerateArray().Select(b => b.GetDouble()).ShouldBe([60, 80, 470, 220]);
        docs[2].GetProperty("fields").GetProperty("totalAmount").GetString().ShouldBe("10.00");
    }

    [Fact]
    public void RecognizeLines_OneTicket_IsNotSplit()
    {
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(Train(0, 0), "one.jpg");

        r.Documents.ShouldBeEmpty();
        r.Box.ShouldBeNull();
    }
}
