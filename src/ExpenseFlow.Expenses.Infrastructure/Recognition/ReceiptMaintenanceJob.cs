using ExpenseFlow.Expenses.Domain.Receipts;
using ExpenseFlow.Expenses.Infrastructure.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Expenses.Infrastructure.Recognition;

/// <summary>
/// Heals what a crash can leave: a receipt committed but never queued is queued again, and a stored file whose receipt
/// row never committed is deleted once it is older than any upload in flight could be.
/// </summary>
public sealed class ReceiptMaintenanceJob(
    ExpensesDbContext db, IReceiptStorage storage, IBackgroundJobClient jobs, TimeProvider clock, ILogger<ReceiptMaintenanceJob> logger)
{
    public static readonly TimeSpan RequeueAfter = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromHours(1);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(600)]
    public async Task<(int Requeued, int Deleted)> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stale = now - RequeueAfter;
        var stuck = await db.Receipts.Where(r => r.Status == RecognitionStatus.Pending && r.UploadedAt < stale)
            .Select(r => r.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var id in stuck)
        {
            jobs.Enqueue<RecognizeReceiptJob>(j => j.RunAsync(id, CancellationToken.None));
        }

        var deleted = 0;
        var cutoff = now - OrphanGrace;
        await foreach (var (hash, writtenAt) in storage.ListAsync(cancellationToken))
        {
            if (writtenAt < cutoff && !await db.Receipts.AnyAsync(r => r.ContentHash == hash, cancellationToken)
                && await storage.DeleteAsync(hash, cutoff, cancellationToken))
            {
                deleted++;
            }
        }

        if (stuck.Count > 0 || deleted > 0)
        {
            logger.LogWarning("Receipt maintenance re-queued {Requeued} receipts and deleted {Deleted} unreferenced files", stuck.Count, deleted);
        }

        return (stuck.Count, deleted);
    }
}
