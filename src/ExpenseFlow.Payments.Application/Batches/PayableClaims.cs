using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Payments.Application.Payables;
using ExpenseFlow.Payments.Domain;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Payments.Application.Batches;

/// <summary>
/// The claims' states re-read from Expenses when money is about to move (building a batch, releasing it), instead of
/// trusting the events Payments heard. Only Approved (or Scheduled) claims may be paid (<see cref="ClaimStates.MayBePaid"/>).
/// Expenses refuses a cancel once the approval is decided and an approved claim never goes back, so a claim seen as
/// approved here cannot be withdrawn before the money leaves; this catches whatever got past (events that crossed, old data).
/// </summary>
internal static class PayableClaims
{
    /// <summary>
    /// The payables whose claims may still be paid. Named payables that may not are refused as a whole (409
    /// Payments.ClaimNotPayable, naming them); in a batch built by filter they are left out, and those of claims that
    /// will never be paid (Cancelled, Rejected) are closed in the same save as the batch.
    /// </summary>
    public static async Task<List<Payable>> KeepPayableAsync(
        PaymentsDbContext db, IClaimReader claims, List<Payable> payables, bool named, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        var states = await claims.GetStatesAsync(payables.Select(p => p.ClaimId).ToList(), ct);
        var refused = payables.Where(p => !ClaimStates.MayBePaid(states.GetValueOrDefault(p.ClaimId))).ToList();
        if (refused.Count == 0)
        {
            return payables;
        }

        if (named)
        {
            throw new DomainException(PaymentsErrors.ClaimNotPayable(refused.Select(p => (p.ClaimNumber, states.GetValueOrDefault(p.ClaimId) ?? "Missing")).ToList()));
        }

        foreach (var payable in refused)
        {
            var state = states.GetValueOrDefault(payable.ClaimId);
            logger.LogWarning("Payable of claim {ClaimNumber} left out of the batch: the claim is {State}", payable.ClaimNumber, state ?? "missing");
            if (ClaimStates.IsFinalWithoutPayment(state))
            {
                await PayableClosing.CloseAsync(db, payable, $"Claim{state}", now, logger, ct);
            }
        }

        return payables.Except(refused).ToList();
    }

    /// <summary>Refuses (409 Payments.ClaimNotPayable, naming them) when any of the claims may no longer be paid.</summary>
    public static async Task EnsurePayableAsync(IClaimReader claims, IReadOnlyList<(Guid ClaimId, string Number)> lines, CancellationToken ct)
    {
        var states = await claims.GetStatesAsync(lines.Select(l => l.ClaimId).ToList(), ct);
        var refused = lines.Where(l => !ClaimStates.MayBePaid(states.GetValueOrDefault(l.ClaimId)))
            .Select(l => (l.Number, states.GetValueOrDefault(l.ClaimId) ?? "Missing")).ToList();
        if (refused.Count > 0)
        {
            throw new DomainException(PaymentsErrors.ClaimNotPayable(refused));
        }
    }
}
