using System.Globalization;
using System.Text;
using ExpenseFlow.BuildingBlocks.Text;
using MiniExcelLibs;

namespace ExpenseFlow.Payments.Domain.Accounting;

/// <summary>
/// Where reimbursements are booked: an expense account per expense category (with a default), and per legal entity
/// the payable account (其他应付款) and the bank account (银行存款) it pays from.
/// </summary>
public sealed record AccountingMapping
{
    public Dictionary<string, string> ExpenseAccounts { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string DefaultExpenseAccount { get; init; } = "660299";

    public string PayableAccount { get; init; } = "224101";

    public string BankAccount { get; init; } = "100201";

    /// <summary>Overrides per legal entity (its id).</summary>
    public Dictionary<Guid, EntityAccounts> LegalEntities { get; init; } = [];

    public static AccountingMapping Default { get; } = new()
    {
        ExpenseAccounts = new(StringComparer.OrdinalIgnoreCase)
        {
            ["travel"] = "660201", ["hotel"] = "660201", ["local-transport"] = "660202", ["meals"] = "660203", ["office"] = "660204",
            ["entertainment"] = "660205", ["other"] = "660299",
        },
    };

    public string ExpenseAccount(string category) => ExpenseAccounts.GetValueOrDefault(category) ?? DefaultExpenseAccount;

    public EntityAccounts For(Guid legalEntityId) => LegalEntities.GetValueOrDefault(legalEntityId) ?? new EntityAccounts(PayableAccount, BankAccount);
}

public sealed record EntityAccounts(string PayableAccount, string BankAccount);

/// <summary>One line of a voucher (记账凭证): debit or credit, never both.</summary>
public sealed record JournalLine(int Voucher, int Line, DateOnly Date, string Account, string Summary, decimal Debit, decimal Credit, string Reference);

/// <summary>What a paid claim cost, by expense category, in the batch's currency.</summary>
public sealed record ClaimCost(string ClaimNumber, string PayeeName, decimal Total, IReadOnlyList<(string Category, decimal Amount)> ByCategory);

/// <summary>
/// The vouchers of a batch: one per claim recognising the expense against the payable to the employee, and one for
/// the payment clearing the payables against the bank. Every voucher balances.
/// </summary>
public static class JournalBuilder
{
    public static IReadOnlyList<JournalLine> Build(string batchNumber, Guid legalEntityId, DateOnly date, IReadOnlyList<ClaimCost> claims, AccountingMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(mapping);
        var accounts = mapping.For(legalEntityId);
        var lines = new List<JournalLine>();
        var voucher = 0;
        foreach (var claim in claims)
        {
            voucher++;
            var n = 0;
            foreach (var group in claim.ByCategory.GroupBy(c => mapping.ExpenseAccount(c.Category)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                lines.Add(new JournalLine(voucher, ++n, date, group.Key, $"报销 {claim.ClaimNumber} {claim.PayeeName} {string.Join("/", group.Select(g => g.Category).Distinct())}",
                    group.Sum(g => g.Amount), 0m, claim.ClaimNumber));
            }

            lines.Add(new JournalLine(voucher, ++n, date, accounts.PayableAccount, $"应付报销款 {claim.ClaimNumber} {claim.PayeeName}", 0m, claim.Total, claim.ClaimNumber));
        }

        voucher++;
        var m = 0;
        foreach (var claim in claims)
        {
            lines.Add(new JournalLine(voucher, ++m, date, accounts.PayableAccount, $"支付报销款 {claim.ClaimNumber} {claim.PayeeName}", claim.Total, 0m, batchNumber));
        }

        lines.Add(new JournalLine(voucher, ++m, date, accounts.BankAccount, $"银行付款 批次 {batchNumber}", 0m, claims.Sum(c => c.Total), batchNumber));
        return lines;
    }

    private static readonly string[] Headers = ["凭证号", "行号", "日期", "科目", "摘要", "借方", "贷方", "参考"];

    public static byte[] WriteCsv(IReadOnlyList<JournalLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sb = new StringBuilder();
        sb.AppendJoin(',', Headers).Append("\r\n");
        foreach (var row in Rows(lines))
        {
            sb.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static byte[] WriteXlsx(IReadOnlyList<JournalLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var table = Rows(lines).Select(r => Headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => (object)x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "记账凭证", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    // Every cell through SpreadsheetText: the summary carries payee names and claim categories people typed.
    private static IEnumerable<string[]> Rows(IReadOnlyList<JournalLine> lines) =>
        lines.Select(l => new[]
        {
            l.Voucher.ToString(CultureInfo.InvariantCulture), l.Line.ToString(CultureInfo.InvariantCulture), l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            l.Account, l.Summary, l.Debit == 0 ? string.Empty : l.Debit.ToString("0.00", CultureInfo.InvariantCulture),
            l.Credit == 0 ? string.Empty : l.Credit.ToString("0.00", CultureInfo.InvariantCulture), l.Reference,
        }.Select(c => SpreadsheetText.Cell(c)).ToArray());

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
