using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>
/// An uploaded statement file as the import takes it: the format (given, or told from the content), its statements read
/// by that format's reader, and the bounds every entry must keep before it is stored. Anything else is a coded refusal.
/// </summary>
public static class StatementFile
{
    public static readonly Error UnknownFormat = new("Payments.UnknownStatementFormat", ErrorKind.Validation,
        "The file is not a camt.053 or MT940 statement; for a CSV export give format=csv and its column profile.", "文件不是 camt.053 或 MT940 对账单；CSV 导出请指定 format=csv 及列配置。");

    public static (string Format, IReadOnlyList<BankStatement> Statements) Read(byte[] content, string? format, string? csvProfile)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = System.Text.Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 4096)).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        var kind = string.IsNullOrWhiteSpace(format)
            ? head.StartsWith('<') ? "camt053" : head.Contains(":20:", StringComparison.Ordinal) && head.Contains(":25:", StringComparison.Ordinal) ? "mt940" : null
            : format.Trim().ToLowerInvariant();
        return kind switch
        {
            "camt053" => ("camt053", StatementBounds.Ensure(new Camt053Parser().Parse(content), "camt.053")),
            "mt940" => ("mt940", StatementBounds.Ensure(new Mt940Parser().Parse(content), "MT940")),
            "csv" when !string.IsNullOrWhiteSpace(csvProfile) => ("csv", StatementBounds.Ensure([new CsvStatementParser(CsvStatementProfile.FromJson(csvProfile)).Parse(content)], "CSV")),
            _ => throw new DomainException(UnknownFormat),
        };
    }
}
