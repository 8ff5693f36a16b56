using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Application.Batches;
using ExpenseFlow.Payments.Application.Payables;
using Shouldly;

namespace ExpenseFlow.TestBase;

/// <summary>The whole payment chain through the API, for tests that need a paid claim rather than to test payments.</summary>
public static class DemoPayments
{
    /// <summary>
    /// Approves a claim (manager, finance review), then finance1 batches it, finance2 releases the batch, and a camt.053
    /// statement quoting its EndToEndId is imported; returns once the employee sees the claim Paid.
    /// </summary>
    public static async Task<ClaimDto> PaidClaimAsync(this ExpenseFlowApp app, string employeeLogin, string managerLogin, decimal amount, string title, string payeeName)
    {
        ArgumentNullException.ThrowIfNull(app);
        var claim = await app.ApprovedClaimAsync(employeeLogin, managerLogin, amount, title);
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        var payable = await DemoClaims.EventuallyAsync(async () =>
            (await maker.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!.FirstOrDefault(p => p.ClaimId == claim.Id), "the payable");
        var legalEntity = (await maker.GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;
        var built = await maker.PostAsJsonAsync("/api/payments/batches", new { legalEntityId = legalEntity, payableIds = new[] { payable.Id } });
        ((int)built.StatusCode).ShouldBe(201, await built.Content.ReadAsStringAsync());
        var batch = (await built.Content.ReadFromJsonAsync<BatchDto>())!;
        (await checker.PostAsync($"/api/payments/batches/{batch.Id}/release", null)).EnsureSuccessStatusCode();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(DemoStatements.Camt053($"STMT-{claim.Number}", new DemoStatements.Entry(amount, false, DateOnly.FromDateTime(DateTime.UtcNow), $"{claim.Number}-1", payeeName, claim.Number)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "file", "statement.xml");
        (await maker.PostAsync("/api/payments/statements", form)).EnsureSuccessStatusCode();
        using var employee = await app.SignInAsync(employeeLogin);
        return await employee.ClaimWhenAsync(claim.Id, "Paid");
    }
}
