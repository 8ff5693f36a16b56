using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Payments.Application.Payables;

/// <summary>
/// A payee's account changed: their payables not yet in a batch take the payout as the directory gives it now (held while
/// a change is pending or recent, released once confirmed). The event is only a nudge; batch building checks again.
/// </summary>
internal sealed class PayablesOnPayeeAccountChanged(PaymentsDbContext db, IOrganizationDirectory directory, TimeProvider clock)
    : IIntegrationEventHandler<PayeeAccountChanged>
{
    public Task HandleAsync(PayeeAccountChanged e, CancellationToken cancellationToken) =>
        InboxGuard.RunOnceAsync(db, e.EventId, nameof(PayablesOnPayeeAccountChanged), clock, async ct =>
        {
            var payables = await db.Payables
                .Where(p => p.EmployeeId == e.PersonId && (p.Status == PayableStatus.Open || p.Status == PayableStatus.Held))
                .ToListAsync(ct);
            await Payouts.RefreshAsync(payables, directory, clock.GetUtcNow(), ct);
        }, cancellationToken);
}
