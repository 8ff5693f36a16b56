namespace ExpenseFlow.Organization.Domain;

public enum BankAccountLogType
{
    Added,
    Updated,
    MadeDefault,
    Removed,
    Confirmed,
    Rejected,
    Withdrawn,
}

/// <summary>
/// One line of the bank account audit log (organization.bank_account_log): append-only, a database trigger refuses
/// updates and deletes. It keeps the account's details as they were, so a removed account can still be investigated.
/// </summary>
public sealed class BankAccountLogEntry
{
    private BankAccountLogEntry()
    {
    }

    public long Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid? ChangeId { get; private set; }

    public BankAccountLogType Type { get; private set; }

    /// <summary>For a change: Pending (waits for Finance) or Effective (in effect at once).</summary>
    public string? Outcome { get; private set; }

    public Guid ActorId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string AccountName { get; private set; } = string.Empty;

    public string BankName { get; private set; } = string.Empty;

    public string? CnapsCode { get; private set; }

    public string AccountNumber { get; private set; } = string.Empty;

    public string? Note { get; private set; }

    /// <summary>Changes count for the waiting period; decisions do not.</summary>
    public static readonly IReadOnlyList<BankAccountLogType> ChangeTypes =
        [BankAccountLogType.Added, BankAccountLogType.Updated, BankAccountLogType.MadeDefault, BankAccountLogType.Removed];

    public static BankAccountLogEntry Of(
        BankAccountLogType type, BankAccount account, BankAccountChange? change, Guid actor, DateTimeOffset at, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new BankAccountLogEntry
        {
            PersonId = account.PersonId, AccountId = account.Id, ChangeId = change?.Id, Type = type, ActorId = actor, At = at,
            Outcome = change is null || type is not (BankAccountLogType.Added or BankAccountLogType.Updated or BankAccountLogType.MadeDefault) ? null : change.Status.ToString(),
            AccountName = change?.ProposedAccountName ?? account.AccountName, BankName = change?.ProposedBankName ?? account.BankName,
            CnapsCode = change?.Kind == BankAccountChangeKind.Updated ? change.ProposedCnapsCode : account.CnapsCode,
            AccountNumber = account.AccountNumber, Note = note,
        };
    }
}
