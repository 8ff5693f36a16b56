using System.Net.Http.Json;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Payments.Application.Payables;
using ExpenseFlow.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// The window of the cancel/approve race held open on purpose: this host delivers its outboxes only when the test says
/// so, so one side has committed while the other module has not heard of it yet — the moment the old code let both win.
/// </summary>
public class CancelRaceWindowTests(CancelRaceWindowTests.HeldOutboxApp app) : IClassFixture<CancelRaceWindowTests.HeldOutboxApp>
{
    public sealed class HeldOutboxApp : ExpenseFlowApp
    {
        protected override bool OutboxDispatcher => false;

        public async Task DeliverAsync() => await Services.GetRequiredService<OutboxDispatcher>().DrainAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CancelAfterTheFinalApproval_BeforeExpensesHeardOfIt_IsRefused_AndTheClaimIsPaidNormally()
    {
        using var employee = await app.SignInAsync("sales2");
        using var finance = await app.SignInAsync("finance1");
        var claim = await ToFinanceReviewAsync(employee, 611m);
        await finance.DecideOkAsync((await finance.TaskForAsync(claim.Id)).TaskId);
        (await employee.GetFromJsonAsync<ClaimDto>($"/api/expenses/claims/{claim.Id}"))!.Status.ShouldBe("InApproval", "ClaimApproved is still in the outbox");

        var cancel = await employee.PostAsJsonAsync($"/api/expenses/claims/{claim.Id}/cancel", new { reason = "晚了一步" });

        await cancel.ProblemAsync(409, "Expenses.AlreadyDecided");
        await app.DeliverAsync();
        (await employee.GetFromJsonAsync<ClaimDto>($"/api/expenses/claims/{claim.Id}"))!.Status.ShouldBe("Approved");
        (await finance.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!.Single(p => p.ClaimId == claim.Id).Status.ShouldBe("Open");
        (await app.ViolationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task FinalApprovalAfterTheCancel_BeforeApprovalsHeardOfIt_IsRefused_AndNothingBecomesPayable()
    {
        using var employee = await app.SignInAsync("sales3");
        using var finance = await app.SignInAsync("finance2");
        var claim = await ToFinanceReviewAsync(employee, 622m);
        var task = await finance.TaskForAsync(claim.Id);
        (await employee.PostAsJsonAsync($"/api/expenses/claims/{claim.Id}/cancel", new { reason = "不报了" })).EnsureSuccessStatusCode();

        var approve = await finance.DecideAsync(task.TaskId, "approve");

        await approve.ProblemAsync(409, "Approvals.ClaimCancelled");
        await app.DeliverAsync();
        (await finance.InboxAsync()).ShouldNotContain(i => i.ClaimId == claim.Id, "the approval closed when ClaimCancelled arrived");
        (await finance.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!.ShouldNotContain(p => p.ClaimId == claim.Id);
        (await app.ViolationsAsync()).ShouldBeEmpty();
    }

    /// <summary>Submitted and approved by the manager, with every event delivered: the finance review waits.</summary>
    private async Task<ClaimDto> ToFinanceReviewAsync(HttpClient employee, decimal amount)
    {
        using var manager = await app.SignInAsync("sales.east");
        var claim = await employee.SubmitClaimAsync(amount, title: $"竞态窗口 {amount}");
        await app.DeliverAsync();
        await manager.DecideOkAsync((await manager.TaskForAsync(claim.Id)).TaskId);
        await app.DeliverAsync();
        return claim;
    }
}
