using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Expenses.Domain;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Claims;

/// <summary>Loading a caller's own claim, exchange rates, and the facts the policy needs.</summary>
internal static class ClaimContext
{
    public static Error NoExchangeRate(string currency) => new("Expenses.NoExchangeRate", ErrorKind.Validation,
        $"No exchange rate is configured for {currency}.", $"未配置{currency}的汇率。");

    public static Error UnknownLegalEntity => new("Expenses.UnknownLegalEntity", ErrorKind.Validation,
        "The legal entity does not exist.", "该法人实体不存在。");

    public static Guid Me(this ICurrentUser user) => user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);

    /// <summary>The caller's claim with its lines; someone else's claim is reported as not found, never as forbidden.</summary>
    public static async Task<Claim> LoadOwnAsync(ExpensesDbContext db, Guid id, ICurrentUser user, CancellationToken ct) =>
        await db.Claims.Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == id && c.EmployeeId == user.PersonId, ct)
        ?? throw new DomainException(ExpensesErrors.ClaimNotFound);

    public static async Task<Func<string, decimal>> RatesAsync(ExpensesDbContext db, string baseCurrency, CancellationToken ct)
    {
        var rates = await db.ExchangeRates.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Rate, ct);
        return currency => currency == baseCurrency ? 1m : rates.TryGetValue(currency, out var r) ? r : throw new DomainException(NoExchangeRate(currency));
    }

    public static async Task<PolicySettings> SettingsAsync(ExpensesDbContext db, CancellationToken ct) =>
        await db.PolicySettings.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct) ?? PolicySettings.Default();

    public static async Task EnsureLegalEntityAsync(IOrganizationDirectory directory, Guid legalEntityId, CancellationToken ct)
    {
        if ((await directory.GetLegalEntitiesAsync(ct)).All(e => e.Id != legalEntityId))
        {
            throw new DomainException(UnknownLegalEntity);
        }
    }

    /// <summary>Receipts on the lines must be the caller's and not on another claim.</summary>
    public static async Task EnsureReceiptsAsync(ExpensesDbContext db, Claim claim, IEnumerable<Guid> receiptIds, Guid owner, CancellationToken ct)
    {
        var ids = receiptIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var mine = await db.Receipts.CountAsync(r => ids.Contains(r.Id) && r.OwnerId == owner, ct);
        if (mine != ids.Count)
        {
            throw new DomainException(ExpensesErrors.ReceiptNotFound);
        }

        if (await db.ClaimLines.AnyAsync(l => l.ClaimId != claim.Id && l.ReceiptIds.Any(r => ids.Contains(r)), ct))
        {
            throw new DomainException(ExpensesErrors.ReceiptInUse);
        }
    }

    /// <summary>The policy's findings and the identity findings (always blocking), with the claim's documents worked out.</summary>
    public static async Task<(IReadOnlyList<PolicyFinding> Findings, ClaimDocuments Documents)> EvaluateAsync(
        ExpensesDbContext db, IOrganizationDirectory directory, ClaimEvidence evidence, Claim claim, TimeProvider clock, CancellationToken ct)
    {
        var settings = await SettingsAsync(db, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var limits = await db.CategoryLimits.AsNoTracking().ToListAsync(ct);
        var person = await directory.FindPersonAsync(claim.EmployeeId, ct);
        var entity = (await directory.GetLegalEntitiesAsync(ct)).FirstOrDefault(e => e.Id == claim.LegalEntityId)
            ?? throw new DomainException(UnknownLegalEntity);

        // What the employee already claimed in the same categories and months (live claims only).
        var months = claim.Lines.Select(l => new DateOnly(l.ExpenseDate.Year, l.ExpenseDate.Month, 1)).Distinct().ToList();
        var rangeStart = months.Count == 0 ? DateOnly.MinValue : months.Min();
        var rangeEnd = months.Count == 0 ? DateOnly.MinValue : months.Max().AddMonths(1);
        var live = new[] { ClaimStatus.Submitted, ClaimStatus.InApproval, ClaimStatus.Approved, ClaimStatus.Scheduled, ClaimStatus.Paid };
        var others = await (from l in db.ClaimLines.AsNoTracking()
                            join c in db.Claims on l.ClaimId equals c.Id
                            where c.EmployeeId == claim.EmployeeId && c.Id != claim.Id && live.Contains(c.Status) && l.ExpenseDate >= rangeStart && l.ExpenseDate < rangeEnd
                            select new { l.Category, l.ExpenseDate, l.AmountInBase }).ToListAsync(ct);
        var perDay = others.GroupBy(o => (o.Category, o.ExpenseDate)).ToDictionary(g => g.Key, g => g.Sum(o => o.AmountInBase));
        var perMonth = others.GroupBy(o => (o.Category, o.ExpenseDate.Year, o.ExpenseDate.Month)).ToDictionary(g => g.Key, g => g.Sum(o => o.AmountInBase));
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var (tickets, badIndexLines) = await TicketFactsReader.LoadAsync(db, claim, ct);
        var context = new PolicyContext(settings, categories, limits, person?.GradeCode, entity.Name, entity.TaxId, today, perDay, perMonth)
        {
            EmployeeName = person?.DisplayName,
            TravelClasses = await db.TravelClassRules.AsNoTracking().ToListAsync(ct),
            Tickets = tickets,
        };
        var documents = await evidence.ResolveAsync(claim, ct);
        var identity = await evidence.FindingsAsync(claim, documents, ct);
        var badIndex = badIndexLines.Select(p => new PolicyFinding("DocumentIndexInvalid", PolicySeverity.Block, p,
            $"Line {p + 1}: the line names a document its file does not hold.", $"第{p + 1}行：所指票据不在所附文件中。"));
        return ([.. identity, .. badIndex, .. PolicyEvaluator.Evaluate(claim, context)], documents);
    }
}
