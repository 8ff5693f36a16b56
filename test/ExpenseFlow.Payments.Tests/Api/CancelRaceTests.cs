using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Payments.Application.Payables;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// Issue 14, finding 1: the employee's cancel and the final approval sent at the same moment used to both succeed,
/// and the cancelled claim was then paid. Now exactly one of them wins, and a cancelled claim never becomes payable.
/// </summary>
public class CancelRaceTests(ExpenseFlowApp app, ITestOutputHelper output) : IClassFixture<ExpenseFlowApp>
{
    private const int Rounds = 20;

    [Fact]
    public async Task CancelAndFinalApprovalAtTheSameMoment_NeverBothSucceed_AndACancelledClaimIsNeverPayable()
    {
        using var employee = await app.SignInAsync("sales1");
        using var manager = await app.SignInAsync("sales.east");
        using var finance = await app.SignInAsync("finance1");
        var problems = new List<string>();
        var winners = new Dictionary<Guid, string>();
        for (var round = 0; round < Rounds; round++)
        {
            var claim = await employee.SubmitClaimAsync(100m + round, title: $"撤回竞态 {round}");
            await manager.DecideOkAsync((await manager.TaskForAsync(claim.Id)).TaskId);
            var last = await finance.TaskForAsync(claim.Id);
            // Every other round approves through batch approval, which decides in a transaction of its own per task.
            var viaBatch = round % 2 == 1;

            var (cancel, approve) = await AtTheSameMomentAsync(
                () => employee.PostAsJsonAsync($"/api/expenses/claims/{claim.Id}/cancel", new { reason = "不需要了" }),
                () => viaBatch
                    ? finance.PostAsJsonAsync("/api/approvals/tasks/batch-approve", new { taskIds = new[] { last.TaskId } })
                    : finance.DecideAsync(last.TaskId, "approve"));

            var cancelled = cancel.IsSuccessStatusCode;
            var (approved, approveCode) = await ApprovalOutcomeAsync(approve, viaBatch);
            var cancelCode = cancelled ? null : await CodeAsync(cancel);
            output.WriteLine($"round {round}: cancel {(int)cancel.StatusCode} {cancelCode}, approve {(approved ? "ok" : approveCode)}{(viaBatch ? " (batch)" : "")}");
            if (cancelled == approved)
            {
                problems.Add($"round {round} ({claim.Number}): cancel {(cancelled ? "succeeded" : cancelCode)}, approval {(approved ? "succeeded" : approveCode)}");
                continue;
            }

            winners[claim.Id] = cancelled ? "Cancelled" : "Approved";
            if (cancelled && approveCode != "Approvals.ClaimCancelled")
            {
                problems.Add($"round {round}: the losing approval answered {approveCode}");
            }

            if (approved && ((int)cancel.StatusCode != 409 || cancelCode != "Expenses.AlreadyDecided"))
            {
                problems.Add($"round {round}: the losing cancel answered {(int)cancel.StatusCode} {cancelCode}");
            }
        }

        problems.ShouldBeEmpty();
        await app.OutboxDrainedAsync();
        (await app.ViolationsAsync()).ShouldBeEmpty();
        var payables = (await finance.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!;
        foreach (var (claimId, winner) in winners)
        {
            (await employee.GetFromJsonAsync<Expenses.Contracts.ClaimDto>($"/api/expenses/claims/{claimId}"))!.Status.ShouldBe(winner);
            payables.Any(p => p.ClaimId == claimId && p.Status == "Open").ShouldBe(winner == "Approved", $"claim {claimId} ended {winner}");
        }

        output.WriteLine($"cancel won {winners.Values.Count(w => w == "Cancelled")}, approval won {winners.Values.Count(w => w == "Approved")} of {Rounds}");
    }

    /// <summary>Starts both requests only once both are ready, so they reach the host together.</summary>
    internal static async Task<(HttpResponseMessage First, HttpResponseMessage Second)> AtTheSameMomentAsync(
        Func<Task<HttpResponseMessage>> first, Func<Task<HttpResponseMessage>> second)
    {
        using var barrier = new Barrier(2);
        var a = Task.Run(async () =>
        {
            barrier.SignalAndWait();
            return await first();
        });
        var b = Task.Run(async () =>
        {
            barrier.SignalAndWait();
            return await second();
        });
        var both = await Task.WhenAll(a, b);
        return (both[0], both[1]);
    }

    private static async Task<(bool Ok, string? Code)> ApprovalOutcomeAsync(HttpResponseMessage response, bool viaBatch)
    {
        if (!viaBatch)
        {
            return response.IsSuccessStatusCode ? (true, null) : (false, await CodeAsync(response));
        }

        var result = (await response.Content.ReadFromJsonAsync<List<BatchItemResultDto>>())!.Single();
        return (result.Ok, result.Code);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : body;
        }
        catch (JsonException)
        {
            return $"{(int)response.StatusCode} {body}";
        }
    }
}
