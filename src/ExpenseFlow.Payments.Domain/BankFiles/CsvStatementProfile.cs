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

    /// <summary>The profile, or a refusal (<c>Payments.BankFile.InvalidStatementProfile</c>) naming the setting at fault.</summary>
    public static CsvStatementProfile FromJson(string json) => CsvStatementProfileRules.Parse(json);

    public Encoding TextEncoding() => BankEncodings.Get(Encoding);
}

/// <summary>Currencies as bank exports write them: the ISO code in any case, or its Chinese name (人民币, 美元, …).</summary>
public static class CurrencyNames
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["人民币"] = "CNY", ["RMB"] = "CNY", ["本币"] = "CNY", ["美元"] = "USD", ["港币"] = "HKD", ["港元"] = "HKD", ["欧元"] = "EUR",
        ["日元"] = "JPY", ["英镑"] = "GBP", ["澳元"] = "AUD", ["加元"] = "CAD", ["新加坡元"] = "SGD", ["瑞士法郎"] = "CHF",
    };

    /// <summary>The ISO 4217 code, or null when the text names no currency this product knows.</summary>
    public static string? Normalize(string? text)
    {
        var key = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(key)) return null;
        var code = Aliases.GetValueOrDefault(key, key);
        return Iso4217.IsKnown(code) ? code : null;
    }
}

/// <summary>Encodings by name, with the code pages (GB18030, GBK) .NET only knows once their provider is registered.</summary>
public static class BankEncodings
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static Encoding Get(string name) =>
        TryGet(name, out var encoding) ? encoding : throw new ArgumentException($"'{name}' is not a known encoding.", nameof(name));

    public static bool TryGet(string name, out Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(name);
        _ = Registered.Value;
        switch (name.Trim().ToUpperInvariant())
        {
            case "UTF-8" or "UTF8":
                encoding = new UTF8Encoding(false);
                return true;
            case "UTF-8-BOM" or "UTF8BOM":
                encoding = new UTF8Encoding(true);
                return true;
        }

        try
        {
            encoding = System.Text.Encoding.GetEncoding(name.Trim());
            return true;
        }
        catch (ArgumentException)
        {
            encoding = new UTF8Encoding(false);
            return false;
        }
    }
}
