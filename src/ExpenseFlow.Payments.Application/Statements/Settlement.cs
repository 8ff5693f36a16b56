using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Payments.Contracts;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Domain.Statements;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Payments.Application.Statements;

/// <summary>What a matched entry does: a debit marks the claim paid; a credit back reopens its payable.</summary>
internal static class Settlement
{
    /// <summary>Payment lines a statement can still settle: pending ones, and paid ones a bank may still return.</summary>
    /// <summary>
    /// Statement imports and hand resolutions settle payments one after another: each takes this transaction-scoped lock
    /// before reading the open lines, so the second sees what the first settled instead of settling it again.
    /// </summary>
    public static Task LockAsync(PaymentsDbContext db, CancellationToken ct) => AdvisoryLock.TakeAsync(db.Database, "Payments.Settlement", Guid.Empty, ct);

    /// <param name="tracked">False for a statement import, which settles them in memory and writes the changes in bulk.</param>
    public static async Task<List<(BatchLine Line, PaymentBatch Batch)>> OpenLinesAsync(PaymentsDbContext db, DateTimeOffset now, CancellationToken ct, bool tracked = true)
    {
        var since = now.AddDays(-180);
        var query = tracked ? db.Batches : db.Batches.AsNoTracking();
        var batches = await query.Include(b => b.Lines)
            .Where(b => (b.Status == BatchStatus.Released || b.Status == BatchStatus.Closed) && b.ReleasedAt >= since)
            .ToListAsync(ct);
        return batches.SelectMany(b => b.Lines.Where(l => l.Status is BatchLineStatus.Pending or BatchLineStatus.Paid).Select(l => (l, b))).ToList();
    }

    /// <summary>The payables of these lines, read once and not tracked: a statement import settles them in memory and writes them in bulk.</summary>
    public static async Task<Dictionary<Guid, Payable>> PayablesOfAsync(PaymentsDbContext db, IEnumerable<(BatchLine Line, PaymentBatch Batch)> lines, CancellationToken ct)
    {
        var payables = new Dictionary<Guid, Payable>();
        foreach (var chunk in lines.Select(l => l.Line.PayableId).Distinct().Chunk(10_000))
        {
            foreach (var payable in await db.Payables.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(ct))
            {
                payables[payable.Id] = payable;
            }
        }

        return payables;
    }

    /// <summary>What a settled line is known by at the bank: the entry's reference, else its EndToEndId, else the entry's own id.</summary>
    public static string ReferenceOf(ImportedEntry entry) => entry.Reference ?? entry.EndToEndId ?? entry.Id.ToString("N")[..12];

    public static async Task ApplyAsync(
        PaymentsDbContext db, ImportedEntry entry, BatchLine line, PaymentBatch batch, Guid? resolvedBy, string? note, DateTimeOffset now, CancellationToken ct)
    {
        // One entry settled by hand; a statement import settles thousands in memory instead (StatementSettlement).
        var payable = await db.Payables.FindAsync([line.PayableId], ct) ?? throw new InvalidOperationException($"Payable {line.PayableId} of line {line.Id} is missing.");
        Settle(entry, line, batch, payable, resolvedBy, note, now, db.Publish);
    }

    /// <summary>
    /// The steps of settling one entry against its line, the same for a hand resolution and an import: a credit is the
    /// payment returned (the payable reopens), a debit pays it; the event says which.
    /// </summary>
    public static void Settle(
        ImportedEntry entry, BatchLine line, PaymentBatch batch, Payable payable, Guid? resolvedBy, string? note, DateTimeOffset now, Action<IntegrationEvent> publish)
    {
        var reference = ReferenceOf(entry);
        if (entry.IsCredit)
        {
            batch.Settle(line, returned: true, reference, now);
            payable.Reopen(now);
            publish(new ClaimPaymentReopened(line.ClaimId, batch.Id, "ReturnedByBank", now));
            entry.Resolve(EntryMatch.Returned, line.Id, resolvedBy, now, note);
            return;
        }

        batch.Settle(line, returned: false, reference, now);
        payable.MarkPaid(now);
        publish(new ClaimPaid(line.ClaimId, batch.Id, line.EndToEndId, line.Amount, line.Currency, entry.BookingDate, now, resolvedBy));
        entry.Resolve(EntryMatch.Matched, line.Id, resolvedBy, now, note);
    }
}
