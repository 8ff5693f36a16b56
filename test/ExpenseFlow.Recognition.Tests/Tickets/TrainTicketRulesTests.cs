using System.Text.Json;
using ExpenseFlow.Recognition.Tests.Support;

namespace ExpenseFlow.Recognition.Tests.Tickets;

/// <summary>Railway ticket rules over positioned text lines as OCR returns them (no models needed).</summary>
public class TrainTicketRulesTests
{
    /// <summary>A blue card of today's layout: stations ending in 站 with pinyin below, the train between them.</summary>
    private static List<TextLine> Card(string serial = "E071365", string bottom = "12345678901206E071365") =>
    [
        new(serial, 0.99, 60, 30, 180, 40),
        new("检票：12B", 0.97, 700, 30, 150, 40),
        new("广州南站", 0.99, 90, 90, 220, 50),
        new("G6111", 0.99, 400, 95, 150, 45),
        new("长沙南站", 0.99, 620, 90, 220, 50),
        new("Guangzhounan", 0.98, 90, 150, 220, 32),
        new("Changshanan", 0.98, 620, 150, 220, 32),
        new("2024年01月06日07：15开", 0.98, 60, 200, 420, 40),
        new("04车13A号", 0.98, 620, 200, 170, 40),
        new("￥314.0元", 0.99, 60, 250, 180, 40),
        new("网", 0.9, 400, 250, 40, 40),
        new("二等座", 0.99, 660, 250, 110, 40),
        new("限乘当日当次车", 0.98, 60, 300, 260, 36),
        new("4401061988****2316王小明", 0.98, 60, 380, 420, 38),
        new("买票请到12306 发货请到95306", 0.97, 160, 440, 400, 30),
        new("中国铁路祝您旅途愉快", 0.98, 220, 480, 300, 30),
        new(bottom + " 广州南售", 0.97, 60, 530, 480, 32),
    ];

