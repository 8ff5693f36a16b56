using System.Text.Json;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Domain;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Claims;

public sealed record Justification(string Rule, int? Line, string Text);

public sealed record SubmitClaimRequest(IReadOnlyList<Justification>? Justifications);

/// <summary>
/// Submit: policy checks, the invoice identities (from the documents where they carry them exactly) and receipt files
/// claimed for good (primary keys in PostgreSQL decide between simultaneous submits), the ClaimSubmitted event in the
/// outbox, and — with an Idempotency-Key — the first answer replayed to retries.
/// </summary>
internal static class SubmitClaim
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly Error RequestInProgress = new("Expenses.RequestInProgress", ErrorKind.Conflict,
        "The same request is still being processed.", "相同的请求仍在处理中。");

    public static async Task<IResult> HandleAsync(
        Guid id, SubmitClaimRequest? request, HttpRequest http, ExpensesDbContext db, IOrganizationDirectory directory, ClaimEvidence evidence,
        ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.Me();
        var key = http.Headers["Idempotency-Key"].ToString();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdempotentRequest? remembered = null;
        if (!string.IsNullOrWhiteSpace(key))
        {
            key = key.Trim()[..Math.Min(100, key.Trim().Length)];
            // A concurrent twin blocks here until the first commits, then finds its answer.
            var inserted = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO expenses.idempotent_requests (user_id, key, operation, created_at) VALUES ({me}, {key}, {"submit:" + id}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING", ct);
            remembered = await db.IdempotentRequests.FirstAsync(r => r.UserId == me && r.Key == key, ct);
            if (inserted == 0)
            {
                await tx.RollbackAsync(ct);
                return remembered.Response is null
                    ? BuildingBlocks.Infrastructure.Web.ApiProblems.Result(RequestInProgress, http.HttpContext)
                    : Results.Text(remembered.Response, "application/json", statusCode: remembered.StatusCode ?? 200);
            }
        }

        var claim = await ClaimContext.LoadOwnAsync(db, id, user, ct);
        var resubmission = claim.Status == ClaimStatus.Returned;
        var (evaluated, documents) = await ClaimContext.EvaluateAsync(db, directory, evidence, claim, clock, ct);
        var findings = Justify(evaluated, request?.Justifications);
        // Identity findings are never a policy choice: each has its own answer. A duplicate gives the same answer
        // whether the other claim committed before this check or while we were writing (the keys below refuse it).
        if (ExpensesErrors.IdentityRules.SelectMany(rule => findings.Where(f => f.Rule == rule)).FirstOrDefault() is { } identity)
        {
            throw new DomainException(ExpensesErrors.FromIdentityFinding(identity));
        }

        var corrections = await CorrectionsAsync(db, claim, documents, ct);
        var now = clock.GetUtcNow();
        claim.Submit(findings, me, now, new { total = claim.TotalInBase, lines = claim.Lines.Count, corrections.Proposed, corrections.Corrected, corrections.Fields, findings = findings.Count, adopted = documents.Adopted.Count },
            documents.Adopted);
        await ClaimDocumentKeys.TakeAsync(db, claim.Id, documents, now, ct);

        db.Publish(new ClaimSubmitted(claim.Id, claim.Number, claim.EmployeeId, claim.LegalEntityId, claim.TotalInBase, claim.BaseCurrency,
            claim.Lines.Select(l => l.Category).Distinct().ToList(), claim.Lines.Select(l => l.CostCentreCode).OfType<string>().Distinct().ToList(),
            resubmission, now, claim.Title,
            claim.Lines.GroupBy(l => l.Category).OrderByDescending(g => g.Sum(l => l.AmountInBase)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault(),
            corrections.FirstUploadAt, corrections.Proposed, corrections.Corrected, corrections.ManualLines));
        await db.SaveChangesAsync(ct);

        var dto = await ClaimQueries.LoadDtoAsync(db, directory, claim.Id, user, ct);
        if (remembered is not null)
        {
            remembered.StatusCode = 200;
            remembered.Response = JsonSerializer.Serialize(dto, Json);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return TypedResults.Ok(dto);
    }

    private static List<PolicyFinding> Justify(IReadOnlyList<PolicyFinding> findings, IReadOnlyList<Justification>? justifications) =>
        findings.Select(f => f.Severity != PolicySeverity.Warn ? f : f with
        {
            Justification = justifications?.FirstOrDefault(j => j.Rule == f.Rule && j.Line == f.Line && !string.IsNullOrWhiteSpace(j.Text))?.Text.Trim(),
        }).ToList();

    /// <summary>Recognised fields the employee changed before submitting, counted against what recognition proposed.</summary>
    private static async Task<(int Proposed, int Corrected, List<string> Fields, int ManualLines, DateTimeOffset? FirstUploadAt)> CorrectionsAsync(
        ExpensesDbContext db, Claim claim, ClaimDocuments documents, CancellationToken ct)
    {
        var receiptIds = claim.Lines.SelectMany(l => l.ReceiptIds).ToList();
        var receipts = await db.Receipts.AsNoTracking().Where(r => receiptIds.Contains(r.Id)).Select(r => new { r.Id, r.Proposed, r.UploadedAt }).ToListAsync(ct);
        var proposals = receipts.Where(r => r.Proposed != null).ToDictionary(r => r.Id, r => r.Proposed!);
        DateTimeOffset? firstUpload = receipts.Count == 0 ? null : receipts.Min(r => r.UploadedAt);
        int proposed = 0, corrected = 0, manual = 0;
        var fields = new List<string>();
        foreach (var line in claim.Lines)
        {
            var proposal = line.ReceiptIds.Select(proposals.GetValueOrDefault).FirstOrDefault(p => p is not null);
            if (proposal is null)
            {
                // Typed by hand: no receipt, or none that recognition could read.
                manual++;
                continue;
            }

            // A field taken from the document at submit is the proposal kept, not a correction.
            var submitted = documents.Adopted.TryGetValue(line.Id, out var identity) ? line.Invoice with { InvoiceCode = identity.Code, InvoiceNumber = identity.Number } : line.Invoice;
            foreach (var (name, suggested, final) in Compare(proposal, submitted))
            {
                if (suggested is null)
                {
                    continue;
                }

                proposed++;
                if (!Equals(suggested, final))
                {
                    corrected++;
                    fields.Add($"{line.Position + 1}:{name}");
                }
            }
        }

        return (proposed, corrected, fields, manual, firstUpload);
    }

    private static IEnumerable<(string, object?, object?)> Compare(InvoiceFields p, InvoiceFields f) =>
    [
        ("invoiceType", p.InvoiceType, f.InvoiceType), ("invoiceCode", p.InvoiceCode, f.InvoiceCode), ("invoiceNumber", p.InvoiceNumber, f.InvoiceNumber),
        ("issueDate", p.IssueDate, f.IssueDate), ("checkCode", p.CheckCode, f.CheckCode), ("amountExcludingTax", p.AmountExcludingTax, f.AmountExcludingTax),
        ("taxAmount", p.TaxAmount, f.TaxAmount), ("totalAmount", p.TotalAmount, f.TotalAmount), ("sellerName", p.SellerName, f.SellerName),
        ("sellerTaxId", p.SellerTaxId, f.SellerTaxId), ("buyerName", p.BuyerName, f.BuyerName), ("buyerTaxId", p.BuyerTaxId, f.BuyerTaxId),
    ];
}
