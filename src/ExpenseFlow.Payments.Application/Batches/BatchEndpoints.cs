using ExpenseFlow.BuildingBlocks.Input;
using System.Globalization;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Application.Payables;
using ExpenseFlow.Payments.Contracts;
using ExpenseFlow.Payments.Domain;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExpenseFlow.Payments.Application.Batches;

public sealed record BuildBatchRequest(Guid LegalEntityId, [Currency] string? Currency, DateOnly? ApprovedFrom, DateOnly? ApprovedTo, [MaxItems(5000)] IReadOnlyList<Guid>? PayableIds, DateOnly? ExecutionDate);

/// <param name="AccountChangedAt">When the paid account last changed (added, made default, details), null when it predates the
/// change control; with <paramref name="AccountChangedBy"/> (a name) and who confirmed it, for the checker to see before releasing.</param>
public sealed record BatchLineDto(
    Guid Id, int Position, Guid ClaimId, string ClaimNumber, string EndToEndId, decimal Amount, string Currency, string PayeeName, string AccountName,
    string AccountNumberMasked, string BankName, string? CnapsCode, string Status, DateTimeOffset? SettledAt,
    DateTimeOffset? AccountChangedAt = null, string? AccountChangedBy = null, string? AccountConfirmedBy = null);

public sealed record BatchDto(
    Guid Id, string Number, Guid LegalEntityId, string Currency, string Status, DateOnly ExecutionDate, decimal Total, int Count, Guid CreatedBy, string? CreatedByName,
    DateTimeOffset CreatedAt, Guid? ReleasedBy, string? ReleasedByName, DateTimeOffset? ReleasedAt, IReadOnlyList<BatchLineDto> Lines);

/// <summary>Build (maker), release (checker, never the maker), cancel a draft; list and read batches.</summary>
internal static class BatchEndpoints
{
    public static async Task<Created<BatchDto>> BuildAsync(
        BuildBatchRequest request, PaymentsDbContext db, IOrganizationDirectory directory, IClaimReader claims, ICurrentUser user, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var accountHolds = Payable.AccountHolds.ToArray();
        var query = PayableEndpoints.Filter(
            db.Payables.Where(p => p.Status == PayableStatus.Open || (p.Status == PayableStatus.Held && accountHolds.Contains(p.HoldReason!))),
            request.LegalEntityId, request.Currency ?? "CNY", request.ApprovedFrom, request.ApprovedTo);
        if (request.PayableIds is { Count: > 0 } ids)
        {
            query = query.Where(p => ids.Contains(p.Id));
        }

        var candidates = await query.OrderBy(p => p.ApprovedAt).Take(5000).ToListAsync(ct);
        var now = clock.GetUtcNow();
        candidates = await PayableClaims.KeepPayableAsync(db, claims, candidates, named: request.PayableIds is { Count: > 0 }, now, loggers.CreateLogger(typeof(BatchEndpoints)), ct);

        // Where the money moves, the payees' accounts are asked again and the answer is saved with the batch: a change
        // pending or recent holds its payable even if the event saying so has not arrived yet; a cleared one releases it.
        await Payouts.RefreshAsync(candidates, directory, now, ct);
        var payables = candidates.Where(p => p.Status == PayableStatus.Open).ToList();
        if (payables.Count == 0)
        {
            await SaveAsync(db, ct);
            throw new DomainException(PaymentsErrors.NothingToPay);
        }

        var claimIds = payables.Select(p => p.ClaimId).ToList();
        var attempts = await db.BatchLines.Where(l => claimIds.Contains(l.ClaimId)).GroupBy(l => l.ClaimId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var seq = await db.Database.SqlQuery<long>($"SELECT nextval('payments.batch_number_seq') AS \"Value\"").SingleAsync(ct);
        var number = string.Create(CultureInfo.InvariantCulture, $"PAY-{now:yyyy}-{seq:D6}");
        var batch = PaymentBatch.Build(Guid.CreateVersion7(), number, payables, attempts, request.ExecutionDate ?? DateOnly.FromDateTime(now.UtcDateTime), me, now);
        db.Batches.Add(batch);
        await SaveAsync(db, ct);
        return TypedResults.Created($"/api/payments/batches/{batch.Id}", await LoadAsync(db, directory, batch.Id, ct));
    }

    public static async Task<Ok<BatchDto>> ReleaseAsync(
        Guid id, PaymentsDbContext db, IOrganizationDirectory directory, IClaimReader claims, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var batch = await db.Batches.Include(b => b.Lines).FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PaymentsErrors.BatchNotFound);
        batch.EnsureReleasableBy(me);
        // The moment money is committed to the bank: every claim must still be approved, whatever Payments has heard.
        await PayableClaims.EnsurePayableAsync(claims, batch.LinesToPay().Select(l => (l.ClaimId, l.ClaimNumber)).ToList(), ct);
        var payableIds = batch.LinesToPay().Select(l => l.PayableId).ToList();
        var payables = await db.Payables.Where(p => payableIds.Contains(p.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        batch.Release(me, payables, now);
        foreach (var line in batch.LinesToPay())
        {
            db.Publish(new ClaimPaymentScheduled(line.ClaimId, batch.Id, batch.Number, line.EndToEndId, me, now));
        }

        await SaveAsync(db, ct);
        return TypedResults.Ok(await LoadAsync(db, directory, id, ct));
    }

    public static async Task<Ok<BatchDto>> CancelAsync(Guid id, PaymentsDbContext db, IOrganizationDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var batch = await db.Batches.Include(b => b.Lines).FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PaymentsErrors.BatchNotFound);
        var payableIds = batch.LinesToPay().Select(l => l.PayableId).ToList();
        batch.Cancel(await db.Payables.Where(p => payableIds.Contains(p.Id)).ToListAsync(ct), clock.GetUtcNow());
        await SaveAsync(db, ct);
        return TypedResults.Ok(await LoadAsync(db, directory, id, ct));
    }

    public static async Task<Ok<List<BatchDto>>> ListAsync(PaymentsDbContext db, IOrganizationDirectory directory, string? status, CancellationToken ct)
    {
        var query = db.Batches.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status) && Enum.TryParse<BatchStatus>(status, true, out var s))
        {
            query = query.Where(b => b.Status == s);
        }

