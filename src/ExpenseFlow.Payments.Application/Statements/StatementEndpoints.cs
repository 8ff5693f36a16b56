using System.Security.Cryptography;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Domain.Statements;
using ExpenseFlow.Payments.Infrastructure;
using ExpenseFlow.Payments.Infrastructure.Statements;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
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
/// payment lines (<see cref="StatementSettlement"/>) and everything is written in bulk in one transaction, under the
/// settlement lock. A statement for an account that is not the company's is refused before anything is written
/// (<see cref="StatementOwners"/>).
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
        await Settlement.LockAsync(db, ct);
        if (await SummaryAsync(db, sha, duplicate: true, ct) is { } raced)
        {
            // The same file imported at the same moment by someone else, who took the lock first: theirs stands.
            return TypedResults.Ok(raced);
        }

        var first = statements.Count > 0 ? statements[0] : null;
        var import = StatementImport.Create(file.FileName, format, sha, first?.Account, first?.StatementId, me, now);
        var settlement = await StatementSettlement.WorkOutAsync(db, import, statements, owners, now, ct);
        import.EntryCount = settlement.Entries.Count;
        var matched = watch.Elapsed;
        try
        {
            db.StatementImports.Add(import);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_statement_imports_sha256" })
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return TypedResults.Ok(await SummaryAsync(db, sha, duplicate: true, ct));
        }

        await StatementBulkWriter.SettleAsync(db, settlement.Lines, settlement.Payables, settlement.Batches, ct);
        var settled = watch.Elapsed;
        await StatementBulkWriter.WriteEntriesAsync(db, settlement.Entries, ct);
        var copied = watch.Elapsed;
        await OutboxBulk.WriteAsync(db, settlement.Events, clock, ct);
        var published = watch.Elapsed;
        await tx.CommitAsync(ct);
        logger.LogInformation(
            "Statement {FileName} ({Format}, {Entries} entries) imported: parsed in {ParseMs} ms, matched in {MatchMs} ms (reading open lines {ReadMs} ms), " +
            "saved in {SaveMs} ms (lines and payables {SettleMs} ms, entries {EntriesMs} ms, outbox {OutboxMs} ms)",
            file.FileName, format, settlement.Entries.Count, Ms(parsed), Ms(matched - parsed), Ms(settlement.ReadTime), Ms(watch.Elapsed - matched),
            Ms(settled - matched), Ms(copied - settled), Ms(published - copied));
        return TypedResults.Ok(await SummaryAsync(db, sha, duplicate: false, ct));
    }

    private static long Ms(TimeSpan time) => (long)time.TotalMilliseconds;

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
