namespace ExpenseFlow.Expenses.Contracts;

/// <summary>A claim's states as other modules read them (<see cref="IClaimReader.GetStatesAsync"/>).</summary>
public static class ClaimStates
{
    public const string Draft = "Draft";
    public const string Submitted = "Submitted";
    public const string InApproval = "InApproval";
    public const string Approved = "Approved";
    public const string Scheduled = "Scheduled";
    public const string Paid = "Paid";
    public const string Returned = "Returned";
    public const string Rejected = "Rejected";
    public const string Cancelled = "Cancelled";

    /// <summary>
    /// The claim's money invariant: only a claim in one of these states may have an open payable, an active batch line
    /// or a released payment. Cancelled, Rejected and Returned never do (and the first two never come back).
    /// </summary>
    public static bool MayBePaid(string? state) => state is Approved or Scheduled;

    /// <summary>States a claim never leaves: whatever still waits to be paid for it is closed.</summary>
    public static bool IsFinalWithoutPayment(string? state) => state is Cancelled or Rejected;
}

/// <summary>
/// The lock that serialises everything that decides a claim's fate across modules: the employee's cancel (Expenses)
/// and every approval decision or start (Approvals) take it first, in their own transaction, then re-read the other
/// module's committed state. Of a cancel and a final approval sent at the same moment, exactly one succeeds.
/// </summary>
public static class ClaimLock
{
    /// <summary>The advisory-lock scope (see BuildingBlocks' AdvisoryLock) for a claim id.</summary>
    public const string Scope = "expenses.claim";
}
