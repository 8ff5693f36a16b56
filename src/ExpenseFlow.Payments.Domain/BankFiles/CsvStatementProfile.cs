using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>
/// How one bank's CSV account export is laid out. A column is named by its header text, or by its zero-based position
/// written as "#3" when the file has no header row. The amount is either one signed column, a column plus a debit/credit
/// marker column, or separate debit and credit columns (common in Chinese exports: 借方发生额 / 贷方发生额).
/// </summary>
public sealed record CsvStatementProfile
{
    public string Name { get; init; } = "csv";

    public string Delimiter { get; init; } = ",";

    /// <summary>A .NET encoding name; GB18030 and GBK work (code pages are registered on first use).</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>Rows before the header (a bank's title lines, account summary, ...).</summary>
    public int SkipRows { get; init; }

    public bool HasHeader { get; init; } = true;

    public string DateFormat { get; init; } = "yyyy-MM-dd";

    public required string BookingDateColumn { get; init; }
    public string? ValueDateColumn { get; init; }
    public string? AmountColumn { get; init; }
    public string? DebitAmountColumn { get; init; }
    public string? CreditAmountColumn { get; init; }
    public string? DirectionColumn { get; init; }
    public IReadOnlyList<string> CreditMarkers { get; init; } = ["C", "CR", "CRDT", "贷", "收入", "收"];
    public IReadOnlyList<string> DebitMarkers { get; init; } = ["D", "DR", "DBIT", "借", "支出", "付"];
    public string? CurrencyColumn { get; init; }
    public string? CounterpartyNameColumn { get; init; }
    public string? CounterpartyAccountColumn { get; init; }
    public string? CounterpartyBankColumn { get; init; }

    /// <summary>The column carrying our EndToEndId (often "附言", "摘要" or "客户参考号").</summary>
    public string? EndToEndIdColumn { get; init; }
    public string? ReferenceColumn { get; init; }
    public string? DescriptionColumn { get; init; }

    /// <summary>The currency when the file has no currency column.</summary>
    public string? Currency { get; init; }

    /// <summary>
    /// The account the export is for, as the person importing it declares. A CSV carries no account of its own unless a
    /// column says it (<see cref="AccountColumn"/>), and a statement without an account is refused, never trusted.
    /// </summary>
    public string? Account { get; init; }

    /// <summary>The column giving our account on each row (本方账号); every row must name the same one.</summary>
    public string? AccountColumn { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CsvStatementProfile FromJson(string json) =>
        JsonSerializer.Deserialize<CsvStatementProfile>(json, Json) ?? throw new JsonException("empty profile");

    public Encoding TextEncoding() => BankEncodings.Get(Encoding);
}

/// <summary>Encodings by name, with the code pages (GB18030, GBK) .NET only knows once their provider is registered.</summary>
public static class BankEncodings
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static Encoding Get(string name)
    {
        _ = Registered.Value;
        return name.Trim().ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" => new UTF8Encoding(false),
            "UTF-8-BOM" or "UTF8BOM" => new UTF8Encoding(true),
            _ => System.Text.Encoding.GetEncoding(name),
        };
    }
}
