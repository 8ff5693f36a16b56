using ExpenseFlow.Recognition.Tests.Support;
using ExpenseFlow.Recognition.Text;

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

    // The abbreviation's period is printed as part of the name.
    [Fact]
    public void RecognizeLines_NameWrappedBeforeABareSuffix_JoinsTheLineAbove() =>
        MerchantOf(
            new("SYARIKAT PERNIAGAAN GIN KEE PHARMACY", 0.95, 40, 100, 400, 30),
            new("SDN. BHD.", 0.96, 160, 134, 150, 30)).ShouldBe("SYARIKAT PERNIAGAAN GIN KEE PHARMACY SDN. BHD.");

    // Dates as receipts print them and OCR reads them: glued to the time, month names in English and Malay, two-digit years.
    [Theory]
    [InlineData("25/12/20188:13:39PM", 2018, 12, 25)]
    [InlineData("06/12/201620:09:40", 2016, 12, 6)]
    [InlineData("22-04-1613:13SH01 B003", 2016, 4, 22)]
    [InlineData("18:1524/05/18", 2018, 5, 24)]
    [InlineData("Date:2016/05/0114:11:20", 2016, 5, 1)]
    [InlineData("05Mar201818:24", 2018, 3, 5)]
    [InlineData("Tarikh: 12 OGOS 2017", 2017, 8, 12)]
    [InlineData("1 MEI 2018 10:02", 2018, 5, 1)]
    [InlineData("31-DIS-17", 2017, 12, 31)]
    [InlineData("0ct 3, 2016 12:16:25 PM", 2016, 10, 3)]
    [InlineData("12/13/2016 9:52:15 AM", 2016, 12, 13)]
    public void Date_ReadsGluedTimesMonthNamesAndForcedMonthFirst(string text, int y, int m, int d) =>
        Parsing.Date(text).ShouldBe(new DateOnly(y, m, d));

    [Fact]
    public void RecognizeLines_AnotherDateWithTheDaySecond_ReadsTheReceiptMonthFirst() =>
        Receipt(Line("Date: 04/05/2018 10:12", 20, 90, 240, 18), Line("Member since 12/25/2017", 20, 400, 240, 18))
            .Fields.IssueDate.ShouldBe(new DateOnly(2018, 4, 5));

    [Fact]
    public void RecognizeLines_DueDateAboveTheTransactionDate_TakesTheTransactionDate() =>
        Receipt(Line("Due Date: 10/05/2018", 20, 60, 240, 18), Line("Date: 03/05/2018", 20, 90, 200, 18), Line("14:22", 300, 90, 60, 18))
            .Fields.IssueDate.ShouldBe(new DateOnly(2018, 5, 3));

    [Fact]
    public void RecognizeLines_ItemCodeWithMixedSeparators_IsNotADate() =>
        Receipt(Line("MF13-22/3-24/360", 20, 150, 240, 18), Line("24-01-16 11:44 SH01 B003", 20, 400, 300, 18))
            .Fields.IssueDate.ShouldBe(new DateOnly(2016, 1, 24));

    // Each usual total label with its amount on the next line, under a subtotal that is not the total.
    [Theory]
    [InlineData("NETT TOTAL")]
    [InlineData("TOTAL DUE")]
    [InlineData("AMOUNT DUE")]
    [InlineData("TOTAL RM")]
    [InlineData("TOTAL (INCL GST)")]
    [InlineData("GRAND TOTAL")]
    [InlineData("Grand Tota'")]
    [InlineData("IUIAL (GSI INUL)")]
    [InlineData("ROUNDED TOTAL")]
    [InlineData("ROUNDING")]
    [InlineData("实收")]
    public void RecognizeLines_TotalLabelWithTheAmountOnTheNextLine_IsTheTotal(string label) =>
        Receipt(Row("SUB TOTAL", "40.00", 200), Line(label, 20, 230, 150, 18), Line("42.40", 300, 256, 80, 18))
            .Fields.TotalAmount.ShouldBe(42.40m);

    [Fact]
    public void RecognizeLines_RoundedTotalBelowTheTotal_IsTheTotal_CashIsNot() =>
        Receipt(Row("Total Sales (Inclusive GST) RM", "13.58", 200), Row("Rounding Adjustment RM", "0.02", 230), Row("Rounding RM", "13.60", 260),
                Row("CASH RM", "14.00", 290), Row("CHANGE RM", ".40", 320)).Fields.TotalAmount.ShouldBe(13.60m);

    [Fact]
    public void RecognizeLines_UnroundedTotalPaidInCash_KeepsTheTotalNotTheCash() =>
        Receipt(Row("TOTAL", "RM1.38", 200), Row("ROUNDING", "RM0.02", 230), Row("CASH", "RM1.40", 260)).Fields.TotalAmount.ShouldBe(1.38m);

    [Fact]
    public void RecognizeLines_TaxTableTotalBelowThePayment_CashMinusChangePicksTheTotal() =>
        Receipt(Row("TOTAL", "180.10", 200), Row("CASH", "200.00", 230), Row("CHANGE", "19.90", 260), Row("TOTAL.", "8.70", 330))
            .Fields.TotalAmount.ShouldBe(180.10m);

    [Fact]
    public void RecognizeLines_MisreadTotal_CardPaymentAndNetPlusTaxAgreeOnTheTotal() =>
        Receipt(Line("AMT PAID INCL. GST :RM76.30", 20, 200, 300, 18), Line("Amt Paid excl. GST RM 73.87", 20, 230, 300, 18),
                Line("GST AMT:RM4.43", 20, 260, 200, 18), Line("PAID BY : VISA:RM78.30", 20, 290, 300, 18))
            .Fields.TotalAmount.ShouldBe(78.30m);

    [Fact]
    public void RecognizeLines_TaxRateOnTheTotalLine_IsNotTheTotal() =>
        Receipt(Row("TOTAL INCL. GST 6.00%", "47.70", 200)).Fields.TotalAmount.ShouldBe(47.70m);

    [Fact]
    public void RecognizeLines_RegistrationLineUnderTheName_IsNotTheMerchant_AndSdnBhdIsReadRight() =>
        MerchantOf(new("Guardian Health And Heauty Sdn Ehd", 0.95, 9, 258, 418, 35), new("Company Reg #101085-1", 0.95, 7, 300, 274, 36))
            .ShouldBe("Guardian Health And Beauty Sdn Bhd");

    [Fact]
    public void RecognizeLines_GluedTaxInvoiceHeading_IsNotTheMerchant() =>
        MerchantOf(new("SIMPLIFIEDTAXINVOICE", 0.95, 70, 286, 664, 66), new("SIN THYE & COMFANY", 0.95, 71, 382, 600, 48))
            .ShouldBe("SIN THYE & COMPANY");

    [Fact]
    public void RecognizeLines_OutletGluedAfterTheLegalSuffix_EndsTheNameAtTheSuffix() =>
        MerchantOf(new("COFFEE", 0.95, 230, 273, 173, 43), new("EIGHT OUNCE COFFEE CO.THE GARDENS MALL", 0.95, 80, 316, 464, 32))
            .ShouldBe("EIGHT OUNCE COFFEE CO.");

    [Fact]
    public void RecognizeLines_BrandOwnedByACompany_TakesTheCompany() =>
        MerchantOf(new TextLine("OLD ASIA OWN BY CHEF LEE SDN BHD", 0.95, 60, 100, 400, 30)).ShouldBe("CHEF LEE SDN BHD");

    [Fact]
    public void RecognizeLines_ShortLegalSuffixMisread_IsSB() =>
        MerchantOf(new TextLine("99SPEED MART5/B(519S37-X)", 0.95, 146, 342, 505, 44)).ShouldBe("99SPEED MART S/B");

    [Fact]
    public void RecognizeLines_NameWordOutsideTheBusinessVocabulary_IsLeftAsRead() =>
        MerchantOf(new TextLine("WEALTH TRADING SDN BHD", 0.95, 60, 100, 400, 30)).ShouldBe("WEALTH TRADING SDN BHD");

    /// <summary>A receipt under a heading, from lines and rows of lines as OCR returns them.</summary>
    private static RecognitionResult Receipt(params TextLine[][] body)
    {
        using var engine = TestData.ExactOnly();
        return engine.RecognizeLines([new("KEDAI RUNCIT MAJU", 0.98, 60, 20, 300, 24), .. body.SelectMany(b => b)], "receipt.jpg");
    }

    private static TextLine[] Line(string text, float x, float y, float width, float height) => [new(text, 0.98, x, y, width, height)];

    /// <summary>A label at the left of a row and its amount at the right.</summary>
    private static TextLine[] Row(string label, string amount, float y) => [new(label, 0.98, 20, y, 240, 18), new(amount, 0.98, 300, y, 80, 18)];

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
