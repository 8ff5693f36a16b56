using System.Globalization;
using System.Text;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Input;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>
/// What a statement read from a file must keep before anything of it is stored, whatever format it came in: an entry's
/// amount not negative, within what the product holds as money (the entries' numeric(18,2) column would overflow far
/// later, as a 500) and with no more decimals than its currency has; an ISO 4217 currency; dates in the product's range;
/// the statement's id and account within their columns. A file breaking one is refused whole, naming the entry.
/// </summary>
public static class StatementBounds
{
    /// <summary>Money the product handles, the bound of request input: far above any reimbursement, far below numeric(18,2).</summary>
    public const decimal MaxAmount = InputLimits.MaxMoney;

    /// <summary>statement_imports.account_id and statement_id (camt Max35Text / IBAN 34, MT940 16x: real files are well inside).</summary>
    public const int MaxIdLength = 64;

    public static readonly DateOnly MinDate = InputLimits.MinDate;

    public static readonly DateOnly MaxDate = InputLimits.MaxDate;

    /// <summary>The statements unchanged, or a refusal naming the first statement or entry out of bounds.</summary>
    public static IReadOnlyList<BankStatement> Ensure(IReadOnlyList<BankStatement> statements, string format)
    {
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var statement in statements)
        {
            Check(statement, format);
        }

        return statements;
    }

    private static void Check(BankStatement s, string format)
    {
        var where = s.Location;
        if (s.Account is { Length: > MaxIdLength })
        {
            throw Refused(format, where, $"the account is longer than {MaxIdLength} characters.", $"账号超过 {MaxIdLength} 个字符。");
        }

        if (s.StatementId is { Length: > MaxIdLength })
        {
            throw Refused(format, where, $"the statement id is longer than {MaxIdLength} characters.", $"对账单编号超过 {MaxIdLength} 个字符。");
        }

        // An entry's currency is its own or its statement's: that is the one stored, so that is the one checked.
        foreach (var e in s.Entries)
        {
            CheckEntry(e, e.Currency ?? s.Currency, format);
        }
    }

    private static void CheckEntry(StatementEntry e, string? currency, string format)
    {
        var where = e.Location;
        if (currency is not null && !Iso4217.IsKnown(currency))
        {
            throw Refused(format, where, $"'{Echo(currency)}' is not an ISO 4217 currency code.", $"“{Echo(currency)}”不是 ISO 4217 币种代码。");
        }

        var amount = e.Amount.ToString(CultureInfo.InvariantCulture);
        if (e.Amount < 0)
        {
            throw Refused(format, where, $"the amount {amount} is negative; the direction is given by credit/debit.", $"金额 {amount} 为负数；收付方向应由借贷标志表示。");
        }

        if (e.Amount > MaxAmount)
        {
            throw Refused(format, where, $"the amount {amount} is larger than {MaxAmount:N2}.", $"金额 {amount} 超过 {MaxAmount:N2}。");
        }

        if (!Iso4217.FitsMinorUnits(e.Amount, currency ?? "CNY"))
        {
            var decimals = Iso4217.Decimals(currency ?? "CNY");
            throw Refused(format, where, $"the amount {amount} has more than {decimals} decimals for {currency ?? "CNY"}.",
                $"金额 {amount} 超过 {currency ?? "CNY"} 的 {decimals} 位小数。");
        }

        foreach (var date in new[] { e.BookingDate, e.ValueDate })
        {
            if (date is { } d && (d < MinDate || d > MaxDate))
            {
                var text = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                throw Refused(format, where, $"the date {text} is outside {MinDate:yyyy}–{MaxDate:yyyy}.", $"日期 {text} 不在 {MinDate:yyyy}–{MaxDate:yyyy} 年之间。");
            }
        }
    }

    public static DomainException Refused(string format, string? where, string reasonEn, string reasonZh) =>
        new(BankFileErrors.UnreadableStatement(format, where, reasonEn, reasonZh));

    /// <summary>A value from the file as a refusal may show it: at most 40 characters, control characters escaped.</summary>
    public static string Echo(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var shown = new StringBuilder();
        foreach (var c in value.Length > 40 ? value[..40] : value)
        {
            shown.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return value.Length > 40 ? shown.Append('…').ToString() : shown.ToString();
    }

    /// <summary>The index of the first character a bank text never holds (C0 controls but tab, CR, LF), or -1.</summary>
    public static int FirstControl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < ' ' && text[i] is not ('\t' or '\r' or '\n'))
            {
                return i;
            }
        }

        return -1;
    }
}
