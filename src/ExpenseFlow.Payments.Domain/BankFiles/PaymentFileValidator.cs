using System.Text.RegularExpressions;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>Checks a payment file before any bank format is written, so every writer rejects the same things the same way.</summary>
public static partial class PaymentFileValidator
{
    /// <summary>Every broken rule, in file order; empty when the file can be written.</summary>
    public static IReadOnlyList<Error> Validate(PaymentFile file, BankTextProfile profile)
    {
        var errors = new List<Error>();
        var h = file.Header;
        CheckId(errors, "MsgId", h.MessageId, profile);
        CheckId(errors, "PmtInfId", h.PaymentInfoId, profile);
        CheckName(errors, "InitgPty/Nm", h.InitiatingPartyName, profile);
        CheckName(errors, "Dbtr/Nm", h.DebtorName, profile);
        CheckAccount(errors, "DbtrAcct", h.DebtorAccount);
        CheckAgent(errors, "DbtrAgt", h.DebtorAgent);
        if (!Iso4217.IsKnown(h.Currency)) errors.Add(BankFileErrors.UnknownCurrency(h.Currency));
        if (file.Instructions.Count == 0) errors.Add(BankFileErrors.EmptyBatch);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in file.Instructions)
        {
            var id = i.EndToEndId;
            CheckId(errors, "EndToEndId", id, profile);
            if (id is not null && !seen.Add(id)) errors.Add(BankFileErrors.DuplicateEndToEndId(id));
            if (i.Amount <= 0) errors.Add(BankFileErrors.AmountNotPositive(id ?? ""));
            if (!Iso4217.IsKnown(i.Currency)) errors.Add(BankFileErrors.UnknownCurrency(i.Currency));
            else if (!string.Equals(i.Currency, h.Currency, StringComparison.Ordinal)) errors.Add(BankFileErrors.CurrencyMismatch(id ?? "", i.Currency, h.Currency));
            else if (!Iso4217.FitsMinorUnits(i.Amount, i.Currency)) errors.Add(BankFileErrors.TooManyDecimals(id ?? "", i.Currency, Iso4217.Decimals(i.Currency)));
            if (!HasLetterOrDigit(TextReducer.Reduce(i.CreditorName, profile, profile.MaxNameLength))) errors.Add(BankFileErrors.MissingCreditorName(id ?? ""));
            if (i.CreditorAccount is null || string.IsNullOrWhiteSpace(i.CreditorAccount.Value)) errors.Add(BankFileErrors.MissingCreditorAccount(id ?? ""));
            else CheckAccount(errors, $"Payment {id}", i.CreditorAccount);
            if (i.CreditorAgent is not null) CheckAgent(errors, $"Payment {id}", i.CreditorAgent);
        }
        return errors;
    }

    /// <summary>Throws a <see cref="DomainException"/> carrying the first error and all of them by field, when any rule is broken.</summary>
    public static void EnsureValid(PaymentFile file, BankTextProfile profile)
    {
        var errors = Validate(file, profile);
        if (errors.Count == 0) return;
        var byCode = errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.English).ToArray());
        throw new DomainException(errors[0], byCode);
    }

    public static bool IsValidIban(string iban)
    {
        if (!IbanPattern().IsMatch(iban)) return false;
        var rearranged = iban[4..] + iban[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var v = char.IsDigit(c) ? c - '0' : char.ToUpperInvariant(c) - 'A' + 10;
            remainder = v >= 10 ? (remainder * 100 + v) % 97 : (remainder * 10 + v) % 97;
        }
        return remainder == 1;
    }

    // The pain.001.001.03 BIC pattern; it is a subset of .09's BICFI pattern, so a BIC valid here is valid in both.
    public static bool IsValidBic(string bic) => BicPattern().IsMatch(bic);

    public static bool IsValidCnaps(string? code) => code is { Length: 12 } && code.All(char.IsAsciiDigit);

    private static void CheckId(List<Error> errors, string field, string? value, BankTextProfile profile)
    {
        if (!TextReducer.IsValidIdentifier(value, profile)) errors.Add(BankFileErrors.InvalidIdentifier(field, value));
    }

    private static void CheckName(List<Error> errors, string field, string? value, BankTextProfile profile)
    {
        if (!HasLetterOrDigit(TextReducer.Reduce(value, profile, profile.MaxNameLength))) errors.Add(BankFileErrors.MissingText(field));
    }

    private static void CheckAccount(List<Error> errors, string who, BankAccountId account)
    {
        if (account.Iban is not null)
        {
            if (!IsValidIban(account.Iban)) errors.Add(BankFileErrors.InvalidIban(who, account.Iban));
        }
        else if (string.IsNullOrWhiteSpace(account.Other) || account.Other.Length > 34)
        {
            errors.Add(BankFileErrors.InvalidAccountNumber(who));
        }
    }

    private static void CheckAgent(List<Error> errors, string who, BankAgent agent)
    {
        if (agent.Bic is not null && !IsValidBic(agent.Bic)) errors.Add(BankFileErrors.InvalidBic(who, agent.Bic));
        if (agent.ClearingSystem is not null && string.Equals(agent.ClearingSystem, BankAgent.Cnaps, StringComparison.OrdinalIgnoreCase)
            && !IsValidCnaps(agent.MemberId))
        {
            errors.Add(BankFileErrors.InvalidCnaps(who, agent.MemberId));
        }
    }

    private static bool HasLetterOrDigit(string text) => text.Any(char.IsLetterOrDigit);

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$")]
    private static partial Regex IbanPattern();

    [GeneratedRegex("^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$")]
    private static partial Regex BicPattern();
}
