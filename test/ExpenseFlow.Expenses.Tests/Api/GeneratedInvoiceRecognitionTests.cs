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

/// <summary>A real paper railway ticket (../shared/data/cn-tickets-dev) uploaded as an employee photographs it.</summary>
public class TrainTicketRecognitionTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [SharedDataFact("cn-tickets-dev")]
    public async Task RailwayTicketPhoto_IsATrainTicket_TravelDateAndFareProposed_TripKept()
    {
        var path = ExpensesApi.SharedData("cn-tickets-dev", "SodaShikenn_LSTM_GCN", "imgs", "train", "34908612.jpeg");
        using var employee = await app.SignInAsync("sales.east");

        var uploaded = (await employee.UploadAsync(("火车票.jpg", await File.ReadAllBytesAsync(path)))).Single();
        await app.RecognizeAsync(uploaded.Id);
        var receipt = (await employee.GetFromJsonAsync<ReceiptDto>($"/api/expenses/receipts/{uploaded.Id}"))!;

        receipt.Status.ShouldBe("Succeeded", receipt.Error);
        receipt.DocumentKind.ShouldBe("train-ticket");
        receipt.Proposed!.IssueDate.ShouldBe(new DateOnly(2019, 3, 10), "the travel date is the line's date when no issue date is printed");
        receipt.Proposed.TotalAmount.ShouldBe(41.0m);
        receipt.Proposed.SellerName.ShouldBeNull("a station is not a seller");
        receipt.ProposedCurrency.ShouldBe("CNY");
        var detail = receipt.Recognition!;
        detail.Identity.ShouldBe("train-ticket:003B052946");
        detail.TravelDate.ShouldBe(new DateOnly(2019, 3, 10));
        detail.Travel!.TrainNumber.ShouldBe("D3069");
        detail.Travel.SeatClass.ShouldBe("二等座");
        detail.Documents.ShouldBeNull();
    }
}
