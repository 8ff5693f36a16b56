using System.Globalization;
using ExpenseFlow.Expenses.Domain.Claims;

namespace ExpenseFlow.Expenses.Domain.Policies;

/// <summary>The facts a policy check needs beyond the claim itself.</summary>
public sealed record PolicyContext(
    PolicySettings Settings,
    IReadOnlyDictionary<string, ExpenseCategory> Categories,
    IReadOnlyList<CategoryLimit> Limits,
    string? EmployeeGrade,
    string BuyerName,
    string BuyerTaxId,
    DateOnly Today,
    IReadOnlyDictionary<(string Category, DateOnly Day), decimal> OtherClaimsPerDay,
    IReadOnlyDictionary<(string Category, int Year, int Month), decimal> OtherClaimsPerMonth)
{
    /// <summary>The claimant's name, for the traveller check.</summary>
    public string? EmployeeName { get; init; }

    public IReadOnlyList<TravelClassRule> TravelClasses { get; init; } = [];

    /// <summary>What recognition read from each line's ticket, by line id.</summary>
    public IReadOnlyDictionary<Guid, TicketFacts> Tickets { get; init; } = new Dictionary<Guid, TicketFacts>();
}

/// <summary>
/// Checks a claim against the company's policy; pure, so every rule is tested without a database. Duplicate invoices
/// and files are not a policy (they are always refused): see <see cref="ClaimDocuments"/>.
/// </summary>
public static class PolicyEvaluator
{
    public static IReadOnlyList<PolicyFinding> Evaluate(Claim claim, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<PolicyFinding>();
        var s = context.Settings;
        foreach (var line in claim.Lines)
        {
            var n = line.Position + 1;
            void Add(string rule, PolicySeverity severity, string en, string zh)
            {
                if (severity != PolicySeverity.Off)
                {
                    findings.Add(new PolicyFinding(rule, severity, line.Position, $"Line {n}: {en}", $"第{n}行：{zh}"));
                }
            }

            if (!context.Categories.TryGetValue(line.Category, out var category) || !category.IsActive)
            {
                Add("UnknownCategory", PolicySeverity.Block, $"category '{line.Category}' is not available.", $"费用类别“{line.Category}”不可用。");
                continue;
            }

            if (context.Tickets.TryGetValue(line.Id, out var ticket))
            {
                TravelRules.Check(claim, ticket, context, (rule, en, zh) => Add(rule, s.TravelPolicy, en, zh));
            }

            var invoice = line.Invoice;
            if (line.ReceiptIds.Count == 0 && line.AmountInBase > s.ReceiptRequiredAbove)
            {
                Add("ReceiptRequired", s.ReceiptRequired, $"a receipt is required above {Money(s.ReceiptRequiredAbove, s.BaseCurrency)}.",
                    $"金额超过{Money(s.ReceiptRequiredAbove, s.BaseCurrency)}须附票据。");
            }

            if (invoice.BuyerName is not null || invoice.BuyerTaxId is not null)
            {
                var personal = invoice.BuyerName?.Trim() == "个人" && invoice.BuyerTaxId is null;
                var matches = Same(invoice.BuyerTaxId, context.BuyerTaxId) || (invoice.BuyerTaxId is null && Same(invoice.BuyerName, context.BuyerName));
                if (!matches && !(personal && category.AllowsPersonalInvoice))
                {
                    Add("BuyerMismatch", s.BuyerCheck, $"the invoice buyer '{invoice.BuyerName}' is not {context.BuyerName}.",
                        $"发票抬头“{invoice.BuyerName}”不是{context.BuyerName}。");
                }
            }

            if (invoice.IssueDate is { } issued)
            {
                // A paper ticket prints no issue date: the line's date is the day of travel, and the message says so.
                var travel = context.Tickets.TryGetValue(line.Id, out var dated) && dated.TravelDate == issued;
                if (issued > context.Today)
                {
                    Add("InvoiceDateWindow", s.InvoiceDateWindow,
                        travel ? $"the travel date {issued:yyyy-MM-dd} is in the future." : $"the invoice date {issued:yyyy-MM-dd} is in the future.",
                        travel ? $"出行日期{issued:yyyy-MM-dd}晚于今天。" : $"开票日期{issued:yyyy-MM-dd}晚于今天。");
                }
                else if (issued.AddDays(s.InvoiceMaxAgeDays) < context.Today)
                {
                    Add("InvoiceDateWindow", s.InvoiceDateWindow,
                        travel ? $"the journey was more than {s.InvoiceMaxAgeDays} days ago." : $"the invoice is older than {s.InvoiceMaxAgeDays} days.",
                        travel ? $"出行已超过{s.InvoiceMaxAgeDays}天。" : $"发票开具已超过{s.InvoiceMaxAgeDays}天。");
                }
            }

            var limit = context.Limits.FirstOrDefault(l => l.Category == line.Category && l.GradeCode == context.EmployeeGrade)
                ?? context.Limits.FirstOrDefault(l => l.Category == line.Category && l.GradeCode is null);
            if (limit is null)
            {
                continue;
            }

            if (limit.PerItem is { } perItem && line.AmountInBase > perItem)
            {
                Add("CategoryLimitPerItem", s.CategoryLimits, $"{Money(line.AmountInBase, s.BaseCurrency)} exceeds the per-item limit {Money(perItem, s.BaseCurrency)}.",
                    $"{Money(line.AmountInBase, s.BaseCurrency)}超过单笔限额{Money(perItem, s.BaseCurrency)}。");
            }

            if (limit.PerDay is { } perDay)
            {
                var day = claim.Lines.Where(l => l.Category == line.Category && l.ExpenseDate == line.ExpenseDate).Sum(l => l.AmountInBase)
                    + context.OtherClaimsPerDay.GetValueOrDefault((line.Category, line.ExpenseDate));
                var firstOfDay = claim.Lines.First(l => l.Category == line.Category && l.ExpenseDate == line.ExpenseDate) == line;
                if (firstOfDay && day > perDay)
                {
                    Add("CategoryLimitPerDay", s.CategoryLimits, $"{Money(day, s.BaseCurrency)} on {line.ExpenseDate:yyyy-MM-dd} exceeds the daily limit {Money(perDay, s.BaseCurrency)}.",
                        $"{line.ExpenseDate:yyyy-MM-dd}当日合计{Money(day, s.BaseCurrency)}超过每日限额{Money(perDay, s.BaseCurrency)}。");
                }
            }

            if (limit.PerMonth is { } perMonth)
            {
                var ym = (line.ExpenseDate.Year, line.ExpenseDate.Month);
                var month = claim.Lines.Where(l => l.Category == line.Category && (l.ExpenseDate.Year, l.ExpenseDate.Month) == ym).Sum(l => l.AmountInBase)
                    + context.OtherClaimsPerMonth.GetValueOrDefault((line.Category, ym.Year, ym.Month));
                var firstOfMonth = claim.Lines.First(l => l.Category == line.Category && (l.ExpenseDate.Year, l.ExpenseDate.Month) == ym) == line;
                if (firstOfMonth && month > perMonth)
                {
                    Add("CategoryLimitPerMonth", s.CategoryLimits, $"{Money(month, s.BaseCurrency)} in {ym.Year}-{ym.Month:00} exceeds the monthly limit {Money(perMonth, s.BaseCurrency)}.",
                        $"{ym.Year}年{ym.Month}月合计{Money(month, s.BaseCurrency)}超过每月限额{Money(perMonth, s.BaseCurrency)}。");
                }
            }
        }

        return findings;
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    private static string Fold(string value) =>
        new string(value.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    private static string Money(decimal amount, string currency) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {currency}";
}
