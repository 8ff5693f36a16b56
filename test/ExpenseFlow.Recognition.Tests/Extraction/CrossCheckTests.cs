using ExpenseFlow.Recognition.Tests.Support;

namespace ExpenseFlow.Recognition.Tests.Extraction;

/// <summary>Extraction and cross-checks over positioned text lines, as OCR would return them (no models needed).</summary>
public class CrossCheckTests
{
    private static List<TextLine> Invoice(string capitals = "壹仟贰佰捌拾元伍角", string total = "1280.50", string sellerId = "91330106MA2H0C7Q0J",
        string tax = "72.48") =>
    [
        new("上海增值税电子普通发票", 0.99, 300, 40, 260, 26),
        new("发票代码：031001900111", 0.99, 580, 20, 160, 16),
        new("发票号码：52781364", 0.99, 580, 45, 130, 16),
        new("开票日期：2024年03月09日", 0.99, 580, 70, 170, 16),
        new("名称：", 0.99, 80, 140, 50, 16), new("上海云杉信息科技有限公司", 0.99, 190, 140, 150, 16),
        new("纳税人识别号：", 0.99, 80, 170, 90, 16), new("91310115MA1K4FQX2T", 0.99, 190, 170, 150, 16),
        new("合计", 0.99, 60, 370, 40, 16), new("¥1208.02", 0.99, 560, 370, 70, 16), new("¥" + tax, 0.99, 730, 370, 60, 16),
        new("价税合计（大写）", 0.99, 40, 410, 100, 16), new("⊗" + capitals, 0.99, 200, 410, 150, 16),
        new("（小写）¥" + total, 0.99, 600, 410, 120, 16),
        new("名称：", 0.99, 80, 460, 50, 16), new("杭州西溪餐饮管理有限公司", 0.99, 190, 460, 150, 16),
        new("纳税人识别号：", 0.99, 80, 490, 90, 16), new(sellerId, 0.99, 190, 490, 150, 16),
    ];

    [Fact]
    public void RecognizeLines_ConsistentInvoice_ReadsFieldsWithoutWarnings()
    {
        using var engine = TestData.ExactOnly();
        var r = engine.RecognizeLines(Invoice(), "lines");

        r.Kind.ShouldBe(DocumentKind.EInvoice); // type 10 is an electronic invoice, even when photographed
        r.Fields.InvoiceType.ShouldBe("10");
        r.Fields.InvoiceCode.ShouldBe("031001900111");
        r.Fields.BuyerName.ShouldBe("上海云杉信息科技有限公司");
        r.Fields.SellerName.ShouldBe("杭州西溪餐饮管理有限公司");
        r.Fields.TotalAmount.ShouldBe(1280.50m);
        r.Fields.AmountExcludingTax.ShouldBe(1208.02m);
        r.Warnings.ShouldBeEmpty();
        r.Confidence[FieldNames.TotalAmount].ShouldBeGreaterThanOrEqualTo(0.99);
    }

    [Fact]
    public void RecognizeLines_CapitalsDisagreeWithFigures_WarnsAndLowersConfidence()
    {
        using var engine = TestData.ExactOnly();
        var r = engine.RecognizeLines(Invoice(capitals: "壹仟贰佰捌拾叁元伍角"), "lines");

        r.Warnings.ShouldContain(w => w.Contains("大写", StringComparison.Ordinal));
        r.Confidence[FieldNames.TotalAmount].ShouldBeLessThan(0.6);
    }

    [Fact]
    public void RecognizeLines_AmountPlusTaxNotTotal_Warns()
    {
        using var engine = TestData.ExactOnly();
        var r = engine.RecognizeLines(Invoice(tax: "72.43"), "lines");

        r.Warnings.ShouldContain(w => w.Contains("≠ total", StringComparison.Ordinal));
    }

    [Fact]
    public void RecognizeLines_TaxIdWithOneMisreadCharacter_IsRepairedByTheCheckCharacter()
    {
        using var engine = TestData.ExactOnly();
        var r = engine.RecognizeLines(Invoice(sellerId: "91330106MA2H0C7QOJ"), "lines");

        r.Fields.SellerTaxId.ShouldBe("91330106MA2H0C7Q0J");
        r.Warnings.ShouldContain(w => w.Contains("corrected", StringComparison.Ordinal));
    }

    [Fact]
    public void RecognizeLines_TaxIdOfSeventeenCharacters_WarnsAndLowersConfidence()
    {
        using var engine = TestData.ExactOnly();
        var r = engine.RecognizeLines(Invoice(sellerId: "91330106MA2H0C7QJ"), "lines");

        r.Warnings.ShouldContain(w => w.Contains("17 characters", StringComparison.Ordinal));
        r.Confidence[FieldNames.SellerTaxId].ShouldBeLessThan(0.6);
        r.Confidence[FieldNames.BuyerTaxId].ShouldBeGreaterThan(0.9, "the buyer's id passes its check");
    }

    [Fact]
    public void RecognizeLines_Receipt_ReadsMerchantDateTotalAndCurrency()
    {
        List<TextLine> lines =
        [
            new("KEDAI RUNCIT MAJU SDN BHD (123456-A)", 0.98, 60, 20, 400, 30),
            new("NO 5, JALAN SS 2/1, PETALING JAYA", 0.97, 70, 55, 380, 28),
            new("TAX INVOICE", 0.99, 180, 100, 160, 28),
            new("DATE: 12/03/2018 14:22", 0.99, 20, 140, 260, 28),
            new("SUB TOTAL", 0.99, 20, 300, 140, 28), new("RM 18.87", 0.99, 380, 302, 100, 28),
            new("GST 6%", 0.99, 20, 335, 100, 28), new("1.13", 0.99, 400, 336, 70, 28),
            new("TOTAL", 0.99, 20, 370, 90, 28), new("20.00", 0.99, 400, 372, 70, 28),
            new("CASH", 0.99, 20, 405, 80, 28), new("50.00", 0.99, 400, 406, 70, 28),
            new("CHANGE", 0.99, 20, 440, 100, 28), new("30.00", 0.99, 400, 441, 70, 28),
        ];
        using var engine = TestData.ExactOnly();
        var r = engine.RecognizeLines(lines, "receipt");

        r.Kind.ShouldBe(DocumentKind.Receipt);
        r.Fields.SellerName.ShouldBe("KEDAI RUNCIT MAJU SDN BHD");
        r.Fields.IssueDate.ShouldBe(new DateOnly(2018, 3, 12));
        r.Fields.TotalAmount.ShouldBe(20.00m);
        r.Fields.TaxAmount.ShouldBe(1.13m);
        r.Fields.Currency.ShouldBe("MYR");
    }
}
