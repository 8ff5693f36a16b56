using System.Globalization;
using ExpenseFlow.Recognition.Tests.Support;
using T = ExpenseFlow.Recognition.FieldNames.Travel;

namespace ExpenseFlow.Recognition.Tests.Tickets;

/// <summary>
/// The 电子发票（铁路电子客票） as an OFD: the page's text objects laid out as the 数电票 frame prints them, with the invoice
/// tag carrying number, date and amount. The kind comes from the page text as it does for a PDF text layer, the travel
/// fields from the ticket rules, the identity stays the structured 发票号码.
/// </summary>
public class TrainETicketOfdTests
{
    [Fact]
    public void RailwayETicketOfd_IsATrainTicket_WithItsTrip_AndTheStructuredNumber()
    {
        var t = SampleTickets.TrainElectronicShanghai;
        using var engine = TestData.ExactOnly();

        var r = engine.Recognize(Ofd(t, withTag: true), "铁路电子客票.ofd");

        r.Error.ShouldBeNull();
        r.Kind.ShouldBe(DocumentKind.TrainTicket);
        TicketCheck.Wrong(t, r).ShouldBeEmpty();
        r.Sources[FieldNames.InvoiceNumber].ShouldBe(FieldSource.Ofd);
        r.Identity.ShouldBe("invoice:" + t[FieldNames.InvoiceNumber]);
        DocumentIdentity.Confidence(r).ShouldBe(1.0, "read from the document's own data");
    }

    [Fact]
    public void RailwayETicketOfd_WithoutTags_IsReadFromThePageText()
    {
        var t = SampleTickets.TrainElectronicNanjing;
        using var engine = TestData.ExactOnly();

        var r = engine.Recognize(Ofd(t, withTag: false), "ticket.ofd");

        r.Kind.ShouldBe(DocumentKind.TrainTicket);
        TicketCheck.Wrong(t, r).ShouldBeEmpty();
    }

    [Fact]
    public void HotelVatInvoiceOfd_ListingRoomCharges_StaysAnInvoice_NotAFolio()
    {
        var texts = new (int, string, string)[]
        {
            (1, "电子发票（普通发票）", "80 10 50 6"),
            (2, "发票号码：25332000000012345678", "140 8 60 4"), (3, "开票日期：2025年05月08日", "140 14 50 4"),
            (4, "*住宿服务*房费", "10 50 40 4"), (5, "入住日期 2025-05-06", "60 50 40 4"), (6, "离店日期 2025-05-08", "110 50 40 4"),
            (7, "价税合计（小写）", "10 80 30 4"), (8, "¥916.00", "150 80 30 4"),
        };
        using var engine = TestData.ExactOnly();

        var r = engine.Recognize(OfdAssembler.Build(texts, null), "hotel.ofd");

        r.Kind.ShouldBe(DocumentKind.EInvoice);
        r.Fields.InvoiceNumber.ShouldBe("25332000000012345678");
    }

    /// <summary>The texts at the places the e-ticket prints them (baselines as the image renderer draws them, in mm).</summary>
    private static byte[] Ofd(SampleTicket t, bool withTag)
    {
        var issued = DateOnly.Parse(t[FieldNames.IssueDate], CultureInfo.InvariantCulture);
        var texts = new List<(int, string, string)>();
        void At(string text, float x, float baseline, float size, bool centred = false)
        {
            var width = text.Length * size * 0.9f;
            var left = centred ? x - width / 2 : x;
            texts.Add((texts.Count + 10, text, FormattableString.Invariant($"{left:0.#} {baseline - size:0.#} {width:0.#} {size:0.#}")));
        }

        At("电子发票（铁路电子客票）", 101, 17, 5.5f, centred: true);
        At("发票号码：" + t[FieldNames.InvoiceNumber], 148, 11, 3.2f);
        At($"开票日期：{issued:yyyy年MM月dd日}", 148, 18, 3.2f);
        At(t[T.From], 45, 42, 5.5f, centred: true);
        At(t["fromPinyin"], 45, 48, 3f, centred: true);
        At(t[T.TrainNumber], 105, 41, 5.5f, centred: true);
        At(t[T.To], 165, 42, 5.5f, centred: true);
        At(t["toPinyin"], 165, 48, 3f, centred: true);
        At(t["departsText"], 20, 59, 3.8f);
        At(t[T.Seat], 95, 59, 3.8f);
        At(t[T.SeatClass], 150, 59, 3.8f);
        At("票价：￥" + t[FieldNames.Fare], 20, 68, 3.8f);
        At(t["maskedId"] + "  " + t[T.PassengerName], 20, 77, 3.8f);
        At("电子客票号：" + t[FieldNames.ETicketNumber], 20, 86, 3.4f);
        At("购买方名称：" + t[FieldNames.BuyerName], 10, 98, 3.2f);
        At("统一社会信用代码：" + t[FieldNames.BuyerTaxId], 112, 98, 3.2f);
        At("仅供报销使用。退票、改签请以12306实际办理为准。", 10, 116, 2.8f);
        var tag = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <fp:eInvoice xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019">
              <fp:InvoiceNo>{t[FieldNames.InvoiceNumber]}</fp:InvoiceNo><fp:IssueDate>{issued:yyyy-MM-dd}</fp:IssueDate>
              <fp:Buyer><fp:BuyerName>{t[FieldNames.BuyerName]}</fp:BuyerName><fp:BuyerTaxID>{t[FieldNames.BuyerTaxId]}</fp:BuyerTaxID></fp:Buyer>
              <fp:TaxInclusiveTotalAmount>{t[FieldNames.Fare]}</fp:TaxInclusiveTotalAmount>
            </fp:eInvoice>
            """;
        return OfdAssembler.Build(texts, withTag ? tag.Trim() : null);
    }
}
