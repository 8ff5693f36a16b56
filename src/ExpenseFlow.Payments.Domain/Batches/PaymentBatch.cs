using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Payments.Domain.Payables;

namespace ExpenseFlow.Payments.Domain.Batches;

public enum BatchStatus
{
    Draft,
    Released,
    Cancelled,

    /// <summary>Every line is paid or returned.</summary>
    Closed,
}

public enum BatchLineStatus
{
    Pending,
    Paid,
    Returned,

    /// <summary>Its draft batch was cancelled.</summary>
    Removed,
}

/// <summary>
/// 付款批次: approved claims paid together from one legal entity in one currency. Built by one finance user (maker),
/// released by another (checker); releasing schedules the claims.
/// </summary>
public sealed class PaymentBatch : AggregateRoot<Guid>
{
    private readonly List<BatchLine> _lines = [];

    private int? _pendingLines;

    private PaymentBatch()
    {
    }

    public string Number { get; private set; } = string.Empty;

    public Guid LegalEntityId { get; private set; }

    public string Currency { get; private set; } = "CNY";

    public BatchStatus Status { get; private set; }

    public DateOnly ExecutionDate { get; private set; }

    public decimal Total { get; private set; }

    public int Count { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? ReleasedBy { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public IReadOnlyList<BatchLine> Lines => _lines;

    /// <param name="attempts">How many earlier batch lines each claim had (a returned payment is retried with a new EndToEndId).</param>
    public static PaymentBatch Build(
        Guid id, string number, IReadOnlyList<Payable> payables, IReadOnlyDictionary<Guid, int> attempts, DateOnly executionDate, Guid maker, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(payables);
        if (payables.Count == 0)
        {
            throw new DomainException(PaymentsErrors.NothingToPay);
        }

        if (payables.Select(p => (p.LegalEntityId, p.Currency)).Distinct().Count() > 1)
        {
            throw new DomainException(PaymentsErrors.MixedBatch);
        }

        if (payables.Any(p => p.Status != PayableStatus.Open))
        {
            throw new DomainException(PaymentsErrors.PayableTaken);
        }

        var batch = new PaymentBatch
        {
            Id = id, Number = number, LegalEntityId = payables[0].LegalEntityId, Currency = payables[0].Currency, Status = BatchStatus.Draft,
            ExecutionDate = executionDate, CreatedBy = maker, CreatedAt = at,
        };
        foreach (var payable in payables.OrderBy(p => p.ClaimNumber, StringComparer.Ordinal))
        {
            var attempt = attempts.GetValueOrDefault(payable.ClaimId) + 1;
            batch._lines.Add(BatchLine.Create(batch.Id, batch._lines.Count + 1, payable, $"{payable.ClaimNumber}-{attempt}"));
            payable.JoinBatch(batch.Id, at);
        }

        batch.Total = batch._lines.Sum(l => l.Amount);
        batch.Count = batch._lines.Count;
        return batch;
    }

    /// <summary>The checker's release: never by the maker.</summary>
    public void Release(Guid checker, IReadOnlyList<Payable> payables, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(payables);
        EnsureReleasableBy(checker);

        Status = BatchStatus.Released;
        ReleasedBy = checker;
        ReleasedAt = at;
        foreach (var payable in payables.Where(p => PendingLineOf(p) is not null))
        {
            payable.Schedule(at);
        }
    }

    /// <summary>A draft, released by someone other than its maker.</summary>
    public void EnsureReleasableBy(Guid checker)
    {
        if (Status != BatchStatus.Draft)
        {
            throw new DomainException(PaymentsErrors.BatchNotInState(nameof(BatchStatus.Draft)));
        }

        if (checker == CreatedBy)
        {
            throw new DomainException(PaymentsErrors.MakerCannotRelease);
        }
    }

    /// <summary>The lines the bank is (or will be) asked to pay: a line taken out of the draft is not one of them.</summary>
    public IEnumerable<BatchLine> LinesToPay() => _lines.Where(l => l.Status == BatchLineStatus.Pending);

    /// <summary>
    /// A claim that must not be paid any more leaves the draft: its line is removed, the totals shrink, its payable closes
    /// with <paramref name="reason"/>. A draft left without lines is cancelled. A released batch is the bank's: refused.
    /// </summary>
    public void Drop(Payable payable, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(payable);
        if (Status != BatchStatus.Draft)
        {
            throw new DomainException(PaymentsErrors.BatchNotInState(nameof(BatchStatus.Draft)));
        }

        var line = PendingLineOf(payable) ?? throw new InvalidOperationException($"Payable {payable.Id} has no pending line in batch {Number}.");
        line.Status = BatchLineStatus.Removed;
        payable.LeaveBatchClosed(reason, at);
        Total = LinesToPay().Sum(l => l.Amount);
        Count = LinesToPay().Count();
        if (Count == 0)
        {
            Status = BatchStatus.Cancelled;
        }
    }

    /// <summary>A draft withdrawn before release: its claims become payable again.</summary>
    public void Cancel(IReadOnlyList<Payable> payables, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(payables);
        if (Status != BatchStatus.Draft)
        {
            throw new DomainException(PaymentsErrors.BatchNotInState(nameof(BatchStatus.Draft)));
        }

        // Only the claims still in the draft become payable again; one dropped from it stays closed.
        foreach (var payable in payables.Where(p => PendingLineOf(p) is not null).ToList())
        {
            payable.Reopen(at);
        }

        Status = BatchStatus.Cancelled;
        foreach (var line in _lines)
        {
            line.Status = BatchLineStatus.Removed;
        }
    }

    private BatchLine? PendingLineOf(Payable payable) => _lines.FirstOrDefault(l => l.PayableId == payable.Id && l.Status == BatchLineStatus.Pending);

    /// <summary>The statement shows the line paid (or, with <paramref name="returned"/>, credited back).</summary>
    /// <summary>
    /// The bank's answer for one line: paid, or returned (a credit back). The batch closes when no line is pending.
    /// A statement settles thousands of lines of one batch in a row, so the pending lines are counted once, not per call.
    /// </summary>
    public BatchLine Settle(BatchLine line, bool returned, string statementReference, DateTimeOffset at)
    {
        if (line.BatchId != Id)
        {
            throw new InvalidOperationException($"Line {line.Id} belongs to batch {line.BatchId}, not {Id}.");
        }

        _pendingLines ??= _lines.Count(l => l.Status == BatchLineStatus.Pending);
        if (line.Status == BatchLineStatus.Pending || (returned && line.Status == BatchLineStatus.Paid))
        {
            if (line.Status == BatchLineStatus.Pending)
            {
                _pendingLines--;
            }

            line.Status = returned ? BatchLineStatus.Returned : BatchLineStatus.Paid;
            line.SettledAt = at;
            line.StatementReference = statementReference;
        }

        if (Status == BatchStatus.Released && _pendingLines == 0)
        {
            Status = BatchStatus.Closed;
        }

        return line;
    }
}

/// <summary>One payment of a batch; its EndToEndId (claim number + attempt) is how the bank statement comes back to the claim.</summary>
public sealed class BatchLine : Entity<Guid>
{
    private BatchLine()
    {
    }

    public Guid BatchId { get; private set; }

    public int Position { get; private set; }

    public Guid PayableId { get; private set; }

    public Guid ClaimId { get; private set; }

    public string ClaimNumber { get; private set; } = string.Empty;

    public string EndToEndId { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "CNY";

    public string PayeeName { get; private set; } = string.Empty;

    public string AccountName { get; private set; } = string.Empty;

    public string AccountNumber { get; private set; } = string.Empty;

    public string BankName { get; private set; } = string.Empty;

    public string? CnapsCode { get; private set; }

    /// <summary>When and by whom the paid account last changed, and who confirmed it: shown to the checker before release.</summary>
    public DateTimeOffset? AccountChangedAt { get; private set; }

    public Guid? AccountChangedBy { get; private set; }

    public Guid? AccountConfirmedBy { get; private set; }

    public BatchLineStatus Status { get; internal set; }

    public DateTimeOffset? SettledAt { get; internal set; }

    public string? StatementReference { get; internal set; }

    internal static BatchLine Create(Guid batchId, int position, Payable p, string endToEndId) => new()
    {
        Id = Guid.CreateVersion7(), BatchId = batchId, Position = position, PayableId = p.Id, ClaimId = p.ClaimId, ClaimNumber = p.ClaimNumber,
        EndToEndId = endToEndId, Amount = p.Amount, Currency = p.Currency, PayeeName = p.PayeeName, AccountName = p.AccountName!,
        AccountNumber = p.AccountNumber!, BankName = p.BankName!, CnapsCode = p.CnapsCode, Status = BatchLineStatus.Pending,
        AccountChangedAt = p.AccountChangedAt, AccountChangedBy = p.AccountChangedBy, AccountConfirmedBy = p.AccountConfirmedBy,
    };
}
