using System.Text;
using ExpenseFlow.Recognition.Tests.Support;

namespace ExpenseFlow.Recognition.Tests.Structured;

public class EInvoiceXmlTests
{
    private static readonly RecognitionEngine Engine = TestData.ExactOnly();

    [Fact]
    public void Recognize_RailwayETicketXml_IsATrainTicket_ByItsValues_WithTheTripLeftUnread()
    {
        // Element names are not ours to know (no public schema for the ticket part): only the values show the kind.
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <EInvoice><Header><EIid>25119110000012345678</EIid><IssueDate>2025-01-15</IssueDate></Header>
              <Buyer><BuyerName>上海云杉信息科技有限公司</BuyerName><BuyerIdNum>91310115MA1K4FQX2T</BuyerIdNum></Buyer>
              <Ticket><A>北京南站</A><B>上海虹桥站</B><C>G3</C><D>2025-01-20 09:00</D><E>05车08A号</E><F>二等座</F>
                <G>751208462730012025012</G><H>张伟</H></Ticket>
              <TaxInclusiveTotalAmount>667.00</TaxInclusiveTotalAmount></EInvoice>
            """;

        var r = Engine.Recognize(Encoding.UTF8.GetBytes(xml), "ticket.xml");

        r.Kind.ShouldBe(DocumentKind.TrainTicket);
        r.Fields.InvoiceNumber.ShouldBe("25119110000012345678");
        r.Fields.TotalAmount.ShouldBe(667.00m);
        r.Fields.Currency.ShouldBe("CNY");
        r.Fields.Travel.IsEmpty.ShouldBeTrue("values without their places are not assigned to trip fields");
        r.Identity.ShouldBe("invoice:25119110000012345678");
    }

    [Fact]
    public void Recognize_EInvoiceXml_ReadsEveryField()
    {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <eInvoice xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019" Version="1.0">
              <fp:InvoiceCode>044031900111</fp:InvoiceCode><fp:InvoiceNo>12345678</fp:InvoiceNo>
              <fp:IssueDate>2024年03月09日</fp:IssueDate><fp:InvoiceCheckCode>12345 67890 12345 67890</fp:InvoiceCheckCode>
              <fp:Buyer><fp:BuyerName>上海某某科技有限公司</fp:BuyerName><fp:BuyerTaxID>91320115MA202UKD7X</fp:BuyerTaxID></fp:Buyer>
              <fp:Seller><fp:SellerName>深圳某某餐饮有限公司</fp:SellerName><fp:SellerTaxID>92330781MA2EDMFU50</fp:SellerTaxID></fp:Seller>
              <fp:TaxInclusiveTotalAmount>1280.50</fp:TaxInclusiveTotalAmount><fp:TaxTotalAmount>72.48</fp:TaxTotalAmount>
              <fp:TaxExclusiveTotalAmount>1208.02</fp:TaxExclusiveTotalAmount>
              <fp:GraphCode>01,10,044031900111,12345678,1208.02,20240309,12345678901234567890,ABCD</fp:GraphCode>
              <fp:GoodsInfos><fp:GoodsInfo><fp:Item>*餐饮服务*餐费</fp:Item><fp:Quantity>1</fp:Quantity><fp:Price>1208.02</fp:Price>
                <fp:Amount>1208.02</fp:Amount><fp:TaxScheme>6%</fp:TaxScheme><fp:TaxAmount>72.48</fp:TaxAmount></fp:GoodsInfo></fp:GoodsInfos>
            </eInvoice>
            """;
        var r = Engine.Recognize(Encoding.UTF8.GetBytes(xml), "invoice.bin");

        r.Error.ShouldBeNull();
        r.Kind.ShouldBe(DocumentKind.EInvoice);
        r.Fields.InvoiceType.ShouldBe("10");
        r.Fields.InvoiceCode.ShouldBe("044031900111");
        r.Fields.InvoiceNumber.ShouldBe("12345678");
        r.Fields.IssueDate.ShouldBe(new DateOnly(2024, 3, 9));
        r.Fields.CheckCode.ShouldBe("12345678901234567890");
        r.Fields.TotalAmount.ShouldBe(1280.50m);
        r.Fields.TaxAmount.ShouldBe(72.48m);
        r.Fields.AmountExcludingTax.ShouldBe(1208.02m);
        r.Fields.BuyerTaxId.ShouldBe("91320115MA202UKD7X");
        r.Fields.SellerName.ShouldBe("深圳某某餐饮有限公司");
        r.Fields.Items.ShouldHaveSingleItem().TaxRate.ShouldBe("6%");
        r.Sources[FieldNames.InvoiceNumber].ShouldBe(FieldSource.Xml);
        r.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Recognize_FullyDigitalInvoiceXml_ReadsItsElementNames()
    {
        var xml = """
            <EInvoice><Header><EIid>24312000000000000001</EIid></Header>
              <EInvoiceData>
                <SellerInformation><SellerIdNum>91320115MA202UKD7X</SellerIdNum><SellerName>销售方有限公司</SellerName></SellerInformation>
                <BuyerInformation><BuyerIdNum>92330781MA2EDMFU50</BuyerIdNum><BuyerName>购买方有限公司</BuyerName></BuyerInformation>
                <BasicInformation><TotalAmWithoutTax>100.00</TotalAmWithoutTax><TotalTaxAm>6.00</TotalTaxAm>
                  <TotalTax-includedAmount>106.00</TotalTax-includedAmount><RequestTime>2024-05-06 10:11:12</RequestTime></BasicInformation>
                <IssuItemInformation><ItemName>*信息技术服务*软件服务</ItemName><Amount>100.00</Amount><TaxRate>0.06</TaxRate><ComTaxAm>6.00</ComTaxAm></IssuItemInformation>
              </EInvoiceData>
            </EInvoice>
            """;
        var r = Engine.Recognize(Encoding.UTF8.GetBytes(xml), "digital.xml");
        r.Fields.InvoiceNumber.ShouldBe("24312000000000000001");
        r.Fields.SellerName.ShouldBe("销售方有限公司");
        r.Fields.BuyerTaxId.ShouldBe("92330781MA2EDMFU50");
        r.Fields.TotalAmount.ShouldBe(106.00m);
        r.Fields.IssueDate.ShouldBe(new DateOnly(2024, 5, 6));
        r.Fields.Items.ShouldHaveSingleItem().TaxAmount.ShouldBe(6.00m);
    }
}
