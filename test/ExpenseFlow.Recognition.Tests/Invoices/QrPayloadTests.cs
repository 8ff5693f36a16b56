using ExpenseFlow.Recognition.Invoices;

namespace ExpenseFlow.Recognition.Tests.Invoices;

public class QrPayloadTests
{
    [Fact]
    public void TryParse_ElectronicOrdinaryInvoice_CarriesAmountBeforeTax()
    {
        var qr = QrPayload.TryParse("01,10,033002000211,83089647,510.68,20200723,16197833567414507415,0941,")!;
        qr.InvoiceType.ShouldBe("10");
        qr.InvoiceCode.ShouldBe("033002000211");
        qr.InvoiceNumber.ShouldBe("83089647");
        qr.Amount.ShouldBe(510.68m);
        qr.IssueDate.ShouldBe(new DateOnly(2020, 7, 23));
        qr.CheckCode.ShouldBe("16197833567414507415");
        qr.AmountIsTaxInclusive.ShouldBeFalse();
    }

    [Fact]
    public void TryParse_FullyDigitalInvoice_HasNoCodeAndCarriesTheTotal()
    {
        var qr = QrPayload.TryParse("01,32,,24112000000012345678,1280.50,20241105,,A1B2")!;
        qr.InvoiceCode.ShouldBeNull();
        qr.CheckCode.ShouldBeNull();
        qr.InvoiceNumber.ShouldBe("24112000000012345678");
        qr.AmountIsTaxInclusive.ShouldBeTrue();
    }

    [Theory]
    [InlineData("https://example.invalid/x")]
    [InlineData("02,10,033002000211,83089647,510.68,20200723,1,1")]
    [InlineData("01,10,0330,83089647,510.68,20200723,1,1")]
    [InlineData("01,10")]
    public void TryParse_WhenNotAnInvoicePayload_IsNull(string text) => QrPayload.TryParse(text).ShouldBeNull();
}
