using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
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

public sealed record CancelClaimRequest([MaxLength(ExpensesLimits.Reason)] string? Reason);

/// <summary>
/// The employee withdraws a claim before any decision; its invoices become claimable again. The final approval may be
/// given at this very moment in Approvals, whose "approved" reaches this module only later through the outbox: so the
/// cancel takes the claim's lock (<see cref="ClaimLock"/>), which every decision takes too, and then asks Approvals what
/// it has committed. A claim whose approval was decided cannot be withdrawn any more (409 Expenses.AlreadyDecided).
/// </summary>
internal static class CancelClaim
{
    public static async Task<Ok<ClaimDto>> HandleAsync(
        Guid id, CancelClaimRequest? request, ExpensesDbContext db, IClaimApprovalReader approvals, IOrganizationDirectory directory, ICurrentUser user,
        TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AdvisoryLock.TakeAsync(db.Database, ClaimLock.Scope, id, ct);
        // ApprovalStarted may move the claim to InApproval at this very moment: take the claim's row too, so the cancel
        // applies to its latest state instead of failing on a concurrent update.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM expenses.claims WHERE id = {id} FOR UPDATE", ct);
        var claim = await ClaimContext.LoadOwnAsync(db, id, user, ct);
        if (claim.Status is ClaimStatus.Approved or ClaimStatus.Scheduled or ClaimStatus.Paid or ClaimStatus.Rejected
            || ((claim.Status is ClaimStatus.Submitted or ClaimStatus.InApproval) && (await approvals.GetLatestAsync(id, ct))?.IsDecided == true))
        {
            throw new DomainException(ExpensesErrors.AlreadyDecided);
        }

        var now = clock.GetUtcNow();
        claim.Cancel(user.Me(), now, request?.Reason);
        await db.ClaimedInvoices.Where(c => c.ClaimId == id).ExecuteDeleteAsync(ct);
        db.Publish(new ClaimCancelled(id, claim.EmployeeId, request?.Reason, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await ClaimQueries.LoadDtoAsync(db, directory, id, user, ct));
    }
}