    [Fact]
    public void RecognizeLines_PaperTrainTicket_EveryFieldOfTheTicketAndTrip()
    {
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(Card(), "ticket.jpg");

        r.Kind.ShouldBe(DocumentKind.TrainTicket);
        r.Identity.ShouldBe("train-ticket:E071365");
        r.Fields.SerialNumber.ShouldBe("E071365");
        r.Fields.TravelDate.ShouldBe(new DateOnly(2024, 1, 6));
        r.Fields.IssueDate.ShouldBeNull("a paper ticket prints no issue date: none is made up");
        r.Fields.Fare.ShouldBe(314.0m);
        r.Fields.TotalAmount.ShouldBe(314.0m);
        r.Fields.Currency.ShouldBe("CNY");
        r.Fields.SellerName.ShouldBeNull("a station is not a seller");
        var t = r.Fields.Travel;
        (t.From, t.To, t.TrainNumber, t.Seat, t.SeatClass, t.DepartureTime, t.PassengerName)
            .ShouldBe(("广州南站", "长沙南站", "G6111", "04车13A号", "二等座", "2024-01-06T07:15", "王小明"));
        r.Confidence[FieldNames.SerialNumber].ShouldBeGreaterThan(0.9, "the bottom code repeats the serial's tail");
        r.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void RecognizeLines_SerialUnlikeTheBottomCode_IsNamedAndLessCertain()
    {
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(Card(serial: "E071366"), "ticket.jpg");

        r.Fields.SerialNumber.ShouldBe("E071366");
        r.Confidence[FieldNames.SerialNumber].ShouldBeLessThan(0.6);
        r.Warnings.ShouldContain(w => w.Contains("bottom code", StringComparison.Ordinal));
    }

    /// <summary>An older card: stations without 站 (pinyin below them), 次 after the train, the name above the ID number.</summary>
    [Fact]
    public void RecognizeLines_OlderCard_StationsByTheirPinyinAndTheNameAboveTheId()
    {
        List<TextLine> lines =
        [
            new("Z57A001950", 0.99, 76, 100, 156, 28),
            new("杭州东售", 0.97, 407, 102, 102, 31),
            new("06车12B号", 0.98, 391, 138, 116, 25),
            new("2013年07月07日13:39开", 0.98, 68, 139, 257, 24),
            new("G7512次", 0.98, 238, 173, 117, 31),
            new("杭州东", 0.99, 92, 182, 103, 34),
            new("上海虹桥", 0.99, 385, 180, 136, 38),
            new("Shang HaiHongQiao", 0.97, 361, 215, 170, 26),
            new("Hang ZhouDong", 0.97, 80, 215, 142, 27),
            new("￥73.00元", 0.99, 76, 245, 106, 23),
            new("限乘当日当次车", 0.98, 75, 274, 145, 26),
            new("余友红", 0.98, 75, 301, 70, 26),
            new("3623301993****0941", 0.98, 69, 324, 222, 34),
        ];
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(lines, "old.jpg");

        r.Kind.ShouldBe(DocumentKind.TrainTicket);
        (r.Fields.SerialNumber, r.Fields.TravelDate, r.Fields.Fare).ShouldBe(("Z57A001950", new DateOnly(2013, 7, 7), 73.00m));
        var t = r.Fields.Travel;
        (t.From, t.To, t.TrainNumber, t.PassengerName, t.DepartureTime).ShouldBe(("杭州东", "上海虹桥", "G7512", "余友红", "2013-07-07T13:39"));
        t.SeatClass.ShouldBeNull("no class is printed whole: none is guessed");
    }

    [Fact]
    public void RecognizeLines_TrainGluedToAStation_BothRead()
    {
        var lines = Card();
        lines.RemoveAll(l => l.Text is "G6111" or "长沙南站");
        lines.Add(new("G6111长沙南站", 0.98, 400, 92, 440, 50));
        using var engine = TestData.ExactOnly();

        var t = engine.RecognizeLines(lines, "glued.jpg").Fields.Travel;

        (t.From, t.To, t.TrainNumber).ShouldBe(("广州南站", "长沙南站", "G6111"));
    }

    [Fact]
    public void Json_Ticket_KindIdentityTravelAndNoAbsentFields()
    {
        using var engine = TestData.ExactOnly();
        var r = engine.RecognizeLines(Card(), "ticket.jpg");

        using var json = JsonDocument.Parse(ResultJson.Serialize(r, includeTextLines: false));

        var root = json.RootElement;
        root.GetProperty("kind").GetString().ShouldBe("train-ticket");
        root.GetProperty("identity").GetString().ShouldBe("train-ticket:E071365");
        var fields = root.GetProperty("fields");
        fields.GetProperty("serialNumber").GetString().ShouldBe("E071365");
        fields.GetProperty("travelDate").GetString().ShouldBe("2024-01-06");
        fields.GetProperty("fare").GetString().ShouldBe("314.00");
        fields.TryGetProperty("issueDate", out _).ShouldBeFalse();
        fields.TryGetProperty("flightNumber", out _).ShouldBeFalse();
        var travel = fields.GetProperty("travel");
        travel.GetProperty("departureTime").GetString().ShouldBe("2024-01-06T07:15");
        travel.TryGetProperty("nights", out _).ShouldBeFalse();
        root.GetProperty("sources").GetProperty("travel.from").GetString().ShouldBe("ocr");
        root.TryGetProperty("documents", out _).ShouldBeFalse("a single document keeps the single shape");
    }

    /// <summary>Shop receipts with a word or two of a ticket's vocabulary stay receipts: a kind needs its marks.</summary>
    [Fact]
    public void RecognizeLines_RestaurantBillWithGuestsAndARoom_StaysAReceipt()
    {
        List<TextLine> lines =
        [
            new("GOLDEN DRAGON RESTAURANT SDN BHD", 0.98, 40, 20, 400, 28),
            new("Table 12   Guest 4", 0.97, 40, 70, 260, 22),
            new("Date: 12/03/2018 19:45", 0.97, 40, 100, 300, 22),
            new("TOTAL", 0.98, 40, 200, 90, 22), new("RM 88.50", 0.98, 330, 200, 110, 22),
        ];
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(lines, "bill.jpg");

        r.Kind.ShouldBe(DocumentKind.Receipt);
        r.Identity.ShouldBeNull("a receipt has no identity of its own");
    }
}
