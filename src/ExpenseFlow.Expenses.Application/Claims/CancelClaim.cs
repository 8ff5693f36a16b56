using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Claims;

public sealed record CancelClaimRequest(string? Reason);

/// <summary>The employee withdraws a claim before any decision; its invoices become claimable again.</summary>
internal static class CancelClaim
{
    public static async Task<Ok<ClaimDto>> HandleAsync(
        Guid id, CancelClaimRequest? request, ExpensesDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The approval may be starting at this very moment (ApprovalStarted moves the claim to InApproval): take the
        // claim's row first, so the cancel applies to its latest state instead of failing on a concurrent update.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM expenses.claims WHERE id = {id} FOR UPDATE", ct);
        var claim = await ClaimContext.LoadOwnAsync(db, id, user, ct);
        var now = clock.GetUtcNow();
        claim.Cancel(user.Me(), now, request?.Reason);
        await db.ClaimedInvoices.Where(c => c.ClaimId == id).ExecuteDeleteAsync(ct);
        db.Publish(new ClaimCancelled(id, claim.EmployeeId, request?.Reason, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await ClaimQueries.LoadDtoAsync(db, directory, id, user, ct));
    }
}
