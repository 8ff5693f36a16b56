using ExpenseFlow.Expenses.Domain;
using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Domain.Policies;
using ExpenseFlow.Expenses.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Policy;

public sealed record PolicySettingsDto(
    [Currency] string BaseCurrency, [MaxLength(ExpensesLimits.Severity)] string BuyerCheck, [MaxLength(ExpensesLimits.Severity)] string InvoiceDateWindow,
    [Range(0, 36500)] int InvoiceMaxAgeDays, [MaxLength(ExpensesLimits.Severity)] string CategoryLimits, [MaxLength(ExpensesLimits.Severity)] string ReceiptRequired,
    [Money] decimal ReceiptRequiredAbove, [MaxLength(ExpensesLimits.Severity)] string? TravelPolicy = null);

/// <summary>差标 for one grade (or, without a grade, everyone else): train seat classes as printed, flight cabins.</summary>
public sealed record TravelClassRuleDto(
    [MaxLength(ExpensesLimits.Code)] string? GradeCode, [MaxItems(20)] IReadOnlyList<string> TrainClasses, [MaxItems(20)] IReadOnlyList<string> AirCabins);

public sealed record CategoryLimitDto(Guid Id, string Category, string? GradeCode, decimal? PerItem, decimal? PerDay, decimal? PerMonth);

public sealed record SaveCategoryLimitRequest(
    [MaxLength(ExpensesLimits.Code)] string Category, [MaxLength(ExpensesLimits.Code)] string? GradeCode, [Money] decimal? PerItem, [Money] decimal? PerDay, [Money] decimal? PerMonth);

/// <param name="Rate">Units of the base currency for one unit of <paramref name="Currency"/>: numeric(18,8).</param>
public sealed record ExchangeRateDto([Currency] string Currency, [Number(0.00000001, 9_999_999_999, 8)] decimal Rate, DateOnly EffectiveFrom);

/// <summary>Categories for everyone; policy switches, limits and exchange rates for administrators.</summary>
internal static class PolicyEndpoints
{
    public static readonly Error InvalidSeverity = new("Expenses.InvalidSeverity", ErrorKind.Validation,
        "A rule's severity must be Off, Warn or Block.", "制度级别必须为 Off、Warn 或 Block。");

    public static void MapPolicy(this RouteGroupBuilder group)
    {
        group.MapGet("/categories", async (ExpensesDbContext db, CancellationToken ct) => TypedResults.Ok(await db.Categories.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new CategoryDto(c.Id, c.NameZh, c.NameEn, c.IsActive, c.AllowsPersonalInvoice)).ToListAsync(ct))).WithTags("Policy").RequireAuthorization();

