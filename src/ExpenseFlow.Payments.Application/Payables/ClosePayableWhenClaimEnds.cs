using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Payments.Application.Payables;

/// <summary>
/// A claim withdrawn, rejected or returned has nothing to be paid. Expenses refuses a cancel once the approval is decided
/// and an approval never rejects or returns after approving, so normally no payable exists then; this is the second
/// line, for events that crossed (or data written before those guards): an open or held payable closes with the reason,
/// one in a draft batch leaves it. The claim's state is read again first, so a stale event never closes the payable of
/// a claim that is approved now.
/// </summary>
internal sealed class ClosePayableWhenClaimEnds(PaymentsDbContext db, IClaimReader claims, TimeProvider clock, ILogger<ClosePayableWhenClaimEnds> logger) :
    IIntegrationEventHandler<ClaimCancelled>,
    IIntegrationEventHandler<ClaimRejected>,
    IIntegrationEventHandler<ClaimReturned>
{
    public Task HandleAsync(ClaimCancelled e, CancellationToken cancellationToken) => CloseAsync(e, e.ClaimId, "ClaimCancelled", cancellationToken);

    public Task HandleAsync(ClaimRejected e, CancellationToken cancellationToken) => CloseAsync(e, e.ClaimId, "ClaimRejected", cancellationToken);

    public Task HandleAsync(ClaimReturned e, CancellationToken cancellationToken) => CloseAsync(e, e.ClaimId, "ClaimReturned", cancellationToken);

    private Task<bool> CloseAsync(IntegrationEvent e, Guid claimId, string reason, CancellationToken cancellationToken) =>
        InboxGuard.RunOnceAsync(db, e.EventId, $"{nameof(ClosePayableWhenClaimEnds)}.{reason}", clock, async ct =>
        {
            var payable = await db.Payables.FirstOrDefaultAsync(p => p.ClaimId == claimId, ct);
            if (payable is null || payable.Status == PayableStatus.Closed)
            {
                return; // the usual case: the claim never got as far as a payable
            }

            var state = (await claims.GetStatesAsync([claimId], ct)).GetValueOrDefault(claimId);
            if (ClaimStates.MayBePaid(state) || state == ClaimStates.Paid)
            {
                logger.LogWarning("{Reason} for claim {ClaimNumber}, which is {State} now: its payable stays", reason, payable.ClaimNumber, state);
                return;
            }

            await PayableClosing.CloseAsync(db, payable, reason, clock.GetUtcNow(), logger, ct);
        }, cancellationToken);
}

/// <summary>Closing a payable whose claim must not be paid, wherever it stands.</summary>
internal static class PayableClosing
{
    /// <returns>Whether it closed; a payment the checker already released is left to the statement and logged as an error.</returns>
    public static async Task<bool> CloseAsync(PaymentsDbContext db, Payable payable, string reason, DateTimeOffset at, ILogger logger, CancellationToken ct)
    {
        switch (payable.Status)
        {
            case PayableStatus.Open or PayableStatus.Held:
                payable.Close(reason, at);
                return true;
            case PayableStatus.InBatch when await db.Batches.Include(b => b.Lines).FirstOrDefaultAsync(b => b.Id == payable.BatchId, ct) is
                { Status: Domain.Batches.BatchStatus.Draft } draft:
                draft.Drop(payable, reason, at);
                return true;
            default:
                logger.LogError("Claim {ClaimNumber} must not be paid ({Reason}) but its payment is already {Status}; finance must recall it from the bank",
                    payable.ClaimNumber, reason, payable.Status);
                return false;
        }
    }
}
