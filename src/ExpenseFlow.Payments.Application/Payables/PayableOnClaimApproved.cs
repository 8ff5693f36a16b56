using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Payments.Application.Payables;

/// <summary>
/// An approved claim becomes payable to the employee's default account, once however often the event comes — and only
/// when the claim is approved as Expenses has it now: an event that was on its way while the claim was withdrawn (or one
/// replayed) makes nothing payable.
/// </summary>
internal sealed class PayableOnClaimApproved(
    PaymentsDbContext db, IClaimReader claims, IOrganizationDirectory directory, TimeProvider clock, ILogger<PayableOnClaimApproved> logger)
    : IIntegrationEventHandler<ClaimApproved>
{
    public Task HandleAsync(ClaimApproved e, CancellationToken cancellationToken) =>
        InboxGuard.RunOnceAsync(db, e.EventId, nameof(PayableOnClaimApproved), clock, async ct =>
        {
            var state = (await claims.GetStatesAsync([e.ClaimId], ct)).GetValueOrDefault(e.ClaimId)
                ?? throw new InvalidOperationException($"Approved claim {e.ClaimId} was not found.");
            if (state is ClaimStates.Submitted or ClaimStates.InApproval)
            {
                // Expenses has not applied the approval yet (it normally handles the event first): try again later.
                throw new InvalidOperationException($"Claim {e.ClaimId} is still {state} in Expenses; the payable waits for it to be Approved.");
            }

            if (!ClaimStates.MayBePaid(state) || await db.Payables.AnyAsync(p => p.ClaimId == e.ClaimId, ct))
            {
                logger.LogWarning("ClaimApproved for claim {ClaimId}, which is {State} or already has a payable: no payable is created", e.ClaimId, state);
                return;
            }

            var claim = await claims.GetClaimAsync(e.ClaimId, ct) ?? throw new InvalidOperationException($"Approved claim {e.ClaimId} was not found.");
            var person = await directory.FindPersonAsync(claim.EmployeeId, ct);
            var payout = await directory.GetPayoutAsync(claim.EmployeeId, ct);
            db.Payables.Add(Payable.Create(claim.Id, claim.Number, claim.EmployeeId, person?.DisplayName ?? claim.EmployeeId.ToString(), claim.LegalEntityId,
                claim.TotalInBase, claim.BaseCurrency, e.ApprovedAt, Payouts.Details(payout), payout.Hold));
        }, cancellationToken);
}
