using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Domain;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Claims;

public sealed record SaveLineRequest(
    [MaxLength(ExpensesLimits.Code)] string Category, [Money] decimal Amount, [Currency] string? Currency, DateOnly ExpenseDate, [MaxLength(ExpensesLimits.Code)] string? CostCentreCode,
    [MaxLength(ExpensesLimits.Description)] string? Description, [MaxItems(50)] IReadOnlyList<Guid>? ReceiptIds, InvoiceFieldsDto? Invoice,
    [Range(0, ClaimLine.MaxDocumentsPerFile - 1)] int? DocumentIndex = null);

/// <param name="TripStart">First day of the trip the claim is for (with <paramref name="TripEnd"/>, or neither).</param>
/// <param name="Travellers">Colleagues whose tickets the claim may carry besides the claimant's own.</param>
public sealed record SaveClaimRequest(
    [MaxLength(ExpensesLimits.Title)] string Title, Guid LegalEntityId, [MaxItems(200)] IReadOnlyList<SaveLineRequest>? Lines,
    DateOnly? TripStart = null, DateOnly? TripEnd = null, [MaxItems(Claim.MaxTravellers)] IReadOnlyList<string>? Travellers = null);

/// <summary>Create, change and delete drafts (and returned claims): the employee's own only.</summary>
internal static class SaveClaim
{
    public static async Task<Created<ClaimDto>> CreateAsync(
        SaveClaimRequest request, ExpensesDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.Me();
        await ClaimContext.EnsureLegalEntityAsync(directory, request.LegalEntityId, ct);
        var settings = await ClaimContext.SettingsAsync(db, ct);
        var now = clock.GetUtcNow();
        var seq = await db.Database.SqlQueryRaw<long>("SELECT nextval('expenses.claim_number_seq') AS \"Value\"").SingleAsync(ct);
        var claim = Claim.Create(Guid.CreateVersion7(), $"EXP-{now:yyyy}-{seq:000000}", me, request.LegalEntityId, request.Title, settings.BaseCurrency, now);
        claim.SetTrip(request.TripStart, request.TripEnd, request.Travellers);
        await ApplyLinesAsync(db, claim, request, me, now, ct);
        db.Claims.Add(claim);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/expenses/claims/{claim.Id}", await ClaimQueries.LoadDtoAsync(db, directory, claim.Id, user, ct));
    }

    public static async Task<Ok<ClaimDto>> UpdateAsync(
        Guid id, SaveClaimRequest request, ExpensesDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var claim = await ClaimContext.LoadOwnAsync(db, id, user, ct);
        await ClaimContext.EnsureLegalEntityAsync(directory, request.LegalEntityId, ct);
        claim.Rename(request.Title, request.LegalEntityId);
        claim.SetTrip(request.TripStart, request.TripEnd, request.Travellers);
        await ApplyLinesAsync(db, claim, request, user.Me(), clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ClaimQueries.LoadDtoAsync(db, directory, id, user, ct));
    }

    public static async Task<NoContent> DeleteAsync(Guid id, ExpensesDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var claim = await ClaimContext.LoadOwnAsync(db, id, user, ct);
        if (claim.Status != ClaimStatus.Draft)
        {
            throw new DomainException(ExpensesErrors.NotEditable);
        }

        // The log is append-only (a trigger refuses changes); the one exception is purging a never-submitted draft,
        // which the trigger allows only for the claim named in this transaction's setting and only while it is a draft.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('expenses.purge_draft', {id.ToString()}, true)", ct);
        await db.ClaimEvents.Where(e => e.ClaimId == id).ExecuteDeleteAsync(ct);
        db.Claims.Remove(claim);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task ApplyLinesAsync(ExpensesDbContext db, Claim claim, SaveClaimRequest request, Guid me, DateTimeOffset now, CancellationToken ct)
    {
        var lines = request.Lines ?? [];
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).Select(c => c.Id).ToListAsync(ct);
        var unknown = lines.Select(l => l.Category).FirstOrDefault(c => !categories.Contains(c));
        if (unknown is not null)
        {
            throw new DomainException(ExpensesErrors.UnknownCategory(unknown));
        }

        await ClaimContext.EnsureReceiptsAsync(db, claim, lines.SelectMany(l => l.ReceiptIds ?? []), me, ct);
        var rates = await ClaimContext.RatesAsync(db, claim.BaseCurrency, ct);
        claim.SetLines(
            lines.Select(l => new LineDraft(l.Category, l.Amount, l.Currency ?? claim.BaseCurrency, l.ExpenseDate, l.CostCentreCode, l.Description, l.ReceiptIds, l.Invoice.ToDomain(), l.DocumentIndex)).ToList(),
            rates, me, now);
    }
}
