using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>Reads a bank's CSV export into a statement by a <see cref="CsvStatementProfile"/>.</summary>
public sealed class CsvStatementParser(CsvStatementProfile profile)
{
    public BankStatement Parse(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return Parse(stream);
    }

    public BankStatement Parse(Stream content)
    {
        CsvStatementProfileRules.Ensure(profile);
        var row = 0;
        try
        {
            return Read(content, ref row);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or InvalidOperationException or IndexOutOfRangeException
                                       or CsvHelperException)
        {
            // A cell that is no amount or date, an amount beyond decimal, a broken record: refused naming the row, never a 500.
            throw StatementBounds.Refused("CSV", $"row {row}", ex.Message, ex.Message);
        }
    }

    private BankStatement Read(Stream content, ref int row)
    {
        using var text = new StreamReader(content, profile.TextEncoding(), detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = profile.Delimiter,
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvParser(text, config);
        for (var i = 0; i < profile.SkipRows; i++)
        {
            row++;
            if (!csv.Read()) return Empty();
        }

        string[] header = [];
        if (profile.HasHeader)
        {
            row++;
            if (!csv.Read()) return Empty();
            header = Checked(csv.Record ?? [], row);
        }

        var columns = new ColumnIndex(header);
        var entries = new List<StatementEntry>();
        var accounts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            row++;
            var record = Checked(csv.Record ?? [], row);
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            entries.Add(ReadEntry(record, columns) with { Location = $"row {row}" });
            if (profile.AccountColumn is not null && columns.Value(record, profile.AccountColumn) is { } account) accounts.Add(account);
        }
        return Empty() with { Entries = entries, Currency = Currency(profile.Currency) ?? entries.FirstOrDefault()?.Currency, Account = Account(accounts) };
    }

    /// <summary>The record, or a refusal naming the row and column of a control character (a NUL would fail in PostgreSQL, as a 500).</summary>
    private static string[] Checked(string[] record, int row)
    {
        for (var column = 0; column < record.Length; column++)
        {
            if (StatementBounds.FirstControl(record[column]) is var at and >= 0)
            {
                throw StatementBounds.Refused("CSV", $"row {row}, column {column + 1}", $"a control character (U+{(int)record[column][at]:X4}) no statement holds.",
                    $"含有对账单不应出现的控制字符（U+{(int)record[column][at]:X4}）。");
            }
        }

        return record;
    }

    /// <summary>A currency as the export writes it (人民币, rmb, CNY); a text naming none is kept as it is, for the bounds to refuse.</summary>
    private static string? Currency(string? text) => text is null ? null : CurrencyNames.Normalize(text) ?? text;

    // The file's own account wins over the declared one, and the two must agree when both are there.
    private string? Account(HashSet<string> inFile)
    {
        if (inFile.Count > 1) throw new DomainException(PaymentsErrors.StatementAccountsDiffer);
        var fromFile = inFile.SingleOrDefault();
        if (fromFile is not null && profile.Account is not null && !Statements.StatementAccount.Forms(fromFile).Intersect(Statements.StatementAccount.Forms(profile.Account)).Any())
        {
            throw new DomainException(PaymentsErrors.StatementAccountsDiffer);
        }

        return fromFile ?? profile.Account;
    }

    private BankStatement Empty() => new() { Format = StatementFormat.Csv, Account = profile.Account, Currency = profile.Currency };

    private StatementEntry ReadEntry(string[] record, ColumnIndex columns)
    {
        string? Cell(string? column) => column is null ? null : columns.Value(record, column);

        decimal signed;
        if (profile.DebitAmountColumn is not null || profile.CreditAmountColumn is not null)
        {
            var debit = Amount(Cell(profile.DebitAmountColumn)) ?? 0m;
            var credit = Amount(Cell(profile.CreditAmountColumn)) ?? 0m;
            signed = credit - debit;
        }
        else
        {
            signed = Amount(Cell(profile.AmountColumn)) ?? throw new FormatException("the amount is empty.");
            var marker = Cell(profile.DirectionColumn);
            if (marker is not null)
            {
                if (profile.DebitMarkers.Contains(marker, StringComparer.OrdinalIgnoreCase)) signed = -Math.Abs(signed);
                else if (profile.CreditMarkers.Contains(marker, StringComparer.OrdinalIgnoreCase)) signed = Math.Abs(signed);
                else throw new FormatException($"'{marker}' is neither a debit nor a credit marker.");
            }
        }

        var reference = Cell(profile.ReferenceColumn);
        return new StatementEntry
        {
            Amount = Math.Abs(signed),
            Direction = signed < 0 ? CreditDebit.Debit : CreditDebit.Credit,
            Currency = Currency(Cell(profile.CurrencyColumn) ?? profile.Currency),
            BookingDate = Date(Cell(profile.BookingDateColumn)) ?? throw new FormatException("the booking date is empty."),
            ValueDate = Date(Cell(profile.ValueDateColumn)),
            CounterpartyName = Cell(profile.CounterpartyNameColumn),
            CounterpartyAccount = Cell(profile.CounterpartyAccountColumn),
            CounterpartyAgent = Cell(profile.CounterpartyBankColumn),
            EndToEndId = Cell(profile.EndToEndIdColumn),
            AccountServicerReference = reference,
            RemittanceInfo = Cell(profile.DescriptionColumn),
            AdditionalInfo = Cell(profile.DescriptionColumn),
            Status = "BOOK",
        };
    }

    private DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, profile.DateFormat, CultureInfo.InvariantCulture);

    private static decimal? Amount(string? text)
    {
        if (text is null) return null;
        // Exports write 1,234.56, ¥1,234.56 or (1,234.56) for a negative figure.
        var negative = text.StartsWith('(') && text.EndsWith(')');
        var cleaned = new string(text.Where(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+').ToArray());
        if (cleaned.Length == 0) return null;
        var value = decimal.Parse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    private sealed class ColumnIndex(string[] header)
    {
        private readonly Dictionary<string, int> _byName = header
            .Select((h, i) => (Name: h.Trim().TrimStart('\uFEFF'), Index: i))
            .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Index, StringComparer.OrdinalIgnoreCase);

        public string? Value(string[] record, string column)
        {
            int index;
            if (column.StartsWith('#') && int.TryParse(column[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var position)) index = position;
            else if (!_byName.TryGetValue(column, out index)) throw new FormatException($"the file has no column '{column}'.");
            if (index >= record.Length) return null;
            var value = record[index].Trim();
            return value.Length == 0 ? null : value;
        }
    }
}
