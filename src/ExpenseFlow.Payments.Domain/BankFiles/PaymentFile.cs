namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>Who bears the charges of a credit transfer (ISO 20022 ChargeBearerType1Code).</summary>
public enum ChargeBearer
{
    /// <summary>SHAR: each side pays its own bank.</summary>
    Shared,
    /// <summary>DEBT: the payer pays all charges.</summary>
    Debtor,
    /// <summary>CRED: the payee pays all charges.</summary>
    Creditor,
    /// <summary>SLEV: as the service level (e.g. SEPA) says.</summary>
    FollowingServiceLevel,
}

/// <summary>An account: an IBAN where the country has them, otherwise the bank's own account number.</summary>
public sealed record BankAccountId(string? Iban, string? Other)
{
    public static BankAccountId FromIban(string iban) => new(iban, null);

    public static BankAccountId FromNumber(string number) => new(null, number);

    /// <summary>The identifier whichever kind it is (IBAN first).</summary>
    public string Value => Iban ?? Other ?? "";
}

/// <summary>
/// A bank: by BIC for international transfers, or by name and clearing code (China's CNAPS 联行号, 12 digits)
/// for domestic ones. Any part may be missing; the writer says NOTPROVIDED where the schema requires an agent.
/// </summary>
public sealed record BankAgent(string? Bic = null, string? Name = null, string? ClearingSystem = null, string? MemberId = null)
{
    public const string Cnaps = "CNAPS";

    public static BankAgent FromBic(string bic) => new(Bic: bic);

    public static BankAgent FromCnaps(string code, string? bankName = null) => new(Name: bankName, ClearingSystem: Cnaps, MemberId: code);

    /// <summary>The 12-digit CNAPS bank code, when this agent is identified by one.</summary>
    public string? CnapsCode => string.Equals(ClearingSystem, Cnaps, StringComparison.OrdinalIgnoreCase) ? MemberId : null;
}

/// <summary>The payer side of one bank file: one message, one debtor account, one execution date, one currency.</summary>
public sealed record PaymentFileHeader(
    string MessageId,
    DateTimeOffset CreatedAt,
    string InitiatingPartyName,
    string PaymentInfoId,
    DateOnly RequestedExecutionDate,
    string DebtorName,
    BankAccountId DebtorAccount,
    BankAgent DebtorAgent,
    string Currency,
    ChargeBearer? ChargeBearer = null);

/// <summary>
/// One credit transfer. <see cref="EndToEndId"/> travels unchanged to the payee's bank and back on the statement,
/// so it is validated, never shortened or rewritten.
/// </summary>
public sealed record PaymentInstruction(
    string EndToEndId,
    decimal Amount,
    string Currency,
    string CreditorName,
    BankAccountId? CreditorAccount,
    BankAgent? CreditorAgent = null,
    string? RemittanceText = null,
    string? Purpose = null,
    string? Remark = null);

/// <summary>A whole bank file's content: the header and its transfers in the order they are written.</summary>
public sealed record PaymentFile(PaymentFileHeader Header, IReadOnlyList<PaymentInstruction> Instructions)
{
    public int NumberOfTransactions => Instructions.Count;

    public decimal ControlSum => Instructions.Sum(i => i.Amount);
}
