using ExpenseFlow.Recognition.Tests.Support;

namespace ExpenseFlow.Recognition.Tests.Structured;

/// <summary>An OFD the test assembles: no attachment and no CustomData, only custom tags that reference page TextObjects.</summary>
public class AssembledOfdTests
{
    [Fact]
    public void Recognize_OfdWhoseTagsOnlyReferenceTextObjects_ResolvesTheReferences()
    {
        var bytes = Assemble(absoluteDocRoot: true);
        using var engine = TestData.ExactOnly();

        var r = engine.Recognize(bytes, "assembled.ofd");

        r.Error.ShouldBeNull();
        r.Kind.ShouldBe(DocumentKind.EInvoice);
        r.Fields.InvoiceCode.ShouldBe("031001900111");
        r.Fields.InvoiceNumber.ShouldBe("52781364");
        r.Fields.IssueDate.ShouldBe(new DateOnly(2024, 3, 9));
        r.Fields.TotalAmount.ShouldBe(1280.50m);
        r.Fields.TaxAmount.ShouldBe(72.48m);
        r.Fields.AmountExcludingTax.ShouldBe(1208.02m);
        r.Fields.SellerName.ShouldBe("杭州西溪餐饮管理有限公司");
        r.Fields.SellerTaxId.ShouldBe("91330106MA2H0C7Q0J");
        r.Fields.BuyerName.ShouldBe("上海云杉信息科技有限公司");
        r.Fields.InvoiceType.ShouldBe("10");
        r.Sources[FieldNames.InvoiceNumber].ShouldBe(FieldSource.Ofd);
    }

    [Fact]
    public void Recognize_OfdWithoutStructuredParts_FallsBackToPageTextLayout()
    {
        var bytes = Assemble(absoluteDocRoot: false, withTags: false);
        using var engine = TestData.ExactOnly();

        var r = engine.Recognize(bytes, "plain.ofd");

        r.Fields.InvoiceNumber.ShouldBe("52781364");
        r.Fields.InvoiceCode.ShouldBe("031001900111");
        r.Fields.IssueDate.ShouldBe(new DateOnly(2024, 3, 9));
        r.Sources[FieldNames.InvoiceNumber].ShouldBe(FieldSource.Ofd);
    }

    private static byte[] Assemble(bool absoluteDocRoot, bool withTags = true)
    {
        var texts = new (int Id, string Text, string Boundary)[]
        {
            (10, "上海增值税电子普通发票", "60 8 90 8"),
            (11, "发票代码：", "140 6 20 4"), (12, "031001900111", "162 6 40 4"),
            (13, "发票号码：", "140 12 20 4"), (14, "52781364", "162 12 40 4"),
            (15, "开票日期：", "140 18 20 4"), (16, "2024年03月09日", "162 18 40 4"),
            (20, "名称：", "20 36 14 4"), (21, "上海云杉信息科技有限公司", "40 36 60 4"),
            (22, "名称：", "20 110 14 4"), (23, "杭州西溪餐饮管理有限公司", "40 110 60 4"),
            (24, "纳税人识别号：", "20 117 20 4"), (25, "91330106MA2H0C7Q0J", "40 117 60 4"),
            (30, "¥", "140 92 3 4"), (31, "1208.02", "143 92 20 4"),
            (32, "¥", "180 92 3 4"), (33, "72.48", "183 92 20 4"),
            (34, "¥", "150 102 3 4"), (35, "1280.50", "153 102 20 4"),
        };
        static string Ref(params int[] ids) => string.Concat(ids.Select(i => $"""<ofd:ObjectRef PageRef="1">{i}</ofd:ObjectRef>"""));
        var tag = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <fp:eInvoice xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019" xmlns:ofd="http://www.ofdspec.org/2016">
              <fp:InvoiceCode>{Ref(12)}</fp:InvoiceCode><fp:InvoiceNo>{Ref(14)}</fp:InvoiceNo><fp:IssueDate>{Ref(16)}</fp:IssueDate>
              <fp:Buyer><fp:BuyerName>{Ref(21)}</fp:BuyerName></fp:Buyer>
              <fp:Seller><fp:SellerName>{Ref(23)}</fp:SellerName><fp:SellerTaxID>{Ref(25)}</fp:SellerTaxID></fp:Seller>
              <fp:TaxExclusiveTotalAmount>{Ref(30, 31)}</fp:TaxExclusiveTotalAmount><fp:TaxTotalAmount>{Ref(32, 33)}</fp:TaxTotalAmount>
              <fp:TaxInclusiveTotalAmount>{Ref(34, 35)}</fp:TaxInclusiveTotalAmount>
            </fp:eInvoice>
            """;
        return OfdAssembler.Build(texts, withTags ? tag.Trim() : null, absoluteDocRoot);
    }
}
