using System.Text.Json;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Payments.Domain;
using ExpenseFlow.Payments.Domain.Accounting;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Payments.Application.Batches;

/// <summary>记账凭证: a batch's journal as CSV or .xlsx, by the accounting mapping finance maintains.</summary>
internal static class Journal
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly Error InvalidMapping = new("Payments.InvalidAccountingMapping", ErrorKind.Validation,
        "Every account code must be 1 to 20 letters, digits, dots or dashes.", "科目编码须为1至20位字母、数字、点或横线。");

    public static async Task<Ok<AccountingMapping>> GetMappingAsync(PaymentsDbContext db, CancellationToken ct) => TypedResults.Ok(await MappingAsync(db, ct));

    public static async Task<Ok<AccountingMapping>> SaveMappingAsync(AccountingMapping mapping, PaymentsDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var codes = mapping.ExpenseAccounts.Values.Concat([mapping.DefaultExpenseAccount, mapping.PayableAccount, mapping.BankAccount])
            .Concat(mapping.LegalEntities.Values.SelectMany(e => new[] { e.PayableAccount, e.BankAccount }));
        if (codes.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 20 || !c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-')))
        {
            throw new DomainException(InvalidMapping);
        }

        var row = await db.AccountingSettings.FirstOrDefaultAsync(ct);
        var json = JsonSerializer.Serialize(mapping, Json);
        if (row is null)
        {
            db.AccountingSettings.Add(new AccountingSettings { MappingJson = json, UpdatedAt = clock.GetUtcNow(), UpdatedBy = user.PersonId });
        }
        else
        {
            (row.MappingJson, row.UpdatedAt, row.UpdatedBy) = (json, clock.GetUtcNow(), user.PersonId);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(mapping);
    }

    public static async Task<FileContentHttpResult> ExportAsync(Guid id, string? format, PaymentsDbContext db, IClaimReader claims, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().Include(b => b.Lines).FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PaymentsErrors.BatchNotFound);
        if (batch.Status is not (BatchStatus.Released or BatchStatus.Closed))
        {
            throw new DomainException(PaymentsErrors.BatchNotInState(nameof(BatchStatus.Released)));
        }

        var costs = new List<ClaimCost>();
        foreach (var line in batch.Lines.Where(l => l.Status != BatchLineStatus.Removed).OrderBy(l => l.Position))
        {
            var claim = await claims.GetClaimAsync(line.ClaimId, ct);
            var byCategory = claim?.Lines.GroupBy(l => l.Category).Select(g => (g.Key, g.Sum(l => l.AmountInBase))).ToList() ?? [("other", line.Amount)];
            costs.Add(new ClaimCost(line.ClaimNumber, line.PayeeName, line.Amount, byCategory));
        }

        var lines = JournalBuilder.Build(batch.Number, batch.LegalEntityId, batch.ExecutionDate, costs, await MappingAsync(db, ct));
        return format == "xlsx"
            ? TypedResults.File(JournalBuilder.WriteXlsx(lines), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{batch.Number}-journal.xlsx")
            : TypedResults.File(JournalBuilder.WriteCsv(lines), "text/csv", $"{batch.Number}-journal.csv");
    }

    private static async Task<AccountingMapping> MappingAsync(PaymentsDbContext db, CancellationToken ct)
    {
        var json = await db.AccountingSettings.AsNoTracking().Select(s => s.MappingJson).FirstOrDefaultAsync(ct);
        return json is null ? AccountingMapping.Default : JsonSerializer.Deserialize<AccountingMapping>(json, Json) ?? AccountingMapping.Default;
    }
}
