using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Recognition.Tests.Support;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SkiaSharp;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>
/// Issue 14, finding 5: a second claim of the same invoice got through when its typed fields were written another way
/// (no code, full-width digits, a leading zero) or when it carried the same image with nothing typed.
/// </summary>
public class DuplicateInvoiceTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task TheSameInvoice_TypedAnotherWay_IsRefusedAsADuplicate()
    {
        using var first = await app.SignInAsync("sales1");
        using var second = await app.SignInAsync("sales4");
        var claimed = await first.CreateClaimAsync("原报销", ExpensesApi.Line("office", 100m, ExpensesApi.CompanyInvoice("87594058")));
        (await first.SubmitAsync(claimed.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var (code, number) in new (string?, string)[]
        {
            (null, "87594058"), // the code left out
            ("031001900111", "８７５９４０５８"), // full-width digits
            ("031001900111", "087594058"), // a leading zero
            ("31001900111", "87594058"), // the code's leading zero dropped
            ("031001900111", "8759 4058"),
            (null, "03100190011187594058"), // code and number as one 20-digit number, as a 数电票 would be typed
            ("87594058", "031001900111"), // each in the other's field
        })
        {
            var again = await second.CreateClaimAsync("再报销", ExpensesApi.Line("office", 100m, ExpensesApi.CompanyInvoice(number, code)));
            var refused = await (await second.SubmitAsync(again.Id)).ProblemAsync(409, "Expenses.DuplicateInvoice");
            refused.GetProperty("detail").GetString()!.ShouldContain("87594058", customMessage: $"{code} / {number}");
        }

        // Normalising merges no genuinely different invoices: the same number under another code is another invoice.
        var other = await second.CreateClaimAsync("另一张发票", ExpensesApi.Line("office", 100m, ExpensesApi.CompanyInvoice("87594058", "031001900112")));
        (await second.SubmitAsync(other.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A number nobody claimed, without its code, is not an identity at all.
        var bare = await second.CreateClaimAsync("缺少代码", ExpensesApi.Line("office", 100m, ExpensesApi.CompanyInvoice("11223344", null)));
        var incomplete = await (await second.SubmitAsync(bare.Id)).ProblemAsync(400, "Expenses.InvoiceIdentityInvalid");
        incomplete.GetProperty("detail").GetString()!.ShouldContain("code");
        await app.WithScopeAsync(async sp => (await sp.GetRequiredService<ExpensesDbContext>().ClaimedInvoices.Select(c => c.InvoiceKey).Where(k => k.EndsWith("87594058")).ToListAsync())
            .ShouldBe(["I:03100190011187594058", "I:03100190011287594058"], ignoreOrder: true));
    }

    [Fact]
    public async Task TheSamePhoto_WithNothingTyped_IsRefusedAsADuplicate_ByItsQrCode_AndByItsBytes()
    {
        var invoice = SampleInvoice.Ordinary with { Number = "52781401" };
        using var bitmap = InvoiceRenderer.Bitmap(invoice, 8f);
        var photo = InvoiceRenderer.Encode(bitmap, SKEncodedImageFormat.Jpeg, 85);
        using var first = await app.SignInAsync("sales2");
        using var second = await app.SignInAsync("dev1");

        var claimed = await ClaimWithDocumentAsync(first, ("发票.jpg", photo));
        (await first.SubmitAsync(claimed.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Nothing was typed: the line now carries the identity read from the QR code.
        var line = (await first.GetFromJsonAsync<ClaimDto>($"/api/expenses/claims/{claimed.Id}"))!.Lines.Single();
        (line.Invoice.InvoiceCode, line.Invoice.InvoiceNumber).ShouldBe((invoice.Code, invoice.Number));

        var again = await ClaimWithDocumentAsync(second, ("IMG_0001.jpg", photo));
        (await (await second.SubmitAsync(again.Id)).ProblemAsync(409, "Expenses.DuplicateInvoice")).GetProperty("detail").GetString()!.ShouldContain(invoice.Number);
        // A photo with no exact identity (the QR code cut off): its bytes alone are enough.
        using var noQr = InvoiceRenderer.Bitmap(invoice with { Number = "52781402" }, 8f, withQr: false);
        var plain = InvoiceRenderer.Encode(noQr, SKEncodedImageFormat.Jpeg, 85);
        var byBytes = await ClaimWithDocumentAsync(first, ("小票.jpg", plain));
        (await first.SubmitAsync(byBytes.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sameBytes = await ClaimWithDocumentAsync(second, ("小票副本.jpg", plain));
        var refused = await (await second.SubmitAsync(sameBytes.Id)).ProblemAsync(409, "Expenses.DuplicateInvoice");
        refused.GetProperty("detail").GetString()!.ShouldContain("小票副本.jpg");
    }

    [Fact]
    public async Task ATypedIdentity_ContradictingTheQrCodeOrTheXml_IsRefused_AndABlankCodeIsTakenFromIt()
    {
        using var employee = await app.SignInAsync("dev2");
        var invoice = SampleInvoice.Ordinary with { Number = "52781501" };
        var pdf = (await employee.UploadAsync(("发票.pdf", InvoiceRenderer.Pdf(invoice)))).Single();
        var xml = (await employee.UploadAsync(("发票.xml", EInvoiceXml("031001900111", "52781502")))).Single();
        await app.RecognizeAsync(pdf.Id);
        await app.RecognizeAsync(xml.Id);
        (await employee.GetFromJsonAsync<ReceiptDto>($"/api/expenses/receipts/{xml.Id}"))!.Recognition!.Sources["invoiceNumber"].ShouldBe("xml");

        foreach (var (receipt, typed, source) in new[] { (pdf.Id, "52781599", "QR code"), (xml.Id, "52781598", "XML data") })
        {
            var claim = await employee.CreateClaimAsync("改号", ExpensesApi.Line("office", 100m, new { invoiceCode = "031001900111", invoiceNumber = typed }, [receipt]));
            (await employee.PostAsync($"/api/expenses/claims/{claim.Id}/check", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var refused = await (await employee.SubmitAsync(claim.Id)).ProblemAsync(422, "Expenses.InvoiceIdentityMismatch");
            refused.GetProperty("detail").GetString()!.ShouldContain(source);
            (await employee.DeleteAsync($"/api/expenses/claims/{claim.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        // The number as printed but the code left blank (or full-width): the document's identity is claimed.
        var kept = await employee.CreateClaimAsync("留空代码", ExpensesApi.Line("office", 100m, new { invoiceNumber = "５２７８１５０２" }, [xml.Id]));
        var submitted = await employee.SubmitAsync(kept.Id);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var line = (await submitted.Content.ReadFromJsonAsync<ClaimDto>())!.Lines.Single();
        (line.Invoice.InvoiceCode, line.Invoice.InvoiceNumber).ShouldBe(("031001900111", "52781502"));
    }

    [Fact]
    public async Task ADocumentStillBeingRead_HoldsTheSubmit_UntilItsIdentityIsKnown()
    {
        using var employee = await app.SignInAsync("dev3");
        var claim = await ClaimWithDocumentAsync(employee, ("发票.xml", EInvoiceXml("031001900111", "52781601")), recognise: false);

        await (await employee.SubmitAsync(claim.Id)).ProblemAsync(409, "Expenses.RecognitionPending");
        await app.RecognizeAsync(claim.Lines.Single().ReceiptIds.Single());
        var submitted = await employee.SubmitAsync(claim.Id);

        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        (await submitted.Content.ReadFromJsonAsync<ClaimDto>())!.Lines.Single().Invoice.InvoiceNumber.ShouldBe("52781601");
    }

    /// <summary>A draft with one office line carrying the uploaded document and no typed invoice fields.</summary>
    internal static async Task<ClaimDto> ClaimWithDocumentAsync(ExpenseFlowApp app, HttpClient employee, (string Name, byte[] Bytes) file, bool recognise = true)
    {
        var receipt = (await employee.UploadAsync(file)).Single();
        if (recognise)
        {
            await app.RecognizeAsync(receipt.Id);
        }

        return await employee.CreateClaimAsync("票据", ExpensesApi.Line("office", 100m, null, [receipt.Id]));
    }

    private Task<ClaimDto> ClaimWithDocumentAsync(HttpClient employee, (string Name, byte[] Bytes) file, bool recognise = true) =>
        ClaimWithDocumentAsync(app, employee, file, recognise);

    /// <summary>A structured e-invoice as issuers attach it (the elements the engine reads), bought by the demo company.</summary>
    internal static byte[] EInvoiceXml(string code, string number) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <EInvoice><Header><InvoiceCode>{code}</InvoiceCode><InvoiceNumber>{number}</InvoiceNumber><IssueTime>2026-10-30</IssueTime></Header>
        <Buyer><BuyerName>上海示例科技有限公司</BuyerName><BuyerIdNum>91310115MA1K4B2C3J</BuyerIdNum></Buyer>
        <Seller><SellerName>示例酒店</SellerName><SellerIdNum>91330106MA2H0C7Q0J</SellerIdNum></Seller>
        <TaxInclusiveTotalAmount>100.00</TaxInclusiveTotalAmount><TaxTotalAmount>5.66</TaxTotalAmount><TotalAmWithoutTax>94.34</TotalAmWithoutTax></EInvoice>
        """);
}
