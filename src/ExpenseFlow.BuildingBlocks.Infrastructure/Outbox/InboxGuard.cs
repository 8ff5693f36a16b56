using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Runs a handler's work at most once per (event, handler): the inbox row and the work commit together,
/// so a redelivered event finds the row and does nothing.
/// </summary>
public static class InboxGuard
{
    public static async Task<bool> RunOnceAsync(
        DbContext db, Guid eventId, string handler, TimeProvider clock, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        var entity = db.Model.FindEntityType(typeof(InboxRecord))!;
        var table = $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The table name comes from the EF model, never from input.
#pragma warning disable EF1003
            var inserted = await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO " + table + " (event_id, handler, processed_at) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING",
                [eventId, handler, clock.GetUtcNow()],
                ct);
#pragma warning restore EF1003
            if (inserted == 0)
            {
                await tx.RollbackAsync(ct);
                return false;
            }

            await work(ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }
}
