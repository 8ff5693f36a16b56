using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Application.Batches;
using ExpenseFlow.Payments.Application.Payables;
using ExpenseFlow.TestBase;
using Shouldly;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>An approved claim put into a batch by one finance user and released by another, ready for its bank files.</summary>
internal static class ReleasedBatches
{
    public static async Task<BatchDto> ReleasedBatchAsync(this ExpenseFlowApp app, HttpClient maker, HttpClient checker, string employee, string manager, decimal amount)
    {
        var claim = await app.ApprovedClaimAsync(employee, manager, amount, $"模板测试 {amount}");
        var payable = await DemoClaims.EventuallyAsync(async () =>
            (await maker.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!.FirstOrDefault(p => p.ClaimId == claim.Id && p.Status == "Open"), "the payable");
        var legalEntity = (await maker.GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;
        var built = await maker.PostAsJsonAsync("/api/payments/batches", new { legalEntityId = legalEntity, currency = "CNY", payableIds = new[] { payable.Id } });
        ((int)built.StatusCode).ShouldBe(201, await built.Content.ReadAsStringAsync());
        var batch = (await built.Content.ReadFromJsonAsync<BatchDto>())!;
        var released = await checker.PostAsync($"/api/payments/batches/{batch.Id}/release", null);
        ((int)released.StatusCode).ShouldBe(200, await released.Content.ReadAsStringAsync());
        return (await released.Content.ReadFromJsonAsync<BatchDto>())!;
    }
}
