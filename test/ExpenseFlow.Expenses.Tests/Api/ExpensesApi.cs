using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Infrastructure.Recognition;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>Small helpers over the HTTP API, so tests read as the employee's steps.</summary>
internal static class ExpensesApi
{
    /// <summary>A file of ../shared/data (for [SharedDataFact] tests, skipped with a message when it is absent).</summary>
    public static string SharedData(string folder, params string[] parts) => TestBase.SharedData.Path(folder, parts);

    public static async Task<List<ReceiptDto>> UploadAsync(this HttpClient client, params (string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }

        var response = await client.PostAsync("/api/expenses/receipts", form);
        ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<ReceiptDto>>())!;
    }

    public static async Task RecognizeAsync(this ExpenseFlowApp app, Guid receiptId) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<RecognizeReceiptJob>().RunAsync(receiptId, CancellationToken.None));

    public static async Task<Guid> LegalEntityAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;

    public static object Line(string category, decimal amount, object? invoice = null, IEnumerable<Guid>? receipts = null, string date = "2026-11-01") =>
        new { category, amount, currency = "CNY", expenseDate = date, receiptIds = receipts ?? [], invoice };

    public static async Task<ClaimDto> CreateClaimAsync(this HttpClient client, string title, params object[] lines)
    {
        var response = await client.PostAsJsonAsync("/api/expenses/claims", new { title, legalEntityId = await client.LegalEntityAsync(), lines });
        ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClaimDto>())!;
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, Guid claimId, string? idempotencyKey = null, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/expenses/claims/{claimId}/submit") { Content = JsonContent.Create(body ?? new { }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("code").GetString().ShouldBe(code, body.GetRawText());
        return body;
    }

    /// <summary>An invoice bought by the demo company, so the buyer check passes.</summary>
    public static object CompanyInvoice(string number, string? code = "031001900111", string date = "2026-10-30", decimal total = 300m) => new
    {
        invoiceCode = code, invoiceNumber = number, issueDate = date, totalAmount = total,
        buyerName = "上海示例科技有限公司", buyerTaxId = "91310115MA1K4B2C3J", sellerName = "示例酒店",
    };
}
