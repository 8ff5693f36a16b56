using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Expenses.Application.Claims;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Domain;
using ExpenseFlow.Expenses.Domain.Receipts;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Expenses.Infrastructure.Recognition;
using ExpenseFlow.Expenses.Infrastructure.Storage;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExpenseFlow.Expenses.Application.Receipts;

public sealed class ReceiptUploadOptions
{
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxFiles { get; set; } = 20;
}

/// <summary>
/// Upload: each file is stored durably under its hash first, then its receipt row is committed, then recognition is
/// queued. A crash between the first two leaves an unreferenced object that maintenance deletes; a crash after the
/// commit leaves a pending receipt that maintenance queues again. No row ever points at a missing file.
/// </summary>
internal static class ReceiptEndpoints
{
    public static readonly Error NoFiles = new("Expenses.NoFiles", ErrorKind.Validation,
        "Attach one or more files in the form field 'files'.", "请在表单字段“files”中附上一个或多个文件。");

    public static Error TooManyFiles(int max) => new("Expenses.TooManyFiles", ErrorKind.Validation,
        $"At most {max} files can be uploaded at once.", $"一次最多上传{max}个文件。");

    public static Error FileTooLarge(string name, long max) => new("Expenses.FileTooLarge", ErrorKind.Validation,
        $"'{name}' is larger than {max / 1024 / 1024} MB.", $"“{name}”超过{max / 1024 / 1024} MB。");

    public static void MapReceipts(this RouteGroupBuilder group)
    {
        var receipts = group.MapGroup("/receipts").WithTags("Receipts").RequireAuthorization(ExpensesPermissions.Submit);
        receipts.MapPost("/", UploadAsync).Accepts<IFormFileCollection>("multipart/form-data").DisableAntiforgery();
        receipts.MapGet("/", ListAsync);
        receipts.MapGet("/{id:guid}", GetAsync);
        receipts.MapGet("/{id:guid}/content", ContentAsync);
    }

    private static async Task<Created<List<ReceiptDto>>> UploadAsync(
        HttpRequest request, ExpensesDbContext db, IReceiptStorage storage, IBackgroundJobClient jobs, ICurrentUser user,
        IOptions<ReceiptUploadOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var owner = user.PersonId ?? throw new DomainException(BuildingBlocks.Infrastructure.Web.ApiProblems.Forbidden);
        var files = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files : null;
        if (files is null || files.Count == 0)
        {
            throw new DomainException(NoFiles);
        }

        if (files.Count > options.Value.MaxFiles)
        {
            throw new DomainException(TooManyFiles(options.Value.MaxFiles));
        }

        var receipts = new List<Receipt>();
        foreach (var file in files)
        {
            StoredFile stored;
            try
            {
                await using var stream = file.OpenReadStream();
                stored = await storage.SaveAsync(stream, options.Value.MaxFileBytes, ct);
            }
            catch (FileTooLargeException)
            {
                throw new DomainException(FileTooLarge(file.FileName, options.Value.MaxFileBytes));
            }

            FaultInjection.Point("receipt-stored");
            receipts.Add(Receipt.Create(Guid.CreateVersion7(), owner, file.FileName, file.ContentType, stored.Size, stored.Hash, clock.GetUtcNow()));
        }

        db.Receipts.AddRange(receipts);
        await db.SaveChangesAsync(ct);
        FaultInjection.Point("receipt-committed");
        foreach (var receipt in receipts)
        {
            jobs.Enqueue<RecognizeReceiptJob>(j => j.RunAsync(receipt.Id, CancellationToken.None));
        }

        return TypedResults.Created("/api/expenses/receipts", receipts.Select(r => r.ToDto(null)).ToList());
    }

    private static async Task<Ok<List<ReceiptDto>>> ListAsync(ExpensesDbContext db, ICurrentUser user, bool? unattached, CancellationToken ct)
    {
        var mine = await db.Receipts.AsNoTracking().Where(r => r.OwnerId == user.PersonId).OrderByDescending(r => r.UploadedAt).Take(200).ToListAsync(ct);
        var attached = await AttachmentsAsync(db, mine.Select(r => r.Id).ToList(), ct);
        return TypedResults.Ok(mine.Where(r => unattached != true || !attached.ContainsKey(r.Id)).Select(r => r.ToDto(attached.GetValueOrDefault(r.Id))).ToList());
    }

    private static async Task<Ok<ReceiptDto>> GetAsync(Guid id, ExpensesDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var receipt = await db.Receipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == user.PersonId, ct)
            ?? throw new DomainException(ExpensesErrors.ReceiptNotFound);
        var attached = await AttachmentsAsync(db, [id], ct);
        return TypedResults.Ok(receipt.ToDto(attached.GetValueOrDefault(id)));
    }

    private static async Task<IResult> ContentAsync(Guid id, HttpResponse response, ExpensesDbContext db, IReceiptStorage storage, ICurrentUser user, CancellationToken ct)
    {
        var receipt = await db.Receipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == user.PersonId, ct)
            ?? throw new DomainException(ExpensesErrors.ReceiptNotFound);
        var file = await ReceiptContent.OpenAsync(storage, receipt, ct) ?? throw new DomainException(ExpensesErrors.ReceiptNotFound);
        return FileDownloads.Serve(response, file.Content, file.ContentType, file.FileName, file.Inline);
    }

    /// <summary>Receipt id → the claim whose line carries it.</summary>
    internal static async Task<Dictionary<Guid, Guid?>> AttachmentsAsync(ExpensesDbContext db, List<Guid> receiptIds, CancellationToken ct)
    {
        var rows = await db.ClaimLines.AsNoTracking()
            .Where(l => l.ReceiptIds.Any(r => receiptIds.Contains(r)))
            .Select(l => new { l.ClaimId, l.ReceiptIds })
            .ToListAsync(ct);
        var map = new Dictionary<Guid, Guid?>();
        foreach (var row in rows)
        {
            foreach (var r in row.ReceiptIds.Where(receiptIds.Contains))
            {
                map[r] = row.ClaimId;
            }
        }

        return map;
    }
}
