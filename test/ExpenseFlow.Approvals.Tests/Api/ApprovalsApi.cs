using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Tests.Api;

/// <summary>Looks into the approvals outbox (the HTTP steps of employees and approvers are in TestBase's DemoClaims).</summary>
internal static class ApprovalsApi
{
    /// <summary>Events of a type in the approvals outbox whose payload property has the value.</summary>
    public static async Task<int> OutboxCountAsync<TEvent>(this Infrastructure.ApprovalsDbContext db, string property, Guid value) =>
        await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM approvals.outbox_messages WHERE type = {typeof(TEvent).FullName} AND payload->>{property} = {value.ToString()}")
            .SingleAsync();
}
