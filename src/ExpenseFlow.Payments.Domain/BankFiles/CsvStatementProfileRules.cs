using System.Globalization;
using System.Text.Json;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>
/// What a CSV statement profile (the importer's <c>csvProfile</c> JSON) must be before a file is read with it: readable
/// JSON of the right shape, a delimiter CSV can use, an encoding .NET knows, a date format, an amount column, bounded
/// names. Each refusal names the setting by its JSON path (<c>$.delimiter</c>), never the deserializer's exception as a 500.
/// </summary>
public static class CsvStatementProfileRules
{
    public const int MaxColumnNameLength = 100;
    public const int MaxSkipRows = 1000;
    public const int MaxPosition = 1000;
    public const int MaxMarkers = 50;

    public static CsvStatementProfile Parse(string json)
    {
        CsvStatementProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<CsvStatementProfile>(json, CsvStatementProfile.Json);
        }
        catch (JsonException ex)
        {
            throw Invalid(ex.Path ?? (ex.LineNumber is { } line ? $"line {line + 1}" : "$"), ex.Message, ex.Message);
        }

        if (profile is null)
        {
            throw Invalid("$", "the profile is null; give a JSON object.", "列配置为 null，须为 JSON 对象。");
        }

        Ensure(profile);
        return profile;
    }

    public static void Ensure(CsvStatementProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (string.IsNullOrEmpty(p.Delimiter) || p.Delimiter.Length > 4 || p.Delimiter.IndexOfAny(['"', '\r', '\n']) >= 0)
        {
            throw Invalid("$.delimiter", "the delimiter must be 1 to 4 characters without a quote or a line break (e.g. \",\", \";\", \"\\t\").",
                "分隔符须为 1 至 4 个字符，且不含引号或换行（如 \",\"、\";\"、\"\\t\"）。");
        }

        if (string.IsNullOrWhiteSpace(p.Encoding) || !BankEncodings.TryGet(p.Encoding, out _))
        {
            var shown = StatementBounds.Echo(p.Encoding);
            throw Invalid("$.encoding", $"'{shown}' is not a known encoding (e.g. utf-8, GB18030).", $"“{shown}”不是可识别的编码（如 utf-8、GB18030）。");
        }

        if (p.SkipRows is < 0 or > MaxSkipRows)
        {
            throw Invalid("$.skipRows", $"skipRows must be 0 to {MaxSkipRows}.", $"skipRows 须为 0 至 {MaxSkipRows}。");
        }

        if (!IsDateFormat(p.DateFormat))
        {
            throw Invalid("$.dateFormat", "the date format must be a .NET date format such as yyyy-MM-dd or yyyyMMdd.", "日期格式须为 .NET 日期格式，如 yyyy-MM-dd 或 yyyyMMdd。");
        }

        if (p.AmountColumn is null && p.DebitAmountColumn is null && p.CreditAmountColumn is null)
        {
            throw Invalid("$.amountColumn", "name the amount column (amountColumn), or the debit and credit columns.", "请指定金额列（amountColumn），或借方、贷方金额列。");
        }

        Column("$.bookingDateColumn", p.BookingDateColumn, required: true);
        foreach (var (path, column) in OptionalColumns(p))
        {
            Column(path, column, required: false);
        }

        Markers("$.creditMarkers", p.CreditMarkers);
        Markers("$.debitMarkers", p.DebitMarkers);
        if (p.Currency is not null && CurrencyNames.Normalize(p.Currency) is null)
        {
            var shown = StatementBounds.Echo(p.Currency);
            throw Invalid("$.currency", $"'{shown}' is not an ISO 4217 currency code.", $"“{shown}”不是 ISO 4217 币种代码。");
        }

        if (p.Account is { } account && (account.Length > StatementBounds.MaxIdLength || StatementBounds.FirstControl(account) >= 0))
        {
            throw Invalid("$.account", $"the account has at most {StatementBounds.MaxIdLength} characters and no control characters.",
                $"账号最多 {StatementBounds.MaxIdLength} 个字符，且不含控制字符。");
        }
    }

    private static IEnumerable<(string Path, string? Column)> OptionalColumns(CsvStatementProfile p) =>
    [
        ("$.valueDateColumn", p.ValueDateColumn), ("$.amountColumn", p.AmountColumn), ("$.debitAmountColumn", p.DebitAmountColumn),
        ("$.creditAmountColumn", p.CreditAmountColumn), ("$.directionColumn", p.DirectionColumn), ("$.currencyColumn", p.CurrencyColumn),
        ("$.counterpartyNameColumn", p.CounterpartyNameColumn), ("$.counterpartyAccountColumn", p.CounterpartyAccountColumn),
        ("$.counterpartyBankColumn", p.CounterpartyBankColumn), ("$.endToEndIdColumn", p.EndToEndIdColumn), ("$.referenceColumn", p.ReferenceColumn),
        ("$.descriptionColumn", p.DescriptionColumn), ("$.accountColumn", p.AccountColumn),
    ];

    private static void Column(string path, string? column, bool required)
    {
        if (column is null && !required)
        {
            return;
        }

        var position = column is not null && column.StartsWith('#') && int.TryParse(column.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        if (string.IsNullOrWhiteSpace(column) || column.Length > MaxColumnNameLength || StatementBounds.FirstControl(column) >= 0 || position > MaxPosition)
        {
            throw Invalid(path, $"a column is its header text (1 to {MaxColumnNameLength} characters) or its position as #0 to #{MaxPosition}.",
                $"列须为表头文字（1 至 {MaxColumnNameLength} 个字符）或位置 #0 至 #{MaxPosition}。");
        }
    }

    private static void Markers(string path, IReadOnlyList<string>? markers)
    {
        if (markers is null || markers.Count > MaxMarkers || markers.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > MaxColumnNameLength))
        {
            throw Invalid(path, $"markers are a list of up to {MaxMarkers} non-empty texts.", $"借贷标志须为最多 {MaxMarkers} 个非空文本的列表。");
        }
    }

    private static bool IsDateFormat(string? format)
    {
        if (string.IsNullOrWhiteSpace(format) || format.Length > 40)
        {
            return false;
        }

        try
        {
            // A format that cannot write a date cannot read one either; one that writes none of its parts reads nothing useful.
            var written = new DateOnly(2026, 1, 31).ToString(format, CultureInfo.InvariantCulture);
            return written.Contains("26", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static DomainException Invalid(string path, string en, string zh) => new(BankFileErrors.InvalidStatementProfile(path, en, zh));
}
