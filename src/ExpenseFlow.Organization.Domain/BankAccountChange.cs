using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Organization.Domain;

public enum BankAccountChangeKind
{
    /// <summary>A new account (made the default if <see cref="BankAccountChange.MakesDefault"/>).</summary>
    Added,

    /// <summary>Bank, account name or CNAPS code of an existing account (the number is the account's identity).</summary>
    Updated,

    /// <summary>An existing account becomes the one the person is paid to.</summary>
    MadeDefault,
}

public enum BankAccountChangeStatus
{
    /// <summary>Waits for a Finance user other than the changer and the owner; until then nothing of it is used for payment.</summary>
    Pending,

    /// <summary>The owner's own change, in effect at once; Payments holds it for the waiting period unless Finance confirms it.</summary>
    Effective,
    Confirmed,
    Rejected,

    /// <summary>The account it concerned was removed before anyone decided.</summary>
    Withdrawn,
}

/// <summary>
/// One change to where a person is paid, and its decision. A pending change does not touch the account it proposes: the
/// proposal lives here and is applied by <see cref="Confirm"/>, so rejecting it has nothing to undo.
/// </summary>
public sealed class BankAccountChange : AggregateRoot<Guid>
{
    private BankAccountChange()
    {
    }

    public Guid PersonId { get; private set; }

    public Guid AccountId { get; private set; }

    public BankAccountChangeKind Kind { get; private set; }

    public BankAccountChangeStatus Status { get; private set; }

    /// <summary>Whether the change makes <see cref="AccountId"/> the default (always for MadeDefault).</summary>
    public bool MakesDefault { get; private set; }

    /// <summary>For <see cref="BankAccountChangeKind.Updated"/>: the details proposed.</summary>
    public string? ProposedAccountName { get; private set; }

    public string? ProposedBankName { get; private set; }

    public string? ProposedCnapsCode { get; private set; }

    public Guid MadeBy { get; private set; }

    public DateTimeOffset MadeAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? Note { get; private set; }

    public bool IsOpen => Status is BankAccountChangeStatus.Pending or BankAccountChangeStatus.Effective;

    public static BankAccountChange Create(
        Guid personId, Guid accountId, BankAccountChangeKind kind, bool makesDefault, bool pending, Guid madeBy, DateTimeOffset madeAt,
        (string AccountName, string BankName, string? CnapsCode)? proposed = null) => new()
    {
        Id = Guid.CreateVersion7(), PersonId = personId, AccountId = accountId, Kind = kind, MakesDefault = makesDefault || kind == BankAccountChangeKind.MadeDefault,
        Status = pending ? BankAccountChangeStatus.Pending : BankAccountChangeStatus.Effective, MadeBy = madeBy, MadeAt = madeAt,
        ProposedAccountName = proposed?.AccountName, ProposedBankName = proposed?.BankName, ProposedCnapsCode = proposed?.CnapsCode,
    };

    /// <summary>A second person agrees: a pending change takes effect, an effective one stops waiting. Never the changer, never the owner.</summary>
    public void Confirm(Guid decider, DateTimeOffset at) => Decide(decider, at, BankAccountChangeStatus.Confirmed, null);

    /// <summary>A pending change is refused and never takes effect. An owner's change already in effect cannot be rejected.</summary>
    public void Reject(Guid decider, DateTimeOffset at, string? note)
    {
        if (Status == BankAccountChangeStatus.Effective)
        {
            throw new DomainException(OrganizationErrors.AccountChangeInEffect);
        }

        Decide(decider, at, BankAccountChangeStatus.Rejected, Guard.Optional(note, "Note", "说明", 300));
    }

    /// <summary>The account was removed while the change was open.</summary>
    public void Withdraw(Guid actor, DateTimeOffset at)
    {
        if (IsOpen)
        {
            (Status, DecidedBy, DecidedAt) = (BankAccountChangeStatus.Withdrawn, actor, at);
        }
    }

    private void Decide(Guid decider, DateTimeOffset at, BankAccountChangeStatus to, string? note)
    {
        if (decider == MadeBy || decider == PersonId)
        {
            throw new DomainException(OrganizationErrors.OwnAccountChange);
        }

        if (!IsOpen)
        {
            throw new DomainException(OrganizationErrors.AccountChangeDecided);
        }

        (Status, DecidedBy, DecidedAt, Note) = (to, decider, at, note);
    }
}

/// <summary>The rules of account changes, in one place: when a change waits for Finance and when an account may be paid.</summary>
public static class PayoutRules
{
    public const string PendingHold = "BankAccountPending";
    public const string RecentlyChangedHold = "BankAccountRecentlyChanged";

    /// <summary>
    /// Someone else's change always waits for a Finance confirmation; so does the owner's own change when their accounts
    /// already changed within <paramref name="period"/> (a second change soon after the first is what a hijacked login does).
    /// </summary>
    public static bool NeedsConfirmation(Guid actor, Guid owner, DateTimeOffset? lastChangeAt, DateTimeOffset now, TimeSpan period) =>
        actor != owner || (lastChangeAt is { } last && now - last < period);

    /// <summary>
    /// Why the person's default account may not be paid now, and until when a waiting period runs: a pending change to
    /// the payout holds it until decided; an unconfirmed change holds it until <paramref name="period"/> has passed.
    /// </summary>
    public static (string? Hold, DateTimeOffset? ClearsAt) Hold(BankAccount? payout, bool payoutChangePending, DateTimeOffset now, TimeSpan period)
    {
        if (payoutChangePending)
        {
            return (PendingHold, null);
        }

        if (payout is { ChangedAt: { } changed, ConfirmedAt: null } && now < changed + period)
        {
            return (RecentlyChangedHold, changed + period);
        }

        return (null, null);
    }
}
