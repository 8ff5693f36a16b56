using System.Net.Http.Json;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Recognition.Tests.Support;
using ExpenseFlow.TestBase;
using Shouldly;
using SkiaSharp;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>A photographed-looking invoice image goes through the real engine (QR + PaddleOCR) in the recognition job.</summary>
public class GeneratedInvoiceRecognitionTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task GeneratedVatInvoiceImage_IsRecognised_FieldsProposedWithSourcesAndBoxes()
    {
        var invoice = SampleInvoice.Ordinary;
        using var bitmap = InvoiceRenderer.Bitmap(invoice, 8f);
        var jpeg = InvoiceRenderer.Encode(bitmap, SKEncodedImageFormat.Jpeg, 85);
        using var employee = await app.SignInAsync("sales.east");

        var uploaded = (await employee.UploadAsync(("发票照片.jpg", jpeg))).Single();
        await app.RecognizeAsync(uploaded.Id);
        var receipt = (await employee.GetFromJsonAsync<ReceiptDto>($"/api/expenses/receipts/{uploaded.Id}"))!;

        receipt.Status.ShouldBe("Succeeded", receipt.Error);
        receipt.DocumentKind.ShouldNotBeNull().ShouldNotBe("unknown");
        var p = receipt.Proposed!;
        p.InvoiceCode.ShouldBe(invoice.Code);
        p.InvoiceNumber.ShouldBe(invoice.Number);
        p.IssueDate.ShouldBe(invoice.Date);
        p.AmountExcludingTax.ShouldBe(invoice.Amount);
        p.TotalAmount.ShouldBe(invoice.Total);
        p.SellerName.ShouldBe(invoice.SellerName);
        p.BuyerTaxId.ShouldBe(invoice.BuyerTaxId);
        receipt.Recognition!.Sources["invoiceNumber"].ShouldBe("qr");
        receipt.Recognition.Sources["sellerName"].ShouldBe("ocr");
        receipt.Recognition.TextLines.ShouldContain(l => l.Text.Contains(invoice.SellerName, StringComparison.Ordinal) && l.Width > 0 && l.Height > 0);
    }
}