        var policy = group.MapGroup("/policy").WithTags("Policy").RequireAuthorization(ExpensesPermissions.ManagePolicy);
        policy.MapGet("/settings", async (ExpensesDbContext db, CancellationToken ct) => TypedResults.Ok(ToDto(await Claims.ClaimContext.SettingsAsync(db, ct))));
        policy.MapPut("/settings", UpdateSettingsAsync);
        policy.MapGet("/limits", async (ExpensesDbContext db, CancellationToken ct) => TypedResults.Ok(await db.CategoryLimits.AsNoTracking().OrderBy(l => l.Category).ThenBy(l => l.GradeCode)
            .Select(l => new CategoryLimitDto(l.Id, l.Category, l.GradeCode, l.PerItem, l.PerDay, l.PerMonth)).ToListAsync(ct)));
        policy.MapPut("/limits", SaveLimitAsync);
        policy.MapGet("/exchange-rates", async (ExpensesDbContext db, CancellationToken ct) => TypedResults.Ok(await db.ExchangeRates.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new ExchangeRateDto(r.Id, r.Rate, r.EffectiveFrom)).ToListAsync(ct)));
        policy.MapPut("/exchange-rates", SaveRateAsync);
        policy.MapGet("/travel-classes", async (ExpensesDbContext db, CancellationToken ct) => TypedResults.Ok((await db.TravelClassRules.AsNoTracking().ToListAsync(ct))
            .OrderBy(r => r.GradeCode is not null).ThenBy(r => r.GradeCode, StringComparer.Ordinal).Select(ToDto).ToList()));
        policy.MapPut("/travel-classes", SaveTravelClassesAsync);
        policy.MapDelete("/travel-classes/{gradeCode}", DeleteTravelClassesAsync)
            .WithSummary("Removes a grade's own travel classes; the grade then follows the default rule.");
    }

    private static async Task<Ok<PolicySettingsDto>> UpdateSettingsAsync(PolicySettingsDto request, ExpensesDbContext db, CancellationToken ct)
    {
        var settings = await db.PolicySettings.OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = PolicySettings.Default();
            db.PolicySettings.Add(settings);
        }

        settings.Update((request.BaseCurrency ?? "CNY").Trim().ToUpperInvariant(), Severity(request.BuyerCheck), Severity(request.InvoiceDateWindow), request.InvoiceMaxAgeDays,
            Severity(request.CategoryLimits), Severity(request.ReceiptRequired), request.ReceiptRequiredAbove,
            request.TravelPolicy is null ? null : Severity(request.TravelPolicy));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(settings));
    }

    private static async Task<Ok<CategoryLimitDto>> SaveLimitAsync(SaveCategoryLimitRequest request, ExpensesDbContext db, CancellationToken ct)
    {
        if (!await db.Categories.AnyAsync(c => c.Id == request.Category, ct))
        {
            throw new DomainException(Domain.ExpensesErrors.UnknownCategory(request.Category));
        }

        var grade = string.IsNullOrWhiteSpace(request.GradeCode) ? null : request.GradeCode.Trim();
        var limit = await db.CategoryLimits.FirstOrDefaultAsync(l => l.Category == request.Category && l.GradeCode == grade, ct);
        if (limit is null)
        {
            limit = CategoryLimit.Create(Guid.CreateVersion7(), request.Category, grade, request.PerItem, request.PerDay, request.PerMonth);
            db.CategoryLimits.Add(limit);
        }
        else
        {
            limit.Update(request.PerItem, request.PerDay, request.PerMonth);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CategoryLimitDto(limit.Id, limit.Category, limit.GradeCode, limit.PerItem, limit.PerDay, limit.PerMonth));
    }

    private static async Task<Ok<ExchangeRateDto>> SaveRateAsync(ExchangeRateDto request, ExpensesDbContext db, CancellationToken ct)
    {
        var currency = (request.Currency ?? string.Empty).Trim().ToUpperInvariant();
        if (currency.Length != 3 || request.Rate <= 0)
        {
            throw new DomainException(Domain.ExpensesErrors.InvalidCurrency(request.Currency ?? string.Empty));
        }

        var rate = await db.ExchangeRates.FirstOrDefaultAsync(r => r.Id == currency, ct);
        if (rate is null)
        {
            db.ExchangeRates.Add(ExchangeRate.Create(currency, request.Rate, request.EffectiveFrom));
        }
        else
        {
            rate.Update(request.Rate, request.EffectiveFrom);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ExchangeRateDto(currency, request.Rate, request.EffectiveFrom));
    }

    /// <summary>Creates or replaces the rule of one grade (an upsert on the grade; the unique index settles two at once).</summary>
    private static async Task<Ok<TravelClassRuleDto>> SaveTravelClassesAsync(TravelClassRuleDto request, ExpensesDbContext db, CancellationToken ct)
    {
        var grade = string.IsNullOrWhiteSpace(request.GradeCode) ? null : request.GradeCode.Trim();
        var rule = await db.TravelClassRules.FirstOrDefaultAsync(r => r.GradeCode == grade, ct);
        if (rule is null)
        {
            rule = TravelClassRule.Create(Guid.CreateVersion7(), grade, request.TrainClasses ?? [], request.AirCabins ?? []);
            db.TravelClassRules.Add(rule);
        }
        else
        {
            rule.Update(request.TrainClasses ?? [], request.AirCabins ?? []);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(rule));
    }

    /// <summary>
    /// A grade's own rule removed: its people fall back to the default rule. The default itself stays, as every claim
    /// is checked against some rule ("*" or "default" names it only to be refused).
    /// </summary>
    private static async Task<NoContent> DeleteTravelClassesAsync(string gradeCode, ExpensesDbContext db, CancellationToken ct)
    {
        var grade = gradeCode.Trim();
        if (grade is "*" or "default" || grade.Length == 0)
        {
            throw new DomainException(Domain.ExpensesErrors.TravelClassDefaultRequired);
        }

        // No grade code is that long or holds control characters: nothing to remove (and nothing for the database to refuse).
        if (grade.Length > ExpensesLimits.Code || grade.Any(char.IsControl))
        {
            throw new DomainException(Domain.ExpensesErrors.TravelClassRuleNotFound);
        }

        var removed = await db.TravelClassRules.Where(r => r.GradeCode == grade).ExecuteDeleteAsync(ct);
        return removed == 0 ? throw new DomainException(Domain.ExpensesErrors.TravelClassRuleNotFound) : TypedResults.NoContent();
    }

    private static TravelClassRuleDto ToDto(TravelClassRule r) => new(r.GradeCode, r.TrainClasses, r.AirCabins);

    private static PolicySeverity Severity(string? value) =>
        Enum.TryParse<PolicySeverity>(value, true, out var s) ? s : throw new DomainException(InvalidSeverity);

    private static PolicySettingsDto ToDto(PolicySettings s) => new(s.BaseCurrency, s.BuyerCheck.ToString(), s.InvoiceDateWindow.ToString(), s.InvoiceMaxAgeDays,
        s.CategoryLimits.ToString(), s.ReceiptRequired.ToString(), s.ReceiptRequiredAbove, s.TravelPolicy.ToString());
}
