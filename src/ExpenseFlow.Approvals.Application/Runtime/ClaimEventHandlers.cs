using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Approvals.Application.Runtime;

/// <summary>A submitted (or resubmitted) claim starts an approval — once, however often the event is delivered.</summary>
internal sealed class StartApprovalOnClaimSubmitted(
    ApprovalsDbContext db, ApprovalRunner runner, IOrganizationDirectory directory, TimeProvider clock, ILogger<StartApprovalOnClaimSubmitted> logger)
    : IIntegrationEventHandler<ClaimSubmitted>
{
    public Task HandleAsync(ClaimSubmitted e, CancellationToken cancellationToken) =>
        InboxGuard.RunOnceAsync(db, e.EventId, nameof(StartApprovalOnClaimSubmitted), clock, async ct =>
        {
            // Withdrawn before its approval began: nothing to start (a flow whose steps all pass would approve it at once).
            if (await runner.LockClaimAsync(e.ClaimId, ct) == ClaimStates.Cancelled)
            {
                logger.LogInformation("Claim {ClaimNumber} was withdrawn before its approval started; none is started", e.Number);
                return;
            }

            var submitter = await directory.FindPersonAsync(e.EmployeeId, ct);
            var claim = new ClaimInfo(e.ClaimId, e.Number, e.Title, e.EmployeeId, submitter?.DisplayName ?? e.EmployeeId.ToString(), e.TotalAmount, e.Currency);
            // A resubmission supersedes an approval still open from an earlier round (it cannot be, but never leave two running).
            foreach (var open in await db.Approvals.Include(a => a.Steps).Include(a => a.Tasks)
                         .Where(a => a.ClaimId == e.ClaimId && (a.Status == ApprovalStatus.Running || a.Status == ApprovalStatus.Stuck)).ToListAsync(ct))
            {
                open.Cancel(clock.GetUtcNow());
            }

            await runner.StartAsync(claim, e.Categories, e.CostCentres, e.LegalEntityId, ct);
        }, cancellationToken);
}

/// <summary>A withdrawn claim closes its open approval; nobody is asked any more.</summary>
internal sealed class CancelApprovalOnClaimCancelled(ApprovalsDbContext db, ApprovalRunner runner, TimeProvider clock) : IIntegrationEventHandler<ClaimCancelled>
{
    public Task HandleAsync(ClaimCancelled e, CancellationToken cancellationToken) =>
        InboxGuard.RunOnceAsync(db, e.EventId, nameof(CancelApprovalOnClaimCancelled), clock, async ct =>
        {
            var ids = await db.Approvals.Where(a => a.ClaimId == e.ClaimId && (a.Status == ApprovalStatus.Running || a.Status == ApprovalStatus.Stuck))
                .Select(a => a.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                (await runner.LockAsync(id, ct))?.Cancel(clock.GetUtcNow());
            }
        }, cancellationToken);
}
