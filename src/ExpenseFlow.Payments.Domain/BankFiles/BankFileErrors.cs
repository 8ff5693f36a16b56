using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>Rules a bank file or a statement can break, with stable codes (<c>Payments.BankFile.*</c>).</summary>
public static class BankFileErrors
{
    public static readonly Error EmptyBatch = new("Payments.BankFile.EmptyBatch", ErrorKind.Validation,
        "A bank file needs at least one payment.", "银行付款文件至少需要一笔付款。");

    public static Error AmountNotPositive(string endToEndId) => new("Payments.BankFile.AmountNotPositive", ErrorKind.Validation,
        $"Payment {endToEndId}: the amount must be greater than zero.", $"付款 {endToEndId}：金额必须大于零。");

    public static Error TooManyDecimals(string endToEndId, string currency, int decimals) => new("Payments.BankFile.TooManyDecimals", ErrorKind.Validation,
        $"Payment {endToEndId}: {currency} amounts have at most {decimals} decimals.", $"付款 {endToEndId}：{currency} 金额最多 {decimals} 位小数。");

    public static Error UnknownCurrency(string? currency) => new("Payments.BankFile.UnknownCurrency", ErrorKind.Validation,
        $"'{currency}' is not an ISO 4217 currency code.", $"“{currency}”不是有效的 ISO 4217 币种代码。");

    public static Error CurrencyMismatch(string endToEndId, string currency, string fileCurrency) => new("Payments.BankFile.CurrencyMismatch", ErrorKind.Validation,
        $"Payment {endToEndId} is in {currency}, but the file pays in {fileCurrency}.", $"付款 {endToEndId} 的币种为 {currency}，与文件币种 {fileCurrency} 不一致。");

    public static Error MissingCreditorAccount(string endToEndId) => new("Payments.BankFile.MissingCreditorAccount", ErrorKind.Validation,
        $"Payment {endToEndId}: the payee's bank account is missing.", $"付款 {endToEndId}：缺少收款人银行账号。");

    public static Error MissingCreditorName(string endToEndId) => new("Payments.BankFile.MissingCreditorName", ErrorKind.Validation,
        $"Payment {endToEndId}: the payee's name is missing or cannot be written in the bank's character set.",
        $"付款 {endToEndId}：收款人户名缺失，或无法用银行要求的字符集表示。");

    public static Error InvalidIban(string who, string iban) => new("Payments.BankFile.InvalidIban", ErrorKind.Validation,
        $"{who}: '{iban}' is not a valid IBAN.", $"{who}：“{iban}”不是有效的 IBAN。");

    public static Error InvalidAccountNumber(string who) => new("Payments.BankFile.InvalidAccountNumber", ErrorKind.Validation,
        $"{who}: the account number is empty or longer than 34 characters.", $"{who}：银行账号为空或超过 34 个字符。");

    public static Error InvalidBic(string who, string bic) => new("Payments.BankFile.InvalidBic", ErrorKind.Validation,
        $"{who}: '{bic}' is not a valid BIC (8 or 11 characters).", $"{who}：“{bic}”不是有效的 BIC（8 或 11 位）。");

    public static Error InvalidCnaps(string who, string? code) => new("Payments.BankFile.InvalidCnaps", ErrorKind.Validation,
        $"{who}: the CNAPS bank code '{code}' must be exactly 12 digits.", $"{who}：联行号“{code}”必须为 12 位数字。");

    public static Error InvalidIdentifier(string field, string? value) => new("Payments.BankFile.InvalidIdentifier", ErrorKind.Validation,
        $"{field} '{value}' must be 1 to 35 characters from the bank's character set (it is never shortened, so it can be traced).",
        $"{field}“{value}”须为 1 至 35 个银行字符集内的字符（该标识不会被截断，以便追溯）。");

    public static Error DuplicateEndToEndId(string endToEndId) => new("Payments.BankFile.DuplicateEndToEndId", ErrorKind.Validation,
        $"EndToEndId {endToEndId} appears more than once in the file.", $"端到端标识 {endToEndId} 在文件中重复出现。");

    public static Error MissingText(string field) => new("Payments.BankFile.MissingText", ErrorKind.Validation,
        $"{field} is required.", $"{field}为必填项。");

    public static Error UnreadableStatement(string format, string reason) => UnreadableStatement(format, null, reason, reason);

    /// <summary>A statement file that cannot be read, naming where it broke (an element path, a line or a row) in both languages.</summary>
    public static Error UnreadableStatement(string format, string? where, string reasonEn, string reasonZh) => new("Payments.BankFile.UnreadableStatement",
        ErrorKind.Unprocessable,
        where is null ? $"The {format} statement cannot be read: {reasonEn}" : $"The {format} statement cannot be read at {where}: {reasonEn}",
        where is null ? $"无法读取{format}对账单：{reasonZh}" : $"无法读取{format}对账单（位置：{where}）：{reasonZh}");

    /// <summary>The csvProfile of a CSV statement import cannot be used; <paramref name="path"/> is the setting's JSON path.</summary>
    public static Error InvalidStatementProfile(string path, string reasonEn, string reasonZh) => new("Payments.BankFile.InvalidStatementProfile", ErrorKind.Validation,
        $"The CSV statement profile (csvProfile) is not usable at {path}: {reasonEn}", $"CSV 对账单列配置（csvProfile）无效（位置：{path}）：{reasonZh}");

    public static Error InvalidProfile(string reason) => new("Payments.BankFile.InvalidProfile", ErrorKind.Validation,
        $"The bank profile is not usable: {reason}", $"银行模板配置无效：{reason}");
}
