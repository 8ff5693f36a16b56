using ExpenseFlow.Payments.Domain;
using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
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
    string? CounterpartyAccount, string? Reference, string? Details, string Match, Guid? BatchLineId, string? Note, IReadOnlyList<CandidateDto> Candidates,
    Guid? ProposedBy = null, string? ProposedByName = null, DateTimeOffset? ProposedAt = null);

public sealed record ResolveRequest(Guid? BatchLineId, bool? Ignore, [MaxLength(PaymentsLimits.Note)] string? Note);

/// <summary>
/// The reconciliation queue: entries nothing matched, several payments matched, or credits that only look like a
/// returned payment, resolved by hand. A debit paired by hand marks the payment paid at once. A credit paired by hand
/// only proposes that the payment came back: the payable reopens (and may be paid again) when a second finance user
/// confirms, never on one person's word.
/// </summary>
internal static class ReconciliationEndpoints
{
    public static readonly Error EntryNotFound = Error.NotFound("Payments.EntryNotFound", "The statement entry", "对账单明细");

    public static readonly Error AlreadyResolved = new("Payments.EntryResolved", ErrorKind.Conflict,
        "This entry has already been reconciled.", "该明细已完成对账。");

    public static readonly Error LineDoesNotFit = new("Payments.LineDoesNotFit", ErrorKind.Validation,
        "That payment cannot be settled by this entry (amount, currency, paying entity or state differ).", "该付款与此明细不符（金额、币种、付款主体或状态不一致）。");

    private static readonly EntryMatch[] Open = [EntryMatch.Unmatched, EntryMatch.Ambiguous, EntryMatch.ProbableReturn, EntryMatch.ReturnProposed];

    public static async Task<Ok<List<ReconciliationEntryDto>>> ListAsync(
        PaymentsDbContext db, IOrganizationDirectory directory, TimeProvider clock, string? match, CancellationToken ct)
    {
        var wanted = string.IsNullOrWhiteSpace(match) ? [.. Open] : match.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => Enum.TryParse<EntryMatch>(m, true, out var v) ? v : (EntryMatch?)null).OfType<EntryMatch>().ToList();
        var entries = await db.StatementEntries.AsNoTracking().Where(e => wanted.Contains(e.Match)).OrderBy(e => e.BookingDate).ThenBy(e => e.Sequence).Take(500).ToListAsync(ct);
        var open = await Settlement.OpenLinesAsync(db, clock.GetUtcNow(), ct);
        var names = await directory.GetNamesAsync(entries.Select(e => e.ProposedBy).OfType<Guid>().Distinct().ToList(), ct);
        return TypedResults.Ok(entries.Select(e => ToDto(e, open, names)).ToList());
    }

    public static async Task<Ok<ReconciliationEntryDto>> ResolveAsync(
        Guid id, ResolveRequest request, PaymentsDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Settlement.LockAsync(db, ct);
        var entry = await LockAsync(db, id, ct);
        if (!Open.Contains(entry.Match))
        {
            throw new DomainException(AlreadyResolved);
        }

        var now = clock.GetUtcNow();
        if (request.Ignore == true)
        {
            // Setting an entry aside moves no money, so one person may do it, a proposed reopening included.
            entry.Resolve(EntryMatch.Ignored, null, me, now, request.Note);
        }
        else
        {
            var pick = await FittingLineAsync(db, entry, request.BatchLineId, now, ct);
            if (entry.IsCredit)
            {
                entry.ProposeReturn(pick.Line.Id, me, now, request.Note);
            }
            else
            {
                await Settlement.ApplyAsync(db, entry, pick.Line, pick.Batch, me, request.Note, now, ct);
            }
        }

        await SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(ToDto(entry, [], new Dictionary<Guid, string>()));
    }

    /// <summary>The checker confirms a proposed return: the payment is marked returned and its payable reopens.</summary>
    public static async Task<Ok<ReconciliationEntryDto>> ConfirmAsync(Guid id, PaymentsDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Settlement.LockAsync(db, ct);
        var entry = await LockAsync(db, id, ct);
        entry.EnsureCheckerMayConfirm(me);
        var now = clock.GetUtcNow();
        var pick = await FittingLineAsync(db, entry, entry.BatchLineId, now, ct);
        await Settlement.ApplyAsync(db, entry, pick.Line, pick.Batch, me, entry.Note, now, ct);
        await SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(ToDto(entry, [], new Dictionary<Guid, string>()));
    }

    // The row lock makes two people acting on one entry at once take turns; the second sees what the first did.
    private static async Task<ImportedEntry> LockAsync(PaymentsDbContext db, Guid id, CancellationToken ct) =>
        (await db.StatementEntries.FromSql($"SELECT * FROM payments.statement_entries WHERE id = {id} FOR UPDATE").ToListAsync(ct)).FirstOrDefault()
        ?? throw new DomainException(EntryNotFound);

    private static async Task<(BatchLine Line, PaymentBatch Batch)> FittingLineAsync(PaymentsDbContext db, ImportedEntry entry, Guid? lineId, DateTimeOffset now, CancellationToken ct)
    {
        var open = await Settlement.OpenLinesAsync(db, now, ct);
        var pick = open.FirstOrDefault(o => o.Line.Id == lineId);
        return pick.Line is not null && Fits(entry, pick) ? pick : throw new DomainException(LineDoesNotFit);
    }

    private static async Task SaveAsync(PaymentsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(ApiProblems.Concurrency);
        }
    }

    // Entries imported before statements carried their legal entity fit any entity's batch, as they did then.
    private static bool Fits(ImportedEntry entry, (BatchLine Line, PaymentBatch Batch) o) =>
        o.Line.Amount == entry.Amount && string.Equals(o.Line.Currency, entry.Currency, StringComparison.OrdinalIgnoreCase)
        && (entry.LegalEntityId is null || entry.LegalEntityId == o.Batch.LegalEntityId)
        && (entry.IsCredit ? o.Line.Status is BatchLineStatus.Pending or BatchLineStatus.Paid : o.Line.Status == BatchLineStatus.Pending);

    private static ReconciliationEntryDto ToDto(ImportedEntry e, IReadOnlyList<(BatchLine Line, PaymentBatch Batch)> open, IReadOnlyDictionary<Guid, string> names) => new(
        e.Id, e.ImportId, e.BookingDate, e.Amount, e.Currency, e.IsCredit, e.EndToEndId, e.CounterpartyName, e.CounterpartyAccount, e.Reference, e.Details,
        e.Match.ToString(), e.BatchLineId, e.Note,
        open.Where(o => Fits(e, o)).Take(10)
            .Select(o => new CandidateDto(o.Line.Id, o.Batch.Number, o.Line.ClaimNumber, o.Line.EndToEndId, o.Line.Amount, o.Line.PayeeName, o.Line.Status.ToString())).ToList(),
        e.ProposedBy, e.ProposedBy is { } by ? names.GetValueOrDefault(by) : null, e.ProposedAt);
}
