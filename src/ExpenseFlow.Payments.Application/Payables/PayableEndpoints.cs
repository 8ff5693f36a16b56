using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Payments.Application.Payables;

public sealed record PayableDto(
    Guid Id, Guid ClaimId, string ClaimNumber, Guid EmployeeId, string PayeeName, Guid LegalEntityId, decimal Amount, string Currency, DateTimeOffset ApprovedAt,
    string Status, string? HoldReason, string? AccountName, string? AccountNumberMasked, string? BankName, string? CnapsCode, Guid? BatchId);

internal static class PayableEndpoints
{
    public static async Task<Ok<List<PayableDto>>> ListAsync(
        PaymentsDbContext db, string? status, Guid? legalEntityId, string? currency, DateOnly? approvedFrom, DateOnly? approvedTo, CancellationToken ct)
    {
        var query = db.Payables.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status) && Enum.TryParse<PayableStatus>(status, true, out var s))
        {
            query = query.Where(p => p.Status == s);
        }

        query = Filter(query, legalEntityId, currency, approvedFrom, approvedTo);
        var rows = await query.OrderBy(p => p.ApprovedAt).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    /// <summary>Reads the employee's payout again (after they fixed it), releasing a hold when it is valid and not held by a change.</summary>
    public static async Task<Ok<PayableDto>> RefreshAccountAsync(Guid id, PaymentsDbContext db, IOrganizationDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var payable = await db.Payables.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException(Error.NotFound("Payments.PayableNotFound", "The payable", "应付款项"));
        Payouts.Apply(payable, await directory.GetPayoutAsync(payable.EmployeeId, ct), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(payable));
    }

    public static IQueryable<Payable> Filter(IQueryable<Payable> query, Guid? legalEntityId, string? currency, DateOnly? approvedFrom, DateOnly? approvedTo)
    {
        if (legalEntityId is { } le)
        {
            query = query.Where(p => p.LegalEntityId == le);
        }

        if (!string.IsNullOrWhiteSpace(currency))
        {
            var c = currency.Trim().ToUpperInvariant();
            query = query.Where(p => p.Currency == c);
        }

        if (approvedFrom is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(p => p.ApprovedAt >= start);
        }

        if (approvedTo is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(p => p.ApprovedAt < end);
        }

        return query;
    }

    public static PayableDto ToDto(Payable p) => new(
        p.Id, p.ClaimId, p.ClaimNumber, p.EmployeeId, p.PayeeName, p.LegalEntityId, p.Amount, p.Currency, p.ApprovedAt, p.Status.ToString(), p.HoldReason,
        p.AccountName, Mask(p.AccountNumber), p.BankName, p.CnapsCode, p.BatchId);

    public static string? Mask(string? number) => number is null ? null : number.Length <= 4 ? number : new string('*', number.Length - 4) + number[^4..];
}
