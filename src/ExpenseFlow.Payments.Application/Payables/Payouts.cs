using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Domain.Payables;

namespace ExpenseFlow.Payments.Application.Payables;

/// <summary>Applies the Organization directory's payout (account and hold) to payables: the one way Payments learns where to pay.</summary>
internal static class Payouts
{
    public static PayeeDetails? Details(Payout payout) =>
        payout.Account is { } a ? new PayeeDetails(a.AccountName, a.AccountNumber, a.BankName, a.CnapsCode, a.AccountId, a.ChangedAt, a.ChangedBy, a.ConfirmedBy) : null;

    public static void Apply(Payable payable, Payout payout, DateTimeOffset at) => payable.UseAccount(Details(payout), payout.Hold, at);

    /// <summary>
    /// Reads the payees' payouts now and applies them to the payables still waiting for a batch: an account changed since
    /// approval is taken (or the payable held), a pending or recent change holds it, a confirmed one releases it.
    /// </summary>
    public static async Task RefreshAsync(IReadOnlyList<Payable> payables, IOrganizationDirectory directory, DateTimeOffset at, CancellationToken ct)
    {
        var waiting = payables.Where(p => p.AwaitsAccount).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var payouts = await directory.GetPayoutsAsync(waiting.Select(p => p.EmployeeId).Distinct().ToList(), ct);
        foreach (var payable in waiting)
        {
            Apply(payable, payouts[payable.EmployeeId], at);
        }
    }
}
