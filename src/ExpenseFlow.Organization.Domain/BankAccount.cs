using ExpenseFlow.BuildingBlocks.Domain;

namespace ExpenseFlow.Organization.Domain;

public enum BankAccountStatus
{
    /// <summary>May be paid to (if it is the default and not held by a recent change, see <see cref="PayoutRules"/>).</summary>
    Active,

    /// <summary>Added by a change that waits for a Finance confirmation: never paid to.</summary>
    Pending,
}

/// <summary>
/// An account a person is reimbursed to. The number is shown masked except to Finance and the owner. Changes to where a
/// person is paid go through <see cref="BankAccountChange"/>; the account remembers who last changed it and whether a
/// second person confirmed that change, which is what Payments needs to know before paying it.
/// </summary>
public sealed class BankAccount : AggregateRoot<Guid>
{
    private BankAccount()
    {
    }

    public Guid PersonId { get; private set; }

    public string AccountName { get; private set; } = string.Empty;

    public string BankName { get; private set; } = string.Empty;

    public string? CnapsCode { get; private set; }

    public string AccountNumber { get; private set; } = string.Empty;

    public bool IsDefault { get; private set; }

    public BankAccountStatus Status { get; private set; }

    /// <summary>When the account last became what it is (added, made default, details changed); null for accounts that predate the control.</summary>
    public DateTimeOffset? ChangedAt { get; private set; }

    public Guid? ChangedBy { get; private set; }

    /// <summary>Set when a second person (Finance) confirmed the last change; cleared by the next change.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    public Guid? ConfirmedBy { get; private set; }

    public static BankAccount Create(Guid id, Guid personId, string accountName, string bankName, string? cnapsCode, string accountNumber, bool isDefault)
    {
        var account = new BankAccount { Id = id, PersonId = personId };
        account.Update(accountName, bankName, cnapsCode, accountNumber);
        account.IsDefault = isDefault;
        return account;
    }

    public void Update(string accountName, string bankName, string? cnapsCode, string accountNumber)
    {
        AccountName = Guard.Text(accountName, "Account name", "户名", 100);
        BankName = Guard.Text(bankName, "Bank", "开户行", 100);
        CnapsCode = string.IsNullOrWhiteSpace(cnapsCode) ? null : Guard.Digits(cnapsCode, 12, 12, OrganizationErrors.InvalidCnaps);
        AccountNumber = Guard.Digits(accountNumber, 8, 32, OrganizationErrors.InvalidAccountNumber);
    }

    public void SetDefault(bool isDefault) => IsDefault = isDefault;

    /// <summary>An account added by a change that waits for confirmation: kept, shown, never paid to.</summary>
    public void MarkPending() => Status = BankAccountStatus.Pending;

    /// <summary>A change took effect on this account (at once, or when it was confirmed by <paramref name="confirmedBy"/>).</summary>
    public void RecordChange(Guid changedBy, DateTimeOffset changedAt, Guid? confirmedBy, DateTimeOffset? confirmedAt)
    {
        Status = BankAccountStatus.Active;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
        ConfirmedBy = confirmedBy;
        ConfirmedAt = confirmedBy is null ? null : confirmedAt;
    }

    /// <summary>A second person confirmed a change that was already in effect (an owner's own, in its waiting period).</summary>
    public void Confirm(Guid confirmedBy, DateTimeOffset at)
    {
        ConfirmedBy = confirmedBy;
        ConfirmedAt = at;
    }

    /// <summary>Only the last four digits stay readable.</summary>
    public string MaskedNumber => OrganizationErrors.Mask(AccountNumber);
}

/// <summary>转交/代理: between the two dates the delegate decides on behalf of the person.</summary>
public sealed class Delegation : AggregateRoot<Guid>
{
    private Delegation()
    {
    }

    public Guid FromPersonId { get; private set; }

    public Guid ToPersonId { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public string? Reason { get; private set; }

    public static Delegation Create(Guid id, Guid fromPersonId, Guid toPersonId, DateOnly startDate, DateOnly endDate, string? reason)
    {
        if (fromPersonId == toPersonId)
        {
            throw new BuildingBlocks.Errors.DomainException(OrganizationErrors.DelegationToSelf);
        }

        if (endDate < startDate)
        {
            throw new BuildingBlocks.Errors.DomainException(OrganizationErrors.DelegationDates);
        }

        return new Delegation
        {
            Id = id, FromPersonId = fromPersonId, ToPersonId = toPersonId, StartDate = startDate, EndDate = endDate,
            Reason = Guard.Optional(reason, "Reason", "原因", 300),
        };
    }

    public bool Overlaps(DateOnly start, DateOnly end) => start <= EndDate && end >= StartDate;
}
