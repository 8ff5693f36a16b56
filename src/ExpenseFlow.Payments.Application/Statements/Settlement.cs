using ExpenseFlow.Payments.Contracts;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Domain.Statements;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Payments.Application.Statements;

/// <summary>What a matched entry does: a debit marks the claim paid; a credit back reopens its payable.</summary>
internal static class Settlement
{
    /// <summary>Payment lines a statement can still settle: pending ones, and paid ones a bank may still return.</summary>
    public static async Task<List<(BatchLine Line, PaymentBatch Batch)>> OpenLinesAsync(PaymentsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddDays(-180);
        var batches = await db.Batches.Include(b => b.Lines)
            .Where(b => (b.Status == BatchStatus.Released || b.Status == BatchStatus.Closed) && b.ReleasedAt >= since)
            .ToListAsync(ct);
        return batches.SelectMany(b => b.Lines.Where(l => l.Status is BatchLineStatus.Pending or BatchLineStatus.Paid).Select(l => (l, b))).ToList();
    }

    /// <summary>Tracks the payables of these lines with one query, so settling thousands of entries does not ask one by one.</summary>
    public static async Task LoadPayablesAsync(PaymentsDbContext db, IEnumerable<(BatchLine Line, PaymentBatch Batch)> lines, CancellationToken ct)
    {
        foreach (var chunk in lines.Select(l => l.Line.PayableId).Distinct().Chunk(10_000))
        {
            await db.Payables.Where(p => chunk.Contains(p.Id)).LoadAsync(ct);
        }
    }

    public static async Task ApplyAsync(
        PaymentsDbContext db, ImportedEntry entry, BatchLine line, PaymentBatch batch, Guid? resolvedBy, string? note, DateTimeOffset now, CancellationToken ct)
    {
        // Find answers from the change tracker when the caller loaded the payables up front (a statement import does).
        var payable = await db.Payables.FindAsync([line.PayableId], ct) ?? throw new InvalidOperationException($"Payable {line.PayableId} of line {line.Id} is missing.");
        var reference = entry.Reference ?? entry.EndToEndId ?? entry.Id.ToString("N")[..12];
        if (entry.IsCredit)
        {
            batch.Settle(line, returned: true, reference, now);
            payable.Reopen(now);
            db.Publish(new ClaimPaymentReopened(line.ClaimId, batch.Id, "ReturnedByBank", now));
            entry.Resolve(EntryMatch.Returned, line.Id, resolvedBy, now, note);
            return;
        }

        batch.Settle(line, returned: false, reference, now);
        payable.MarkPaid(now);
        db.Publish(new ClaimPaid(line.ClaimId, batch.Id, line.EndToEndId, line.Amount, line.Currency, entry.BookingDate, now, resolvedBy));
        entry.Resolve(EntryMatch.Matched, line.Id, resolvedBy, now, note);
    }
}
