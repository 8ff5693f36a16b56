using System.Text.Json;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>What a template column is filled from: the payer (file header) or the payment.</summary>
public enum TemplateField
{
    Sequence,
    PayerAccount,
    PayerName,
    PayerBankName,
    PayeeAccount,
    PayeeName,
    PayeeBankName,
    /// <summary>The payee bank's CNAPS code (联行号), 12 digits.</summary>
    PayeeBankCode,
    Amount,
    Currency,
    Purpose,
    Remark,
    EndToEndId,
    ExecutionDate,
    /// <summary>A fixed text from <see cref="TemplateColumn.Value"/> (e.g. 加急 = 0, 币种 = 人民币).</summary>
    Constant,
}

/// <summary>
/// One column: its header text as the bank prints it, what fills it, and how. <see cref="Format"/> is a .NET format
/// for amounts ("0.00") and dates ("yyyyMMdd"); <see cref="MaxLength"/> cuts free text the bank limits (characters).
/// </summary>
public sealed record TemplateColumn(string Header, TemplateField Field, string? Format = null, string? Value = null, int? MaxLength = null);

public enum TemplateCsvEncoding
{
    /// <summary>UTF-8 with a byte order mark, so Excel on Chinese Windows opens it correctly.</summary>
    Utf8WithBom,
    /// <summary>GB18030 (a superset of GBK), what most Chinese online banking upload pages expect.</summary>
    Gb18030,
}

/// <summary>
/// A bank's batch-payment (批量支付/代发) upload template as data: administrators add a bank by adding a JSON profile,
/// not code. Columns are written in the order listed.
/// </summary>
public sealed record BankTemplateProfile
{
    public required string Id { get; init; }
    public required string BankName { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<TemplateColumn> Columns { get; init; }
    public TemplateCsvEncoding CsvEncoding { get; init; } = TemplateCsvEncoding.Gb18030;
    public string CsvDelimiter { get; init; } = ",";
    public string SheetName { get; init; } = "Sheet1";

    /// <summary>Text rules for names and purposes; Chinese banks take Chinese text.</summary>
    public BankTextProfile Text { get; init; } = BankTextProfile.ChineseDomestic;

    public static BankTemplateProfile FromJson(string json)
    {
        var profile = JsonSerializer.Deserialize<BankTemplateProfile>(json, CsvStatementProfile.Json)
            ?? throw new JsonException("The profile is empty.");
        profile.EnsureUsable();
        return profile;
    }

    public string ToJson() => JsonSerializer.Serialize(this, CsvStatementProfile.Json);

    /// <summary>Rejects a profile that could not produce a file the bank reads (no columns, duplicate headers, a constant without a value).</summary>
    public void EnsureUsable()
    {
        if (Columns is null || Columns.Count == 0) throw Invalid("it has no columns.");
        var duplicate = Columns.GroupBy(c => c.Header, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw Invalid($"the header '{duplicate.Key}' appears twice.");
        if (Columns.Any(c => string.IsNullOrWhiteSpace(c.Header))) throw Invalid("a column has no header.");
        if (Columns.Any(c => c.Field == TemplateField.Constant && c.Value is null)) throw Invalid("a constant column has no value.");
        if (!Columns.Any(c => c.Field == TemplateField.Amount)) throw Invalid("no column carries the amount.");
    }

    private static BuildingBlocks.Errors.DomainException Invalid(string reason) => new(BankFileErrors.InvalidProfile(reason));

    /// <summary>
    /// EXAMPLE ONLY: a plausible layout of 中国工商银行 (ICBC) 企业网上银行 批量付款 upload, from the columns such templates
    /// usually have. Check it against the template file the bank's online banking currently offers before using it;
    /// banks change column order, headers and limits.
    /// </summary>
    public static BankTemplateProfile IcbcBatchPaymentExample { get; } = new()
    {
        Id = "icbc-batch-payment-example",
        BankName = "中国工商银行",
        Description = "Example 企业网银 批量付款 layout; verify against the bank's current template before use.",
        CsvEncoding = TemplateCsvEncoding.Gb18030,
        SheetName = "批量付款",
        Columns =
        [
            new("付款账号", TemplateField.PayerAccount),
            new("收款账号", TemplateField.PayeeAccount),
            new("收款户名", TemplateField.PayeeName, MaxLength: 60),
            new("收款行名", TemplateField.PayeeBankName, MaxLength: 60),
            new("收款行联行号", TemplateField.PayeeBankCode),
            new("金额", TemplateField.Amount, "0.00"),
            new("用途", TemplateField.Purpose, MaxLength: 20),
            new("备注", TemplateField.Remark, MaxLength: 60),
        ],
    };
}
