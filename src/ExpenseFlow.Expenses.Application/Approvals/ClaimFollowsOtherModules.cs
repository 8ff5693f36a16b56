using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Payments.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Expenses.Application.Approvals;

/// <summary>
/// The claim's state follows its approval and its payment. Each event is applied once; an event that no longer fits the
/// claim (it was cancelled meanwhile) is logged and dropped rather than retried forever.
/// </summary>
internal sealed class ClaimFollowsApproval(ExpensesDbContext db, TimeProvider clock, ILogger<ClaimFollowsApproval> logger) :
    IIntegrationEventHandler<ApprovalStarted>,
    IIntegrationEventHandler<ClaimApproved>,
    IIntegrationEventHandler<ClaimRejected>,
    IIntegrationEventHandler<ClaimReturned>,
    IIntegrationEventHandler<ClaimPaymentScheduled>,
    IIntegrationEventHandler<ClaimPaid>,
    IIntegrationEventHandler<ClaimPaymentReopened>
{
    public Task HandleAsync(ApprovalStarted e, CancellationToken cancellationToken) =>
        ApplyAsync(e, e.ClaimId, ClaimStatus.InApproval, "ApprovalStarted", Guid.Empty, null, null, e.StartedAt, new { e.ApprovalId, e.FlowName, e.FlowVersion }, cancellationToken);

    public Task HandleAsync(ClaimApproved e, CancellationToken cancellationToken) =>
        ApplyAsync(e, e.ClaimId, ClaimStatus.Approved, "Approved", e.LastDeciderId, e.OnBehalfOfId, null, e.ApprovedAt, new { e.ApprovalId }, cancellationToken);

    public Task HandleAsync(ClaimRejected e, CancellationToken cancellationToken) =>
        ApplyAsync(e, e.ClaimId, ClaimStatus.Rejected, "Rejected", e.DeciderId, e.OnBehalfOfId, e.Comment, e.RejectedAt, new { e.ApprovalId }, cancellationToken);

    public Task HandleAsync(ClaimReturned e, CancellationToken cancellationToken) =>
        ApplyAsync(e, e.ClaimId, ClaimStatus.Returned, "Returned", e.DeciderId, e.OnBehalfOfId, e.Comment, e.ReturnedAt, new { e.ApprovalId }, cancellationToken);

    public Task HandleAsync(ClaimPaymentScheduled e, CancellationToken cancellationToken) =>
        ApplyAsync(e, e.ClaimId, ClaimStatus.Scheduled, "PaymentScheduled", e.ReleasedBy, null, null, e.ScheduledAt, new { e.BatchId, e.BatchNumber, e.EndToEndId }, cancellationToken);

    public Task HandleAsync(ClaimPaid e, CancellationToken cancellationToken) =>
        ApplyAsync(e, e.ClaimId, ClaimStatus.Paid, "Paid", e.ResolvedBy ?? Guid.Empty, null, null, e.RecordedAt, new { e.BatchId, e.EndToEndId, e.Amount, e.Currency, e.BookingDate }, cancellationToken);

    public Task HandleAsync(ClaimPaymentReopened e, CancellationToken cancellationToken) =>
        ApplyAsync(e, e.ClaimId, ClaimStatus.Approved, "PaymentReopened", Guid.Empty, null, e.Reason, e.ReopenedAt, new { e.BatchId }, cancellationToken);

    private Task<bool> ApplyAsync(
        IntegrationEvent e, Guid claimId, ClaimStatus to, string type, Guid actor, Guid? onBehalfOf, string? reason, DateTimeOffset at, object data, CancellationToken cancellationToken) =>
        InboxGuard.RunOnceAsync(db, e.EventId, $"{nameof(ClaimFollowsApproval)}.{type}", clock, async ct =>
        {
            var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == claimId, ct);
            if (claim is null || claim.Status == to)
            {
                return;
            }

            // Approved may overtake ApprovalStarted when a flow approves at once; InApproval after a decision is stale.
            if (!ClaimTransitions.CanMove(claim.Status, to))
            {
                logger.LogWarning("Claim {ClaimId} is {Status}; ignoring {Event} from approvals", claimId, claim.Status, type);
                return;
            }

            claim.Record(to, type, actor, at, reason, onBehalfOf, data);
        }, cancellationToken);
}
