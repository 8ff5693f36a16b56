using System.Net.Http.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Application.Batches;
using ExpenseFlow.Payments.Application.Payables;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// Issue 14, finding 1, the Payments side: money moves only for a claim that is still approved, whatever Payments heard
/// and in which order. The claims "cancelled behind Payments' back" here are what the old race left in the database
/// (a Cancelled claim with an open payable), written the way the old code wrote them.
/// </summary>
public class ClaimStateRecheckTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task Build_RefusesANamedClaimThatIsNoLongerApproved_AndLeavesItOutOfABatchBuiltByFilter()
    {
        using var maker = await app.SignInAsync("finance1");
        var (a, payableA) = await PayableAsync(maker, "sales2", "sales.east", 211m);
        var (_, payableB) = await PayableAsync(maker, "sales3", "sales.east", 212m);
        await CancelBehindTheGuardAsync(a.Id, publish: false);

        var named = await BuildAsync(maker, payableA.Id, payableB.Id);

        var problem = await named.ProblemAsync(409, "Payments.ClaimNotPayable");
        problem.GetProperty("detail").GetString()!.ShouldContain(a.Number);
        var byFilter = await BuildAsync(maker);
        ((int)byFilter.StatusCode).ShouldBe(201, await byFilter.Content.ReadAsStringAsync());
        var batch = (await byFilter.Content.ReadFromJsonAsync<BatchDto>())!;
        batch.Lines.ShouldContain(l => l.ClaimId == payableB.ClaimId);
        batch.Lines.ShouldNotContain(l => l.ClaimId == a.Id);
        var closed = await PayableOfAsync(maker, a.Id);
        (closed.Status, closed.HoldReason).ShouldBe(("Closed", "ClaimCancelled"));
    }

    [Fact]
    public async Task Release_RefusesABatchWhoseClaimWasCancelledAfterItWasBuilt()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        var (claim, payable) = await PayableAsync(maker, "dev1", "rnd.lead", 321m);
        var built = await BuildAsync(maker, payable.Id);
        ((int)built.StatusCode).ShouldBe(201, await built.Content.ReadAsStringAsync());
        var batch = (await built.Content.ReadFromJsonAsync<BatchDto>())!;
        await CancelBehindTheGuardAsync(claim.Id, publish: false);

        var release = await checker.PostAsync($"/api/payments/batches/{batch.Id}/release", null);

        (await release.ProblemAsync(409, "Payments.ClaimNotPayable")).GetProperty("detail").GetString()!.ShouldContain(claim.Number);
        (await maker.GetFromJsonAsync<BatchDto>($"/api/payments/batches/{batch.Id}"))!.Status.ShouldBe("Draft");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Infrastructure.PaymentsDbContext>();
            (await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM payments.outbox_messages WHERE payload->>'claimId' = {claim.Id.ToString()}")
                .SingleAsync()).ShouldBe(0, "nothing was scheduled for the cancelled claim");
        });
    }

    [Fact]
    public async Task ClaimCancelled_ClosesItsOpenPayable_AndTakesItOutOfADraftBatch_WhichThenPaysOnlyTheOthers()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        var (d, payableD) = await PayableAsync(maker, "dev2", "rnd.lead", 431m);
        var (e, payableE) = await PayableAsync(maker, "dev3", "rnd.lead", 432m);
        var (f, _) = await PayableAsync(maker, "sales4", "sales.director", 433m);
        var built = await BuildAsync(maker, payableD.Id, payableE.Id);
        ((int)built.StatusCode).ShouldBe(201, await built.Content.ReadAsStringAsync());
        var batch = (await built.Content.ReadFromJsonAsync<BatchDto>())!;

        await CancelBehindTheGuardAsync(d.Id, publish: true);
        await CancelBehindTheGuardAsync(f.Id, publish: true);
        await app.OutboxDrainedAsync();

        (await PayableOfAsync(maker, d.Id)).Status.ShouldBe("Closed");
        (await PayableOfAsync(maker, f.Id)).HoldReason.ShouldBe("ClaimCancelled");
        var draft = (await maker.GetFromJsonAsync<BatchDto>($"/api/payments/batches/{batch.Id}"))!;
        (draft.Status, draft.Count, draft.Total).ShouldBe(("Draft", 1, 432m));
        draft.Lines.Single(l => l.ClaimId == d.Id).Status.ShouldBe("Removed");
        var released = await checker.PostAsync($"/api/payments/batches/{batch.Id}/release", null);
        ((int)released.StatusCode).ShouldBe(200, await released.Content.ReadAsStringAsync());
        using var dev3 = await app.SignInAsync("dev3");
        await dev3.ClaimWhenAsync(e.Id, "Scheduled");
        var file = System.Text.Encoding.UTF8.GetString(await maker.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/pain.001.001.09"));
        file.ShouldContain($"{e.Number}-1");
        file.ShouldNotContain(d.Number);
        await app.OutboxDrainedAsync();
        // (Their approvals stay Approved: that disagreement is the old race's, which Payments cannot undo; money is what it guards.)
        (await app.ViolationsAsync()).Where(v => !v.Contains("approval", StringComparison.Ordinal))
            .ShouldNotContain(v => v.Contains(d.Number, StringComparison.Ordinal) || v.Contains(f.Number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClaimApprovedArrivingForACancelledClaim_CreatesNoPayable()
    {
        using var employee = await app.SignInAsync("sales1");
        using var manager = await app.SignInAsync("sales.east");
        using var finance = await app.SignInAsync("finance1");
        var claim = await employee.SubmitClaimAsync(544m, title: "过期的批准");
        var task = await manager.TaskForAsync(claim.Id);
        (await employee.PostAsJsonAsync($"/api/expenses/claims/{claim.Id}/cancel", new { reason = "重复提交" })).EnsureSuccessStatusCode();

        // A ClaimApproved that was already on its way (the old race's event, or one replayed from the outbox).
        await app.WithScopeAsync(async sp =>
        {
            var approvals = sp.GetRequiredService<ApprovalsDbContext>();
            approvals.Publish(new ClaimApproved(claim.Id, task.ApprovalId, Guid.NewGuid(), null, DateTimeOffset.UtcNow));
            await approvals.SaveChangesAsync();
        });
        await app.OutboxDrainedAsync();

        (await finance.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!.ShouldNotContain(p => p.ClaimId == claim.Id);
        (await employee.GetFromJsonAsync<ClaimDto>($"/api/expenses/claims/{claim.Id}"))!.Status.ShouldBe("Cancelled");
    }

    private async Task<(ClaimDto Claim, PayableDto Payable)> PayableAsync(HttpClient finance, string employee, string manager, decimal amount)
    {
        var claim = await app.ApprovedClaimAsync(employee, manager, amount, $"状态复核 {amount}");
        var payable = await DemoClaims.EventuallyAsync(async () =>
            (await finance.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!.FirstOrDefault(p => p.ClaimId == claim.Id), "the payable");
        return (claim, payable);
    }

    private static async Task<PayableDto> PayableOfAsync(HttpClient finance, Guid claimId) =>
        (await finance.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!.Single(p => p.ClaimId == claimId);

    private static async Task<HttpResponseMessage> BuildAsync(HttpClient finance, params Guid[] payableIds)
    {
        var legalEntity = (await finance.GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;
        return await finance.PostAsJsonAsync("/api/payments/batches",
            new { legalEntityId = legalEntity, currency = "CNY", payableIds = payableIds.Length == 0 ? null : payableIds });
    }

    /// <summary>What the old cancel did when it lost the race to the final approval: the claim Cancelled, maybe ClaimCancelled sent.</summary>
    private async Task CancelBehindTheGuardAsync(Guid claimId, bool publish) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ExpensesDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            (await db.Database.ExecuteSqlAsync($"UPDATE expenses.claims SET status = 'Cancelled' WHERE id = {claimId}")).ShouldBe(1);
            if (publish)
            {
                var employee = await db.Claims.Where(c => c.Id == claimId).Select(c => c.EmployeeId).SingleAsync();
                db.Publish(new ClaimCancelled(claimId, employee, "旧版本的撤回", DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }

            await tx.CommitAsync();
        });
}
