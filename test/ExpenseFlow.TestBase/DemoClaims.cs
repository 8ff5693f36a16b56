using System.Globalization;
using System.Net.Http.Json;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;
using Shouldly;

namespace ExpenseFlow.TestBase;

/// <summary>Claims the demo employees submit through the HTTP API, for suites that need one to work on.</summary>
public static class DemoClaims
{
    private static int _invoice = Random.Shared.Next(10_000_000, 90_000_000);

    /// <summary>Creates and submits a claim (justifying any policy warning), as the employee would.</summary>
    public static async Task<ClaimDto> SubmitClaimAsync(this HttpClient employee, decimal amount, string category = "travel", string title = "出差报销")
    {
        var legalEntity = (await employee.GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;
        var number = Interlocked.Increment(ref _invoice).ToString("D8", CultureInfo.InvariantCulture);
        var invoice = new
        {
            invoiceCode = "031001900111", invoiceNumber = number, issueDate = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            totalAmount = amount, buyerName = "上海示例科技有限公司", buyerTaxId = "91310115MA1K4B2C3J", sellerName = "示例商户",
        };
        var receipt = await employee.UploadReceiptAsync($"收据 {number}");
        var line = new { category, amount, currency = "CNY", expenseDate = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), receiptIds = new[] { receipt }, invoice };
        var created = await employee.PostAsJsonAsync("/api/expenses/claims", new { title, legalEntityId = legalEntity, lines = new[] { line } });
        ((int)created.StatusCode).ShouldBe(201, await created.Content.ReadAsStringAsync());
        var claim = (await created.Content.ReadFromJsonAsync<ClaimDto>())!;
        var findings = await (await employee.PostAsync($"/api/expenses/claims/{claim.Id}/check", null)).Content.ReadFromJsonAsync<List<PolicyFindingDto>>();
        var justifications = findings!.Where(f => f.Severity == "Warn").Select(f => new { rule = f.Rule, line = f.Line, text = "测试说明" }).ToList();
        var submitted = await employee.PostAsJsonAsync($"/api/expenses/claims/{claim.Id}/submit", new { justifications });
        ((int)submitted.StatusCode).ShouldBe(200, await submitted.Content.ReadAsStringAsync());
        return (await submitted.Content.ReadFromJsonAsync<ClaimDto>())!;
    }

    /// <summary>A receipt file (its bytes are not recognised here: no job server runs in these tests).</summary>
    public static async Task<Guid> UploadReceiptAsync(this HttpClient employee, string text)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
        form.Add(content, "files", "receipt.txt");
        var response = await employee.PostAsync("/api/expenses/receipts", form);
        ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<ReceiptDto>>())!.Single().Id;
    }

}
