namespace ExpenseFlow.Payments.Domain.Statements;

/// <summary>
/// Whether the account a statement is for is one of the company's. Statements write the same account in several ways:
/// camt.053 as an IBAN or a bank's own number (Othr/Id), MT940 :25: as "BIC/number" or "bank code/number", sometimes
/// with the currency after it, with spaces or dashes for reading. The company's accounts are kept as digits (a Chinese
/// account number). Only forms that name exactly one account count: the whole value, the number after the last '/',
/// without a trailing currency code, and an IBAN's BBAN. A value that merely ends with our number is not ours, since
/// the same number at another bank is another account.
/// </summary>
public static class StatementAccount
{
    public static bool IsSame(string? statementAccount, string? companyAccount)
    {
        var ours = Compact(companyAccount);
        return ours.Length > 0 && Forms(statementAccount).Contains(ours, StringComparer.Ordinal);
    }

    /// <summary>The readings of a statement's account value, each upper-case with only letters and digits.</summary>
    public static IReadOnlyList<string> Forms(string? statementAccount)
    {
        if (string.IsNullOrWhiteSpace(statementAccount))
        {
            return [];
        }

        var forms = new List<string>();
        void Add(string value)
        {
            var compact = Compact(value);
            if (compact.Length == 0 || forms.Contains(compact, StringComparer.Ordinal))
            {
                return;
            }

            forms.Add(compact);
            if (compact.Length > 3 && char.IsAsciiDigit(compact[^4]) && compact[^3..].All(char.IsAsciiLetterUpper))
            {
                forms.Add(compact[..^3]); // 121900000000001CNY
            }

            if (IsIban(compact))
            {
                forms.Add(compact[4..]);
            }
        }

        var text = statementAccount.Trim();
        Add(text);
        var slash = text.LastIndexOf('/');
        if (slash >= 0 && slash < text.Length - 1)
        {
            Add(text[(slash + 1)..]);
        }

        return forms;
    }

    /// <summary>The account for people and logs: the last four characters only.</summary>
    public static string Masked(string? account)
    {
        var compact = Compact(account);
        return compact.Length <= 4 ? "****" : "****" + compact[^4..];
    }

    private static string Compact(string? value) =>
        value is null ? "" : new string(value.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    // Country code, check digits, then the BBAN; the mod-97 check keeps "CN12..." style bank numbers from being cut.
    private static bool IsIban(string compact) =>
        compact.Length is >= 15 and <= 34 && char.IsAsciiLetterUpper(compact[0]) && char.IsAsciiLetterUpper(compact[1])
        && char.IsAsciiDigit(compact[2]) && char.IsAsciiDigit(compact[3]) && BankFiles.PaymentFileValidator.IsValidIban(compact);
}
