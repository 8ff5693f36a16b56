using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Expenses.Domain.Policies;
using ExpenseFlow.Expenses.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Seeding;

/// <summary>Schema, the default categories and policy switches (always); demo limits and exchange rates (with --demo).</summary>
internal sealed class ExpensesMigrator(ExpensesDbContext db) : IModuleMigrator
{
    public string Module => "Expenses";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        var existing = await db.Categories.Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var (code, zh, en, personal) in new[]
        {
            ("travel", "差旅交通", "Travel", false), ("hotel", "住宿", "Hotel", false), ("meals", "餐饮", "Meals", true),
            ("local-transport", "市内交通", "Local transport", true), ("office", "办公用品", "Office supplies", false),
            ("entertainment", "业务招待", "Entertainment", false), ("other", "其他", "Other", false),
        })
        {
            if (!existing.Contains(code))
            {
                db.Categories.Add(ExpenseCategory.Create(code, zh, en, personal));
            }
        }

        if (!await db.PolicySettings.AnyAsync(cancellationToken))
        {
            db.PolicySettings.Add(PolicySettings.Default());
        }

        // A company starts with the usual 差标 (staff: 二等座 and economy), which finance adapts per grade.
        if (!await db.TravelClassRules.AnyAsync(cancellationToken))
        {
            db.TravelClassRules.Add(TravelClassRule.Create(Guid.CreateVersion7(), null, ["二等座", "硬座", "硬卧", "软座", "无座"], ["economy"]));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> SeedDemoAsync(string demoPassword, CancellationToken cancellationToken)
    {
        if (await db.CategoryLimits.AnyAsync(cancellationToken))
        {
            return [];
        }

        foreach (var (category, grade, item, day, month) in new (string, string?, decimal?, decimal?, decimal?)[]
        {
            ("hotel", null, null, 500m, null), ("hotel", "G4", null, 900m, null), ("hotel", "G5", null, 1500m, null),
            ("meals", null, 300m, 200m, 3000m), ("entertainment", null, 2000m, null, 10000m), ("local-transport", null, 300m, null, 1500m),
        })
        {
            db.CategoryLimits.Add(CategoryLimit.Create(Guid.CreateVersion7(), category, grade, item, day, month));
        }

        // Demo grades: G4 (managers) may take 一等座 and 软卧, G5 (directors) also 商务座 and business class.
        foreach (var (grade, train, air) in new (string, string[], string[])[]
        {
            ("G4", ["二等座", "一等座", "硬座", "硬卧", "软卧", "软座", "无座"], ["economy", "premium-economy"]),
            ("G5", ["二等座", "一等座", "商务座", "特等座", "硬座", "硬卧", "软卧", "高级软卧", "软座", "无座"], ["economy", "premium-economy", "business"]),
        })
        {
            if (!await db.TravelClassRules.AnyAsync(r => r.GradeCode == grade, cancellationToken))
            {
                db.TravelClassRules.Add(TravelClassRule.Create(Guid.CreateVersion7(), grade, train, air));
            }
        }

        var from = new DateOnly(2026, 1, 1);
        db.ExchangeRates.AddRange(ExchangeRate.Create("USD", 7.10m, from), ExchangeRate.Create("EUR", 7.80m, from), ExchangeRate.Create("HKD", 0.91m, from),
            ExchangeRate.Create("MYR", 1.55m, from), ExchangeRate.Create("JPY", 0.048m, from));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
