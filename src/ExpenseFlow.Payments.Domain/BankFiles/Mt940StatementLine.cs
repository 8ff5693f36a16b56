namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>
/// The :61: statement line: value date YYMMDD, [entry date MMDD], mark C/D/RC/RD, [funds code], amount (decimal comma),
/// transaction type (N/F/S + 3), reference for the account owner, [//bank reference], then on its own line supplementary details.
/// </summary>
internal static class Mt940StatementLine
{
    public static StatementEntry Parse(string value, string? currency)
    {
        var lines = value.Split('\n');
        var s = lines[0].TrimEnd();
        var next = 1;
        var p = 0;
        var valueDate = Mt940Parser.Date(s[..6]);
        p = 6;
        DateOnly? entryDate = null;
        if (s.Length >= p + 4 && s[p..(p + 4)].All(char.IsAsciiDigit))
        {
            entryDate = EntryDate(valueDate, s[p..(p + 4)]);
            p += 4;
        }

        var reversal = s[p] == 'R' && p + 1 < s.Length && s[p + 1] is 'C' or 'D';
        if (reversal) p++;
        var mark = s[p++];
        if (mark is not ('C' or 'D')) throw new FormatException($"'{mark}' is not a debit/credit mark.");
        // A reversal of a credit takes money out again, a reversal of a debit brings it back.
        var direction = (mark == 'C') != reversal ? CreditDebit.Credit : CreditDebit.Debit;

        string? fundsCode = null;
        if (p < s.Length && char.IsAsciiLetter(s[p])) fundsCode = s[p++].ToString();
        if (p == s.Length && next < lines.Length)
        {
            // Some banks break the line before the amount.
            s += lines[next++].Trim();
        }

        var amountStart = p;
        while (p < s.Length && (char.IsAsciiDigit(s[p]) || s[p] == ',')) p++;
        var amount = Mt940Parser.Amount(s[amountStart..p]);

        string? type = null;
        if (p + 4 <= s.Length && char.IsAsciiLetterUpper(s[p]))
        {
            type = s[p..(p + 4)];
            p += 4;
        }

        var references = s[p..];
        var split = references.IndexOf("//", StringComparison.Ordinal);
        var customer = (split >= 0 ? references[..split] : references).Trim();
        var bank = split >= 0 ? references[(split + 2)..].Trim() : null;
        var supplementary = string.Join(" ", lines.Skip(next).Select(l => l.Trim()).Where(l => l.Length > 0));

        return new StatementEntry
        {
            Amount = amount,
            Currency = currency,
            Direction = direction,
            IsReversal = reversal,
            ValueDate = valueDate,
            BookingDate = entryDate ?? valueDate,
            FundsCode = fundsCode,
            BankTransactionCode = type,
            EntryReference = customer.Length == 0 ? null : customer,
            AccountServicerReference = string.IsNullOrEmpty(bank) ? null : bank,
            SupplementaryDetails = supplementary.Length == 0 ? null : supplementary,
            Status = "BOOK",
        };
    }

    // MMDD without a year: the one closest to the value date (an entry on 2 Jan for a value date of 31 Dec is next year).
    private static DateOnly EntryDate(DateOnly valueDate, string mmdd)
    {
        var month = int.Parse(mmdd[..2], System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(mmdd[2..], System.Globalization.CultureInfo.InvariantCulture);
        var year = valueDate.Year;
        if (month == 1 && valueDate.Month == 12) year++;
        else if (month == 12 && valueDate.Month == 1) year--;
        return new DateOnly(year, month, day);
    }
}
