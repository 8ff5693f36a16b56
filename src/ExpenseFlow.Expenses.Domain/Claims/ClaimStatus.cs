namespace ExpenseFlow.Expenses.Domain.Claims;

public enum ClaimStatus
{
    Draft,
    Submitted,
    InApproval,
    Approved,
    Scheduled,
    Paid,
    Returned,
    Rejected,
    Cancelled,
}

/// <summary>The claim's life cycle: which state may follow which. Everything else is refused.</summary>
public static class ClaimTransitions
{
    private static readonly Dictionary<ClaimStatus, ClaimStatus[]> Allowed = new()
    {
        [ClaimStatus.Draft] = [ClaimStatus.Submitted, ClaimStatus.Cancelled],
        [ClaimStatus.Submitted] = [ClaimStatus.InApproval, ClaimStatus.Approved, ClaimStatus.Returned, ClaimStatus.Rejected, ClaimStatus.Cancelled],
        [ClaimStatus.InApproval] = [ClaimStatus.Approved, ClaimStatus.Returned, ClaimStatus.Rejected, ClaimStatus.Cancelled],
        [ClaimStatus.Returned] = [ClaimStatus.Submitted, ClaimStatus.Cancelled],
        [ClaimStatus.Approved] = [ClaimStatus.Scheduled],
        [ClaimStatus.Scheduled] = [ClaimStatus.Paid, ClaimStatus.Approved],
        // The bank may credit a payment back after it was booked: the claim is payable again.
        [ClaimStatus.Paid] = [ClaimStatus.Approved],
        [ClaimStatus.Rejected] = [],
        [ClaimStatus.Cancelled] = [],
    };

    public static bool CanMove(ClaimStatus from, ClaimStatus to) => Allowed[from].Contains(to);

    public static bool IsEditable(ClaimStatus status) => status is ClaimStatus.Draft or ClaimStatus.Returned;
}
