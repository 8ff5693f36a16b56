using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Domain.Statements;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Payments.Application.Statements;

public sealed record CandidateDto(Guid BatchLineId, string BatchNumber, string ClaimNumber, string EndToEndId, decimal Amount, string PayeeName, string Status);

public sealed record ReconciliationEntryDto(
    Guid Id, Guid ImportId, DateOnly BookingDate, decimal Amount, string Currency, bool IsCredit, string? EndToEndId, string? CounterpartyName,
    string? CounterpartyAccount, string? Reference, string? Details, string Match, Guid? BatchLineId, string? Note, IReadOnlyList<CandidateDto> Candidates);

public sealed record ResolveRequest(Guid? BatchLineId, bool? Ignore, string? Note);

/// <summary>The reconciliation queue: entries nothing matched (or several payments matched), resolved by hand.</summary>
internal static class ReconciliationEndpoints
{
    public static readonly Error EntryNotFound = Error.NotFound("Payments.EntryNotFound", "The statement entry", "对账单明细");

    public static readonly Error AlreadyResolved = new("Payments.EntryResolved", ErrorKind.Conflict,
        "This entry has already been reconciled.", "该明细已完成对账。");

    public static readonly Error LineDoesNotFit = new("Payments.LineDoesNotFit", ErrorKind.Validation,
        "That payment cannot be settled by this entry (amount, currency or state differ).", "该付款与此明细不符（金额、币种或状态不一致）。");

    public static async Task<Ok<List<ReconciliationEntryDto>>> ListAsync(PaymentsDbContext db, TimeProvider clock, string? match, CancellationToken ct)
    {
        var wanted = (string.IsNullOrWhiteSpace(match) ? "Unmatched,Ambiguous" : match).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => Enum.TryParse<EntryMatch>(m, true, out var v) ? v : (EntryMatch?)null).OfType<EntryMatch>().ToList();
        var entries = await db.StatementEntries.AsNoTracking().Where(e => wanted.Contains(e.Match)).OrderBy(e => e.BookingDate).ThenBy(e => e.Sequence).Take(500).ToListAsync(ct);
        var open = await Settlement.OpenLinesAsync(db, clock.GetUtcNow(), ct);
        return TypedResults.Ok(entries.Select(e => ToDto(e, open)).ToList());
    }

    public static async Task<Ok<ReconciliationEntryDto>> ResolveAsync(
        Guid id, ResolveRequest request, PaymentsDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = await db.StatementEntries.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(EntryNotFound);
        if (entry.Match is not (EntryMatch.Unmatched or EntryMatch.Ambiguous))
        {
            throw new DomainException(AlreadyResolved);
        }

        var now = clock.GetUtcNow();
        if (request.Ignore == true)
        {
            entry.Resolve(EntryMatch.Ignored, null, me, now, request.Note);
        }
        else
        {
            var open = await Settlement.OpenLinesAsync(db, now, ct);
            var pick = open.FirstOrDefault(o => o.Line.Id == request.BatchLineId);
            if (pick.Line is null || !Fits(entry, pick.Line))
            {
                throw new DomainException(LineDoesNotFit);
            }

            await Settlement.ApplyAsync(db, entry, pick.Line, pick.Batch, me, request.Note, now, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(ApiProblems.Concurrency);
        }

        await tx.CommitAsync(ct);
        return TypedResults.Ok(ToDto(entry, []));
    }

    private static bool Fits(ImportedEntry entry, BatchLine line) =>
        line.Amount == entry.Amount && string.Equals(line.Currency, entry.Currency, StringComparison.OrdinalIgnoreCase)
        && (entry.IsCredit ? line.Status is BatchLineStatus.Pending or BatchLineStatus.Paid : line.Status == BatchLineStatus.Pending);

    private static ReconciliationEntryDto ToDto(ImportedEntry e, IReadOnlyList<(BatchLine Line, PaymentBatch Batch)> open) => new(
        e.Id, e.ImportId, e.BookingDate, e.Amount, e.Currency, e.IsCredit, e.EndToEndId, e.CounterpartyName, e.CounterpartyAccount, e.Reference, e.Details,
        e.Match.ToString(), e.BatchLineId, e.Note,
        open.Where(o => Fits(e, o.Line)).Take(10)
            .Select(o => new CandidateDto(o.Line.Id, o.Batch.Number, o.Line.ClaimNumber, o.Line.EndToEndId, o.Line.Amount, o.Line.PayeeName, o.Line.Status.ToString())).ToList());
}
