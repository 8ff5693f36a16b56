using System.Net.Http.Json;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.TestBase;
using ExpenseFlow.TestBase.Mutation;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>
/// Issue 23: what recognition read from a hostile file is stored only as a claim line could take it. Through the real
/// upload, the real recognition job and PostgreSQL's jsonb (which refuses a NUL), read back over HTTP.
/// </summary>
public class HostileReceiptTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task ReceiptOf100Megabytes_IsRefusedWithItsCode_WithoutBeingReadIntoMemory()
    {
        using var employee = await app.SignInAsync("sales3");
        var before = LargeUpload.WorkingSetMb();
        using var form = new MultipartFormDataContent { { LargeUpload.Of(100L * 1024 * 1024), "files", "huge.jpg" } };

        await (await employee.PostAsync("/api/expenses/receipts", form)).ProblemAsync(400, "Expenses.FileTooLarge");

        (LargeUpload.WorkingSetMb() - before).ShouldBeLessThan(60, "the upload is stored as it streams and stopped at the limit");
    }

    [Theory]
    [InlineData("1000000000000000000000")]
    [InlineData("-1280.50")]
    [InlineData("1280.505")]
    public async Task EInvoiceWithAnAmountNoClaimCouldTake_ProposesTheOtherFields_AndSaysWhy(string total)
    {
        using var employee = await app.SignInAsync("sales2");
        var xml = ReceiptSamples.Xml("61234567").Replace("<TaxInclusiveTotalAmount>1280.50</TaxInclusiveTotalAmount>", $"<TaxInclusiveTotalAmount>{total}</TaxInclusiveTotalAmount>", StringComparison.Ordinal);
        var uploaded = (await employee.UploadAsync(("invoice.xml", System.Text.Encoding.UTF8.GetBytes(xml)))).Single();

        await app.RecognizeAsync(uploaded.Id);
        var receipt = (await employee.GetFromJsonAsync<ReceiptDto>($"/api/expenses/receipts/{uploaded.Id}"))!;

        receipt.Status.ShouldBe("Succeeded", receipt.Error);
        receipt.Proposed!.InvoiceNumber.ShouldBe("61234567");
        receipt.Proposed.TotalAmount.ShouldBeNull();
        receipt.Recognition!.Warnings.ShouldContain(w => w.Contains("totalAmount", StringComparison.Ordinal));
    }
}
