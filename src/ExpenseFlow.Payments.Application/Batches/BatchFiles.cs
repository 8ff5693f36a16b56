using System.Security.Cryptography;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Domain;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpenseFlow.Payments.Application.Batches;

public sealed record PaymentFileDto(Guid Id, string Format, string FileName, string ContentType, string Sha256, int Size, string? GeneratedByName, DateTimeOffset GeneratedAt);

/// <summary>
/// Bank files for a released batch: ISO 20022 pain.001 (.09 by default, .03 for banks that still want it) or a Chinese
/// bank's batch template kept by Finance (<see cref="BankFileFormats"/>). The first download generates and stores the file
/// with its SHA-256 and who made it; later downloads return the stored bytes, even after the template was changed or
/// switched off (generation is deterministic, so an unchanged template gives the same bytes anyway).
/// </summary>
internal static class BatchFiles
{
    public static async Task<Ok<List<PaymentFileDto>>> ListAsync(Guid id, PaymentsDbContext db, IOrganizationDirectory directory, CancellationToken ct)
    {
        var files = await db.Files.AsNoTracking().Where(f => f.BatchId == id).OrderBy(f => f.GeneratedAt)
            .Select(f => new { f.Id, f.Format, f.FileName, f.ContentType, f.Sha256, Size = f.Content.Length, f.GeneratedBy, f.GeneratedAt }).ToListAsync(ct);
        var names = await directory.GetNamesAsync(files.Select(f => f.GeneratedBy).Distinct().ToList(), ct);
        return TypedResults.Ok(files.Select(f => new PaymentFileDto(f.Id, f.Format, f.FileName, f.ContentType, f.Sha256, f.Size, names.GetValueOrDefault(f.GeneratedBy), f.GeneratedAt)).ToList());
    }

    public static async Task<FileContentHttpResult> DownloadAsync(
        Guid id, string format, PaymentsDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var stored = await db.Files.AsNoTracking().FirstOrDefaultAsync(f => f.BatchId == id && f.Format == format, ct);
        if (stored is null)
        {
            var kind = await BankFileFormats.ResolveAsync(format, db, ct);
            var batch = await db.Batches.AsNoTracking().Include(b => b.Lines).FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new DomainException(PaymentsErrors.BatchNotFound);
            if (batch.Status is not (BatchStatus.Released or BatchStatus.Closed))
            {
                throw new DomainException(PaymentsErrors.BatchNotInState(nameof(BatchStatus.Released)));
            }

            var entity = (await directory.GetLegalEntitiesAsync(ct)).FirstOrDefault(e => e.Id == batch.LegalEntityId)
                ?? throw new DomainException(Error.NotFound("Payments.LegalEntityNotFound", "The paying legal entity", "付款法人主体"));
            var content = kind.Write(Describe(batch, entity));
            stored = new StoredBankFile
            {
                Id = Guid.CreateVersion7(), BatchId = id, Format = format, FileName = $"{batch.Number}-{format}.{kind.Extension}", ContentType = kind.ContentType,
                Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), GeneratedBy = me, GeneratedAt = clock.GetUtcNow(),
            };
            db.Files.Add(stored);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Someone generated it at the same moment: theirs is stored, and it has the same bytes.
                stored = await db.Files.AsNoTracking().SingleAsync(f => f.BatchId == id && f.Format == format, ct);
            }
        }

        return TypedResults.File(stored.Content, stored.ContentType, stored.FileName);
    }

    public static byte[] Pain(Domain.BankFiles.PaymentFile file, Pain001Version version)
    {
        // Renminbi transfers go to Chinese banks, which take Chinese names; other currencies keep to the SWIFT Latin set.
        var text = file.Header.Currency == "CNY" ? BankTextProfile.ChineseDomestic : BankTextProfile.International;
        PaymentFileValidator.EnsureValid(file, text);
        return new Pain001Writer(new Pain001Options { Version = version, Text = text }).Write(file);
    }

    /// <summary>The batch as a bank file's content; every value comes from the stored batch, so it never changes.</summary>
    private static Domain.BankFiles.PaymentFile Describe(PaymentBatch batch, LegalEntityDto entity)
    {
        var header = new PaymentFileHeader(batch.Number, batch.ReleasedAt ?? batch.CreatedAt, entity.Name, batch.Number, batch.ExecutionDate, entity.Name,
            BankAccountId.FromNumber(entity.BankAccountNumber ?? string.Empty), new BankAgent(Name: entity.BankName), batch.Currency, ChargeBearer.Debtor);
        var instructions = batch.Lines.Where(l => l.Status != BatchLineStatus.Removed).OrderBy(l => l.Position)
            .Select(l => new PaymentInstruction(l.EndToEndId, l.Amount, l.Currency, l.AccountName, BankAccountId.FromNumber(l.AccountNumber),
                l.CnapsCode is { } cnaps ? BankAgent.FromCnaps(cnaps, l.BankName) : new BankAgent(Name: l.BankName), $"报销款 {l.ClaimNumber}", "报销款", l.ClaimNumber))
            .ToList();
        return new Domain.BankFiles.PaymentFile(header, instructions);
    }
}
