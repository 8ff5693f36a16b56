using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;

/// <summary>Signals the dispatcher once a save or transaction that carried outbox rows has committed.</summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            MarkPending(context);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && TakePending(context))
        {
            Committed();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TakePending(context))
        {
            Committed();
        }

        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && TakePending(context))
        {
            Committed();
        }
    }

    /// <summary>The events are in the database; a process that dies here must not lose them (the crash tests stop it here).</summary>
    private void Committed()
    {
        FaultInjection.Point("outbox-committed");
        signal.Notify();
    }

    /// <summary>
    /// Outbox rows written around the change tracker (a bulk COPY, <see cref="OutboxBulk"/>): the dispatcher is woken when
    /// the context's transaction commits, as for rows saved through SaveChanges.
    /// </summary>
    public static void WrittenOutsideChangeTracker(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        MarkPending(context);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Pending = [];

    private static void MarkPending(DbContext context) => Pending.AddOrUpdate(context, true);

    private static bool TakePending(DbContext context) => Pending.Remove(context);
}
