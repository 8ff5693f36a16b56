using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Infrastructure;

namespace ExpenseFlow.Payments.Application.Payables;

/// <summary>An approved claim becomes payable to the employee's default account, once however often the event comes.</summary>
internal sealed class PayableOnClaimApproved(PaymentsDbContext db, IClaimReader claims, IOrganizationDirectory directory, TimeProvider clock)
    : IIntegrationEventHandler<ClaimApproved>
{
    public Task HandleAsync(ClaimApproved e, CancellationToken cancellationToken) =>
        InboxGuard.RunOnceAsync(db, e.EventId, nameof(PayableOnClaimApproved), clock, async ct =>
        {
            var claim = await claims.GetClaimAsync(e.ClaimId, ct) ?? throw new InvalidOperationException($"Approved claim {e.ClaimId} was not found.");
            var person = await directory.FindPersonAsync(claim.EmployeeId, ct);
            var account = await directory.FindDefaultBankAccountAsync(claim.EmployeeId, ct);
            db.Payables.Add(Payable.Create(claim.Id, claim.Number, claim.EmployeeId, person?.DisplayName ?? claim.EmployeeId.ToString(), claim.LegalEntityId,
                claim.TotalInBase, claim.BaseCurrency, e.ApprovedAt,
                account is null ? null : new PayeeDetails(account.AccountName, account.AccountNumber, account.BankName, account.CnapsCode)));
        }, cancellationToken);
}