        var batches = await query.OrderByDescending(b => b.CreatedAt).Take(200).ToListAsync(ct);
        var names = await directory.GetNamesAsync(batches.SelectMany(b => new[] { b.CreatedBy, b.ReleasedBy ?? Guid.Empty }).Distinct().ToList(), ct);
        return TypedResults.Ok(batches.Select(b => ToDto(b, names, [])).ToList());
    }

    public static async Task<Ok<BatchDto>> GetAsync(Guid id, PaymentsDbContext db, IOrganizationDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(db, directory, id, ct));

    public static async Task<BatchDto> LoadAsync(PaymentsDbContext db, IOrganizationDirectory directory, Guid id, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().Include(b => b.Lines).FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PaymentsErrors.BatchNotFound);
        var people = batch.Lines.SelectMany(l => new[] { l.AccountChangedBy ?? Guid.Empty, l.AccountConfirmedBy ?? Guid.Empty })
            .Append(batch.CreatedBy).Append(batch.ReleasedBy ?? Guid.Empty).Distinct().ToList();
        var names = await directory.GetNamesAsync(people, ct);
        return ToDto(batch, names, batch.Lines);
    }

    /// <summary>Two finance users batching the same claims at once: the first commit wins, the other is told the claims are taken.</summary>
    private static async Task SaveAsync(PaymentsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(PaymentsErrors.PayableTaken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainException(PaymentsErrors.PayableTaken);
        }
    }

    private static BatchDto ToDto(PaymentBatch b, IReadOnlyDictionary<Guid, string> names, IEnumerable<BatchLine> lines) => new(
        b.Id, b.Number, b.LegalEntityId, b.Currency, b.Status.ToString(), b.ExecutionDate, b.Total, b.Count, b.CreatedBy, names.GetValueOrDefault(b.CreatedBy),
        b.CreatedAt, b.ReleasedBy, b.ReleasedBy is { } r ? names.GetValueOrDefault(r) : null, b.ReleasedAt,
        lines.OrderBy(l => l.Position).Select(l => new BatchLineDto(l.Id, l.Position, l.ClaimId, l.ClaimNumber, l.EndToEndId, l.Amount, l.Currency, l.PayeeName,
            l.AccountName, PayableEndpoints.Mask(l.AccountNumber)!, l.BankName, l.CnapsCode, l.Status.ToString(), l.SettledAt,
            l.AccountChangedAt, Name(names, l.AccountChangedBy), Name(names, l.AccountConfirmedBy))).ToList());

    private static string? Name(IReadOnlyDictionary<Guid, string> names, Guid? id) => id is { } i ? names.GetValueOrDefault(i) : null;
}
