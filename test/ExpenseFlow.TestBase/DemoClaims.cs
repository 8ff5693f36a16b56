using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks;
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


    /// <summary>Submits a claim as the demo employee and has it approved by every step of the demo flow (manager, then finance).</summary>
    public static async Task<ClaimDto> ApprovedClaimAsync(this ExpenseFlowApp app, string employeeLogin, string managerLogin, decimal amount, string title = "已批准报销")
    {
        ArgumentNullException.ThrowIfNull(app);
        using var employee = await app.SignInAsync(employeeLogin);
        using var manager = await app.SignInAsync(managerLogin);
        using var finance = await app.SignInAsync("cfo");
        var claim = await employee.SubmitClaimAsync(amount, title: title);
        await manager.DecideOkAsync((await manager.TaskForAsync(claim.Id)).TaskId);
        await finance.DecideOkAsync((await finance.TaskForAsync(claim.Id)).TaskId);
        return await employee.ClaimWhenAsync(claim.Id, "Approved");
    }

    public static async Task<List<InboxItemDto>> InboxAsync(this HttpClient approver, string query = "") =>
        (await approver.GetFromJsonAsync<PagedResult<InboxItemDto>>($"/api/approvals/inbox?pageSize=100{query}"))!.Items.ToList();

    /// <summary>Waits (the outbox delivers in the background) until the approver has a waiting task for the claim.</summary>
    public static async Task<InboxItemDto> TaskForAsync(this HttpClient approver, Guid claimId, TimeSpan? within = null) =>
        await EventuallyAsync(async () => (await approver.InboxAsync()).FirstOrDefault(i => i.ClaimId == claimId), $"a task for claim {claimId}", within);

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient approver, Guid taskId, string decision, string? comment = null) =>
        approver.PostAsJsonAsync($"/api/approvals/tasks/{taskId}/decision", new { decision, comment });

    public static async Task<ApprovalDto> DecideOkAsync(this HttpClient approver, Guid taskId, string decision = "approve", string? comment = null)
    {
        var response = await approver.DecideAsync(taskId, decision, comment);
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ApprovalDto>())!;
    }

    public static async Task<ClaimDto> ClaimWhenAsync(this HttpClient employee, Guid claimId, string status) =>
        await EventuallyAsync(async () =>
        {
            var claim = await employee.GetFromJsonAsync<ClaimDto>($"/api/expenses/claims/{claimId}");
            return claim!.Status == status ? claim : null;
        }, $"claim {claimId} to be {status}");

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("code").GetString().ShouldBe(code);
        return body;
    }

    /// <summary>Waits for an effect of background work (outbox delivery, a Hangfire job), 15 s unless told otherwise.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? within = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException($"Timed out waiting for {what}.");
    }
}
