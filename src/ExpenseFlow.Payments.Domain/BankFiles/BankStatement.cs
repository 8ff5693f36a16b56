namespace ExpenseFlow.Payments.Domain.BankFiles;

public enum StatementFormat
{
    Camt053,
    Mt940,
    Csv,
}

public enum CreditDebit
{
    Credit,
    Debit,
}

public enum BalanceType
{
    /// <summary>camt OPBD / PRCD, MT940 :60F:.</summary>
    Opening,
    /// <summary>MT940 :60M: (a statement continued from a previous page).</summary>
    IntermediateOpening,
    /// <summary>camt CLBD, MT940 :62F:.</summary>
    Closing,
    /// <summary>MT940 :62M:.</summary>
    IntermediateClosing,
    /// <summary>camt OPAV.</summary>
    OpeningAvailable,
    /// <summary>camt CLAV, MT940 :64:.</summary>
    ClosingAvailable,
    /// <summary>camt FWAV, MT940 :65:.</summary>
    ForwardAvailable,
    /// <summary>Any other camt balance code (ITBD, INFO, ...).</summary>
    Other,
}

/// <summary>A balance; <see cref="Amount"/> is signed (negative when the account is in debit).</summary>
public sealed record StatementBalance(BalanceType Type, decimal Amount, string Currency, DateOnly? Date, string? Code = null);

/// <summary>One underlying transaction of an entry (camt TxDtls); a batch booking has several under one entry.</summary>
public sealed record EntryDetail
{
    public string? EndToEndId { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public string? CounterpartyName { get; init; }
    public string? CounterpartyAccount { get; init; }
    public string? CounterpartyAgent { get; init; }
    public string? RemittanceInfo { get; init; }
}

/// <summary>
/// One booked (or pending) movement on the account. <see cref="Amount"/> is the magnitude; <see cref="Direction"/> says
/// which way the money moved on this account, reversals included (MT940 RD is a credit that reverses a debit).
/// Counterparty, EndToEndId and remittance come from the first detail when the format has details.
/// </summary>
public sealed record StatementEntry
{
    public required decimal Amount { get; init; }
    public string? Currency { get; init; }
    public required CreditDebit Direction { get; init; }
    public bool IsReversal { get; init; }
    public DateOnly? BookingDate { get; init; }
    public DateOnly? ValueDate { get; init; }
    public string? Status { get; init; }

    /// <summary>camt NtryRef; MT940 :61: reference for the account owner.</summary>
    public string? EntryReference { get; init; }

    /// <summary>camt AcctSvcrRef; MT940 :61: bank reference (after //).</summary>
    public string? AccountServicerReference { get; init; }

    public string? EndToEndId { get; init; }
    public string? MandateId { get; init; }
    public string? CounterpartyName { get; init; }
    public string? CounterpartyAccount { get; init; }
    public string? CounterpartyAgent { get; init; }
    public string? RemittanceInfo { get; init; }

    /// <summary>camt AddtlNtryInf; MT940 :86: as received (lines joined).</summary>
    public string? AdditionalInfo { get; init; }

    /// <summary>camt domain code "PMNT/RCDT/BOOK" or the proprietary code; MT940 transaction type (e.g. NTRF).</summary>
    public string? BankTransactionCode { get; init; }

    /// <summary>MT940 :86: business transaction code (GVC, e.g. 166) or a bank's posting code.</summary>
    public string? TransactionCode { get; init; }

    /// <summary>MT940 :86: ?00 posting text (Buchungstext).</summary>
    public string? PostingText { get; init; }

    /// <summary>MT940 :61: funds code and supplementary details.</summary>
    public string? FundsCode { get; init; }
    public string? SupplementaryDetails { get; init; }

    public IReadOnlyList<EntryDetail> Details { get; init; } = [];

    /// <summary>Where in the file the entry is (camt "Stmt[1]/Ntry[3], line 42", MT940 "line 12", CSV "row 5"), for refusals.</summary>
    public string? Location { get; init; }

    public decimal SignedAmount => Direction == CreditDebit.Credit ? Amount : -Amount;
}

/// <summary>One account statement, whatever file it came from (camt.053, MT940, a bank's CSV export).</summary>
public sealed record BankStatement
{
    public required StatementFormat Format { get; init; }
    public string? MessageId { get; init; }

    /// <summary>camt Stmt/Id; MT940 :20: transaction reference number.</summary>
    public string? StatementId { get; init; }
    public string? RelatedReference { get; init; }
    public string? StatementNumber { get; init; }
    public string? SequenceNumber { get; init; }
    public string? Account { get; init; }
    public string? AccountName { get; init; }
    public string? AccountOwner { get; init; }
    public string? Currency { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? FromDate { get; init; }
    public DateTimeOffset? ToDate { get; init; }
    public string? AdditionalInfo { get; init; }
    public IReadOnlyList<StatementBalance> Balances { get; init; } = [];
    public IReadOnlyList<StatementEntry> Entries { get; init; } = [];

    /// <summary>Where in the file the statement starts, for refusals.</summary>
    public string? Location { get; init; }

    public StatementBalance? OpeningBalance => Balances.FirstOrDefault(b => b.Type == BalanceType.Opening)
        ?? Balances.FirstOrDefault(b => b.Type == BalanceType.IntermediateOpening);

    public StatementBalance? ClosingBalance => Balances.FirstOrDefault(b => b.Type == BalanceType.Closing)
        ?? Balances.FirstOrDefault(b => b.Type == BalanceType.IntermediateClosing);

    public StatementBalance? Balance(BalanceType type) => Balances.FirstOrDefault(b => b.Type == type);
}
