using ExpenseFlow.Recognition.Tests.Support;

namespace ExpenseFlow.Recognition.Tests.Receipts;

/// <summary>Receipt rules over positioned text lines, as OCR would return them (no models needed).</summary>
public class ReceiptRulesTests
{
    [Fact]
    public void RecognizeLines_ChineseTillReceipt_TotalIsWhatWasPaidAfterTheDiscount()
    {
        List<TextLine> lines =
        [
            new("永辉超市有限公司", 0.98, 120, 20, 200, 24),
            new("福州台江店", 0.97, 160, 50, 110, 20),
            new("日期：2026-03-09 12:31", 0.98, 20, 90, 220, 18),
            new("商品", 0.98, 20, 120, 40, 18), new("金额", 0.98, 330, 120, 40, 18),
            new("牛奶 2x32.00", 0.97, 20, 145, 120, 18), new("64.00", 0.98, 330, 145, 60, 18),
            new("面包", 0.97, 20, 170, 40, 18), new("64.50", 0.98, 330, 170, 60, 18),
            new("合计：", 0.98, 20, 200, 50, 18), new("128.50", 0.98, 330, 200, 60, 18),
            new("优惠：", 0.98, 20, 225, 50, 18), new("-8.50", 0.98, 330, 225, 60, 18),
            new("实收：", 0.98, 20, 250, 50, 18), new("120.00", 0.98, 330, 250, 60, 18),
            new("现金：", 0.98, 20, 275, 50, 18), new("150.00", 0.98, 330, 275, 60, 18),
            new("找零：", 0.98, 20, 300, 50, 18), new("30.00", 0.98, 330, 300, 60, 18),
            new("谢谢惠顾，欢迎再次光临", 0.97, 80, 340, 240, 18),
        ];
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(lines, "till.jpg");

        r.Kind.ShouldBe(DocumentKind.Receipt);
        r.Fields.TotalAmount.ShouldBe(120.00m);
        r.Fields.SellerName.ShouldBe("永辉超市有限公司");
        r.Fields.IssueDate.ShouldBe(new DateOnly(2026, 3, 9));
        r.Fields.Currency.ShouldBe("CNY");
    }

    [Fact]
    public void RecognizeLines_SubtotalThenChange_NeitherIsTheTotal()
    {
        List<TextLine> lines =
        [
            new("北京海底捞餐饮有限责任公司", 0.98, 80, 20, 280, 24),
            new("2026年11月02日 19:40", 0.98, 20, 60, 200, 18),
            new("小计", 0.98, 20, 200, 40, 18), new("356.00", 0.98, 330, 200, 60, 18),
            new("折扣", 0.98, 20, 225, 40, 18), new("-35.60", 0.98, 330, 225, 60, 18),
            new("应收金额", 0.98, 20, 250, 80, 18), new("320.40", 0.98, 330, 250, 60, 18),
            new("找零", 0.98, 20, 275, 40, 18), new("79.60", 0.98, 330, 275, 60, 18),
        ];
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(lines, "dinner.jpg");

        r.Fields.TotalAmount.ShouldBe(320.40m);
        r.Fields.IssueDate.ShouldBe(new DateOnly(2026, 11, 2));
        r.Fields.SellerName.ShouldBe("北京海底捞餐饮有限责任公司");
    }

    [Fact]
    public void RecognizeLines_HotelWithTelephoneLine_TakesTheHotelsNameNotTheTelephone()
    {
        List<TextLine> lines =
        [
            new("GRAND CONTINENTAL HOTEL", 0.98, 60, 20, 300, 24),
            new("TEL: 03-2141 8888", 0.98, 90, 50, 200, 18),
            new("Date: 05/10/2026", 0.98, 20, 90, 200, 18),
            new("TOTAL", 0.98, 20, 200, 60, 18), new("RM 480.00", 0.98, 300, 200, 100, 18),
        ];
        using var engine = TestData.ExactOnly();

        var r = engine.RecognizeLines(lines, "hotel.jpg");

        r.Fields.SellerName.ShouldBe("GRAND CONTINENTAL HOTEL");
        r.Fields.TotalAmount.ShouldBe(480.00m);
        r.Fields.Currency.ShouldBe("MYR");
    }

    [Fact]
    public void RecognizeLines_ReceiptShowingNoCurrency_LeavesTheCurrencyAbsent_UnlessTheCallerGivesADefault()
    {
        List<TextLine> lines =
        [
            new("CORNER BAKERY SDN BHD", 0.98, 60, 20, 300, 24),
            new("Date: 05/10/2026", 0.98, 20, 90, 200, 18),
            new("TOTAL", 0.98, 20, 200, 60, 18), new("12.50", 0.98, 300, 200, 100, 18),
        ];
        using var engine = TestData.ExactOnly();
        using var withDefault = new RecognitionEngine(new RecognitionOptions { EnableOcr = false, DefaultCurrency = "MYR" });

        var plain = engine.RecognizeLines(lines, "bakery.jpg");
        var defaulted = withDefault.RecognizeLines(lines, "bakery.jpg");

        plain.Fields.TotalAmount.ShouldBe(12.50m);
        plain.Fields.Currency.ShouldBeNull();
        plain.Confidence.ShouldNotContainKey(FieldNames.Currency);
        defaulted.Fields.Currency.ShouldBe("MYR");
        defaulted.Confidence[FieldNames.Currency].ShouldBe(0.5);
    }

    [Fact]
    public void RecognizeLines_LogoSplitByTheDetectorAfterAGreeting_IsOneMerchantName() =>
        MerchantOf(
            new("WelcometotheFamily", 0.96, 60, 78, 284, 30),
            new("Fami", 0.99, 67, 129, 119, 42), new("lyMart", 0.9, 189, 126, 157, 47),
            new("NO 16A, JALAN ASTAKA U8/83", 0.9, 43, 213, 326, 29)).ShouldBe("FamilyMart");

    // The two pieces of the legal name overlap, so they join without a space; "SIN" is OCR's "SDN".
    [Fact]
    public void RecognizeLines_BrandAboveTheLegalName_TakesTheLegalNameWithItsSuffixReadRight() =>
        MerchantOf(
            new("SIMPLIFIED TAX INVOICE", 0.95, 44, 175, 277, 26),
            new("AA PHARMACY", 0.92, 43, 197, 276, 30),
            new("SUBANG HEALTHCARE SIN", 0.96, 43, 223, 275, 30), new("BHD", 0.97, 305, 223, 69, 27),
            new("1118258-K", 0.99, 45, 248, 119, 28)).ShouldBe("SUBANG HEALTHCARE SDNBHD");

    [Fact]
    public void RecognizeLines_NameWrappedBeforeABareSuffix_JoinsTheLineAbove() =>
        MerchantOf(
            new("SYARIKAT PERNIAGAAN GIN KEE PHARMACY", 0.95, 40, 100, 400, 30),
            new("SDN. BHD.", 0.96, 160, 134, 150, 30)).ShouldBe("SYARIKAT PERNIAGAAN GIN KEE PHARMACY SDN. BHD");

    /// <summary>The merchant read from a receipt's heading lines, followed by a date and a total further down.</summary>
    private static string? MerchantOf(params TextLine[] heading)
    {
        using var engine = TestData.ExactOnly();
        List<TextLine> lines =
        [
            .. heading,
            new("DATE: 02/01/2018", 0.98, 41, 450, 200, 30),
            new("TOTAL", 0.98, 41, 600, 90, 30), new("12.00", 0.98, 300, 600, 80, 30),
        ];
        return engine.RecognizeLines(lines, "receipt.jpg").Fields.SellerName;
    }
}
