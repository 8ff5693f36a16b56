using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace ExpenseFlow.Approvals.Tests.Api;

/// <summary>Steps of employees and approvers over the HTTP API.</summary>
internal static class ApprovalsApi
{
    public static async Task<List<InboxItemDto>> InboxAsync(this HttpClient approver, string query = "") =>
        (await approver.GetFromJsonAsync<PagedResult<InboxItemDto>>($"/api/approvals/inbox?pageSize=100{query}"))!.Items.ToList();

    /// <summary>Waits (the outbox delivers in the background) until the approver has a waiting task for the claim.</summary>
    public static async Task<InboxItemDto> TaskForAsync(this HttpClient approver, Guid claimId) =>
        await EventuallyAsync(async () => (await approver.InboxAsync()).FirstOrDefault(i => i.ClaimId == claimId), $"a task for claim {claimId}");

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

    /// <summary>Events of a type in the approvals outbox whose payload property has the value.</summary>
    public static async Task<int> OutboxCountAsync<TEvent>(this Infrastructure.ApprovalsDbContext db, string property, Guid value) =>
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.SqlQuery<int>(db.Database,
            $"SELECT count(*)::int AS \"Value\" FROM approvals.outbox_messages WHERE type = {typeof(TEvent).FullName} AND payload->>{property} = {value.ToString()}")
            .SingleAsync();

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        for (var i = 0; i < 150; i++)
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
