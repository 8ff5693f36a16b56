using System.Security.Cryptography;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Domain.Statements;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExpenseFlow.Payments.Application.Statements;

public sealed record StatementImportDto(
    Guid Id, string FileName, string Format, string Sha256, bool Duplicate, int EntryCount, int Matched, int Returned, int Unmatched, int Ambiguous, DateTimeOffset ImportedAt,
    int ProbableReturns);

/// <summary>
/// Statement import (银企对账): camt.053, MT940 or a CSV export. The file's SHA-256 is unique, so importing the same
/// statement again changes nothing and answers with the first import. Entries are matched in memory against the open
/// payment lines and everything is written in one transaction. A statement for an account that is not the company's is
/// refused before anything is written (<see cref="StatementOwners"/>).
/// </summary>
internal static class StatementEndpoints
{
    private const long MaxBytes = 50L * 1024 * 1024;

    public static readonly Error NoFile = new("Payments.NoStatementFile", ErrorKind.Validation, "Attach the statement file as 'file'.", "请以“file”上传对账单文件。");

    public static readonly Error TooLarge = new("Payments.StatementTooLarge", ErrorKind.PayloadTooLarge,
        $"A statement file is at most {MaxBytes / 1024 / 1024} MB; split a longer period into several files.", $"对账单文件最大 {MaxBytes / 1024 / 1024} MB，较长期间请分成多个文件。");

    /// <summary>The form of a statement upload, as the OpenAPI document describes it (the handler reads the form itself).</summary>
    public sealed record StatementUploadForm(IFormFile File, string? Format, string? CsvProfile);

    public static async Task<IResult> ImportAsync(
        HttpRequest request, PaymentsDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(StatementEndpoints));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var file = form?.Files["file"] ?? throw new DomainException(NoFile);
        if (file.Length == 0)
        {
            throw new DomainException(NoFile);
        }

        if (file.Length > MaxBytes)
        {
            throw new DomainException(TooLarge);
        }

        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        if (await SummaryAsync(db, sha, duplicate: true, ct) is { } earlier)
        {
            return TypedResults.Ok(earlier);
        }

        var (format, statements) = StatementFile.Read(content, form["format"].ToString(), form["csvProfile"].ToString());
        var owners = await StatementOwners.ResolveAsync(statements, directory, logger, file.FileName, ct);
        var parsed = watch.Elapsed;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = statements.Count > 0 ? statements[0] : null;
        var import = StatementImport.Create(file.FileName, format, sha, first?.Account, first?.StatementId, me, now);
        db.StatementImports.Add(import);
        var open = await Settlement.OpenLinesAsync(db, now, ct);
        await Settlement.LoadPayablesAsync(db, open, ct);
        var sequence = 0;
        for (var s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            var matcher = new Matcher(open.Where(o => owners[s].Contains(o.Batch.LegalEntityId)).ToList());
            foreach (var e in statement.Entries)
            {
                var detail = e.Details.Count > 0 ? e.Details[0] : null;
                var entry = ImportedEntry.Create(import.Id, owners[s][0], ++sequence, e.BookingDate ?? e.ValueDate ?? DateOnly.FromDateTime(now.UtcDateTime), e.Amount,
                    e.Currency ?? statement.Currency ?? "CNY", e.Direction == CreditDebit.Credit || e.IsReversal, e.EndToEndId ?? detail?.EndToEndId,
                    e.CounterpartyName ?? detail?.CounterpartyName, e.CounterpartyAccount ?? detail?.CounterpartyAccount,
                    e.EntryReference ?? e.AccountServicerReference, e.RemittanceInfo ?? e.AdditionalInfo);
                var (match, candidates) = matcher.Find(entry, [e.RemittanceInfo, e.AdditionalInfo, e.SupplementaryDetails, e.EntryReference, .. e.Details.Select(d => d.RemittanceInfo)]);
                if (match is EntryMatch.Matched or EntryMatch.Returned)
                {
                    await Settlement.ApplyAsync(db, entry, candidates[0].Line, candidates[0].Batch, null, null, now, ct);
                }
                else
                {
                    entry.Resolve(match, null, null, null, null);
                }

                db.StatementEntries.Add(entry);
            }
        }

        import.EntryCount = sequence;
        var matched = watch.Elapsed;
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_statement_imports_sha256" })
        {
            // The same file imported at the same moment by someone else: theirs stands.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return TypedResults.Ok(await SummaryAsync(db, sha, duplicate: true, ct));
        }

        logger.LogInformation(
            "Statement {FileName} ({Format}, {Entries} entries) imported: parsed in {ParseMs} ms, matched in {MatchMs} ms, saved in {SaveMs} ms",
            file.FileName, format, sequence, (long)parsed.TotalMilliseconds, (long)(matched - parsed).TotalMilliseconds, (long)(watch.Elapsed - matched).TotalMilliseconds);
        return TypedResults.Ok(await SummaryAsync(db, sha, duplicate: false, ct));
    }

    public static async Task<Ok<List<StatementImportDto>>> ListAsync(PaymentsDbContext db, CancellationToken ct)
    {
        var shas = await db.StatementImports.AsNoTracking().OrderByDescending(i => i.ImportedAt).Take(100).Select(i => i.Sha256).ToListAsync(ct);
        var list = new List<StatementImportDto>();
        foreach (var sha in shas)
        {
            list.Add((await SummaryAsync(db, sha, false, ct))!);
        }

        return TypedResults.Ok(list);
    }

    private static async Task<StatementImportDto?> SummaryAsync(PaymentsDbContext db, string sha, bool duplicate, CancellationToken ct)
    {
        var import = await db.StatementImports.AsNoTracking().FirstOrDefaultAsync(i => i.Sha256 == sha, ct);
        if (import is null)
        {
            return null;
        }

        var counts = await db.StatementEntries.AsNoTracking().Where(e => e.ImportId == import.Id).GroupBy(e => e.Match)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new StatementImportDto(import.Id, import.FileName, import.Format, import.Sha256, duplicate, import.EntryCount, counts.GetValueOrDefault(EntryMatch.Matched),
            counts.GetValueOrDefault(EntryMatch.Returned), counts.GetValueOrDefault(EntryMatch.Unmatched), counts.GetValueOrDefault(EntryMatch.Ambiguous), import.ImportedAt,
            counts.GetValueOrDefault(EntryMatch.ProbableReturn));
    }
}
