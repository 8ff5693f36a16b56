using System.Text.RegularExpressions;
using ExpenseFlow.BuildingBlocks.Domain;

namespace ExpenseFlow.Payments.Domain.Payables;

public enum PayableStatus
{
    /// <summary>Ready to be put into a batch.</summary>
    Open,

    /// <summary>Cannot be paid until fixed (see <see cref="Payable.HoldReason"/>).</summary>
    Held,
    InBatch,
    Scheduled,
    Paid,

    /// <summary>Never to be paid: its claim was cancelled, rejected or returned (<see cref="Payable.HoldReason"/> says which).</summary>
    Closed,
}

/// <summary>What the company owes an employee for an approved claim, and where to pay it.</summary>
public sealed partial class Payable : AggregateRoot<Guid>
{
    private Payable()
    {
    }

    public Guid ClaimId { get; private set; }

    public string ClaimNumber { get; private set; } = string.Empty;

    public Guid EmployeeId { get; private set; }

    public string PayeeName { get; private set; } = string.Empty;

    public Guid LegalEntityId { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "CNY";

    public DateTimeOffset ApprovedAt { get; private set; }

    public string? AccountName { get; private set; }

    public string? AccountNumber { get; private set; }

    public string? BankName { get; private set; }

    public string? CnapsCode { get; private set; }

    public PayableStatus Status { get; private set; }

    /// <summary>
    /// Why it cannot be paid. While held: NoBankAccount | InvalidBankAccount | InvalidCnaps | BankAccountPending (a change
    /// to the payee's account waits for Finance) | BankAccountRecentlyChanged (an unconfirmed change inside its waiting
    /// period). Once closed: ClaimCancelled | ClaimRejected | ClaimReturned.
    /// </summary>
    public string? HoldReason { get; private set; }

    /// <summary>The payee's account this payable would pay, and when and by whom it last changed (null: before the control).</summary>
    public Guid? AccountId { get; private set; }

    public DateTimeOffset? AccountChangedAt { get; private set; }

    public Guid? AccountChangedBy { get; private set; }

    public Guid? AccountConfirmedBy { get; private set; }

    public Guid? BatchId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Payable Create(Guid claimId, string claimNumber, Guid employeeId, string payeeName, Guid legalEntityId, decimal amount, string currency,
        DateTimeOffset approvedAt, PayeeDetails? account, string? accountHold = null)
    {
        var payable = new Payable
        {
            Id = Guid.CreateVersion7(), ClaimId = claimId, ClaimNumber = claimNumber, EmployeeId = employeeId, PayeeName = payeeName,
            LegalEntityId = legalEntityId, Amount = amount, Currency = currency, ApprovedAt = approvedAt, UpdatedAt = approvedAt,
        };
        payable.UseAccount(account, accountHold, approvedAt);
        return payable;
    }

    /// <summary>Holds that only the payee's account causes; a payable held for anything else is not released by an account.</summary>
    public static readonly IReadOnlySet<string> AccountHolds = new HashSet<string>(StringComparer.Ordinal)
    {
        "NoBankAccount", "InvalidBankAccount", "InvalidCnaps", BankAccountPending, BankAccountRecentlyChanged,
    };

    public const string BankAccountPending = "BankAccountPending";

    public const string BankAccountRecentlyChanged = "BankAccountRecentlyChanged";

    /// <summary>Not yet in a batch and not held for a reason other than its account: the payee's account decides.</summary>
    public bool AwaitsAccount => Status == PayableStatus.Open || (Status == PayableStatus.Held && HoldReason is { } r && AccountHolds.Contains(r));

    /// <summary>
    /// Takes the employee's current default account. A missing or malformed one holds the payable with a reason, and so
    /// does <paramref name="accountHold"/>, the directory's word that the account may not be paid now (a change pending or recent).
    /// </summary>
    public void UseAccount(PayeeDetails? account, string? accountHold, DateTimeOffset at)
    {
        if (!AwaitsAccount)
        {
            return;
        }

        AccountName = account?.AccountName;
        AccountNumber = account?.AccountNumber.Replace(" ", string.Empty, StringComparison.Ordinal);
        BankName = account?.BankName;
        CnapsCode = account?.CnapsCode;
        AccountId = account?.AccountId;
        AccountChangedAt = account?.ChangedAt;
        AccountChangedBy = account?.ChangedBy;
        AccountConfirmedBy = account?.ConfirmedBy;
        HoldReason = accountHold is not null ? accountHold
            : account is null ? "NoBankAccount"
            : !AccountPattern().IsMatch(AccountNumber!) ? "InvalidBankAccount"
            : CnapsCode is not null && !CnapsPattern().IsMatch(CnapsCode) ? "InvalidCnaps"
            : null;
        Status = HoldReason is null ? PayableStatus.Open : PayableStatus.Held;
        UpdatedAt = at;
    }

    /// <summary>
    /// The claim is no longer to be paid. Only an open or held payable closes here; one in a draft batch leaves it through
    /// <see cref="Batches.PaymentBatch.Drop"/>; once the checker has released the payment it is the bank's, and only a
    /// statement or a person can settle it.
    /// </summary>
    public void Close(string reason, DateTimeOffset at) => CloseFrom([PayableStatus.Open, PayableStatus.Held], reason, at);

    internal void LeaveBatchClosed(string reason, DateTimeOffset at) => CloseFrom([PayableStatus.InBatch], reason, at);

    private void CloseFrom(PayableStatus[] allowed, string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!allowed.Contains(Status))
        {
            throw new InvalidOperationException($"Payable {Id} of claim {ClaimNumber} is {Status} and cannot be closed here.");
        }

        HoldReason = reason;
        Move(PayableStatus.Closed, null, at);
    }

    internal void JoinBatch(Guid batchId, DateTimeOffset at) => Move(PayableStatus.InBatch, batchId, at);

    internal void Schedule(DateTimeOffset at) => Move(PayableStatus.Scheduled, BatchId, at);

    public void MarkPaid(DateTimeOffset at) => Move(PayableStatus.Paid, BatchId, at);

    /// <summary>Back to open: its batch was cancelled, or the bank returned the payment.</summary>
    public void Reopen(DateTimeOffset at) => Move(PayableStatus.Open, null, at);

    private void Move(PayableStatus to, Guid? batchId, DateTimeOffset at)
    {
        Status = to;
        BatchId = batchId;
        UpdatedAt = at;
    }

    // Chinese bank card and corporate account numbers: 8–32 digits; IBAN-like accounts: letters and digits.
    [GeneratedRegex("^(?:[0-9]{8,32}|[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30})$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex CnapsPattern();
}

public sealed record PayeeDetails(
    string AccountName, string AccountNumber, string BankName, string? CnapsCode,
    Guid? AccountId = null, DateTimeOffset? ChangedAt = null, Guid? ChangedBy = null, Guid? ConfirmedBy = null);
