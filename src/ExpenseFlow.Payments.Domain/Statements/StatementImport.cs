using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.Statements;

public enum EntryMatch
{
    /// <summary>Paired with a batch line (by EndToEndId, by amount + payee + date, or by hand).</summary>
    Matched,

    /// <summary>A credit that reversed one of our payments: the payable is open again.</summary>
    Returned,

    /// <summary>No payment of ours fits: waits in the reconciliation queue.</summary>
    Unmatched,

    /// <summary>Several payments fit equally: waits in the reconciliation queue.</summary>
    Ambiguous,

    /// <summary>Not a reimbursement (fees, other transfers): set aside by a finance user.</summary>
    Ignored,

    /// <summary>
    /// A credit that fits one payment by amount and payee name but does not name it (no EndToEndId): anyone can send
    /// money with a payee's name, so it waits in the queue and reopens nothing by itself.
    /// </summary>
    ProbableReturn,

    /// <summary>A finance user proposed that this credit returned a payment; another finance user must confirm it.</summary>
    ReturnProposed,
}

/// <summary>A bank statement file as imported; its SHA-256 makes a second import of the same file a no-op.</summary>
public sealed class StatementImport : Entity<Guid>
{
    private StatementImport()
    {
    }

    public string FileName { get; private set; } = string.Empty;

    public string Format { get; private set; } = string.Empty;

    public string Sha256 { get; private set; } = string.Empty;

    public string? AccountId { get; private set; }

    public string? StatementId { get; private set; }

    public Guid ImportedBy { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public int EntryCount { get; set; }

    public static StatementImport Create(string fileName, string format, string sha256, string? accountId, string? statementId, Guid by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), FileName = fileName.Length > 200 ? fileName[..200] : fileName, Format = format, Sha256 = sha256,
        AccountId = accountId, StatementId = statementId, ImportedBy = by, ImportedAt = at,
    };
}

/// <summary>One booked entry of an imported statement and what reconciliation made of it.</summary>
public sealed class ImportedEntry : Entity<Guid>
{
    private ImportedEntry()
    {
    }

    public Guid ImportId { get; private set; }

    public int Sequence { get; private set; }

    public DateOnly BookingDate { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "CNY";

    /// <summary>True for money in (a returned payment), false for money out.</summary>
    public bool IsCredit { get; private set; }

    public string? EndToEndId { get; private set; }

    public string? CounterpartyName { get; private set; }

    public string? CounterpartyAccount { get; private set; }

    public string? Reference { get; private set; }

    public string? Details { get; private set; }

    public EntryMatch Match { get; private set; }

    public Guid? BatchLineId { get; private set; }

    public Guid? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The legal entity whose account the statement is for; only its batches can be settled by this entry.</summary>
    public Guid? LegalEntityId { get; private set; }

    /// <summary>Who proposed that this credit returned <see cref="BatchLineId"/> (the maker of a reopening).</summary>
    public Guid? ProposedBy { get; private set; }

    public DateTimeOffset? ProposedAt { get; private set; }

    public static ImportedEntry Create(Guid importId, Guid? legalEntityId, int sequence, DateOnly bookingDate, decimal amount, string currency, bool isCredit, string? endToEndId,
        string? counterpartyName, string? counterpartyAccount, string? reference, string? details) => new()
    {
        Id = Guid.CreateVersion7(), ImportId = importId, LegalEntityId = legalEntityId, Sequence = sequence, BookingDate = bookingDate, Amount = amount, Currency = currency, IsCredit = isCredit,
        EndToEndId = Trim(endToEndId, 35), CounterpartyName = Trim(counterpartyName, 140), CounterpartyAccount = Trim(counterpartyAccount, 64),
        Reference = Trim(reference, 64), Details = Trim(details, 500), Match = EntryMatch.Unmatched,
    };

    public void Resolve(EntryMatch match, Guid? batchLineId, Guid? by, DateTimeOffset? at, string? note)
    {
        Match = match;
        BatchLineId = batchLineId;
        ResolvedBy = by;
        ResolvedAt = at;
        Note = Trim(note, 200);
    }

    /// <summary>The maker's half of reopening a payment from the queue: nothing moves until another finance user confirms.</summary>
    public void ProposeReturn(Guid batchLineId, Guid by, DateTimeOffset at, string? note)
    {
        if (!IsCredit)
        {
            throw new InvalidOperationException("Only a credit can return a payment.");
        }

        Resolve(EntryMatch.ReturnProposed, batchLineId, null, null, note);
        ProposedBy = by;
        ProposedAt = at;
    }

    /// <summary>The checker's half: refused when nothing is proposed or when the checker is the one who proposed it.</summary>
    public void EnsureCheckerMayConfirm(Guid checker)
    {
        if (Match != EntryMatch.ReturnProposed || BatchLineId is null)
        {
            throw new DomainException(PaymentsErrors.NoReturnProposed);
        }

        if (ProposedBy == checker)
        {
            throw new DomainException(PaymentsErrors.ReturnNeedsSecondUser);
        }
    }

    private static string? Trim(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Length > max ? value.Trim()[..max] : value.Trim();
}
