namespace ExpenseFlow.Approvals.Contracts;

/// <summary>Where a claim's approval stands, as committed; read by Expenses under the claim's lock before a cancel.</summary>
public interface IClaimApprovalReader
{
    /// <summary>The latest round's approval of the claim, or null when none has started.</summary>
    Task<ClaimApprovalState?> GetLatestAsync(Guid claimId, CancellationToken cancellationToken);
}

/// <summary>
/// <paramref name="Status"/>: Running, Stuck, Approved, Rejected, Returned or Cancelled. Approved and Rejected are
/// decisions the claim cannot be withdrawn from.
/// </summary>
public sealed record ClaimApprovalState(Guid ApprovalId, int Round, string Status)
{
    public bool IsDecided => Status is "Approved" or "Rejected";
}
