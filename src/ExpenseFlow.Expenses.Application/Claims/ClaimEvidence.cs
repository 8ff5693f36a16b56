using System.Text.Json;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using ExpenseFlow.Expenses.Domain.Receipts;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Expenses.Infrastructure.Storage;
using ExpenseFlow.Recognition.Input;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Claims;

/// <summary>
/// What a claim's receipts say about identity (their files, the numbers read from exact sources, documents still
/// being read), and which of the claim's identities and files other live claims already hold.
/// </summary>
internal sealed class ClaimEvidence(ExpensesDbContext db, IReceiptStorage storage)
{
    /// <summary>Sources whose reading is the document's own data, not a guess from pixels (see RecognizeReceiptJob.Source).</summary>
    private static readonly HashSet<string> ExactSources = new(["qr", "xml", "ofd", "pdf-text"], StringComparer.Ordinal);

    public async Task<ClaimDocuments> ResolveAsync(Claim claim, CancellationToken ct)
    {
        var ids = claim.Lines.SelectMany(l => l.ReceiptIds).Distinct().ToList();
        var receipts = await db.Receipts.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.ContentHash, r.FileName, r.Status, r.Proposed, r.ResultJson }).ToListAsync(ct);
        var evidence = new Dictionary<Guid, ReceiptEvidence>();
        foreach (var r in receipts)
        {
            var sources = Sources(r.ResultJson);
            var numberSource = sources.GetValueOrDefault("invoiceNumber");
            var exact = r.Proposed?.InvoiceNumber is not null && numberSource is not null && ExactSources.Contains(numberSource);
            var codeExact = exact && sources.GetValueOrDefault("invoiceCode") is { } codeSource && ExactSources.Contains(codeSource);
            // Until recognition has read a document its identity is unknown; a file it cannot read at all never will be.
            var pending = r.Status is RecognitionStatus.Pending or RecognitionStatus.Running && await IsDocumentAsync(r.ContentHash, ct);
            evidence[r.Id] = new ReceiptEvidence(
                r.Id, r.ContentHash, r.FileName, pending, exact ? r.Proposed!.InvoiceCode : null, codeExact, exact ? r.Proposed!.InvoiceNumber : null, exact ? numberSource : null,
                DocumentReads.Of(r.ResultJson, r.Proposed?.InvoiceCode, r.Proposed?.InvoiceNumber));
        }

        return ClaimDocuments.Resolve(claim, evidence);
    }

    /// <summary>The blocking identity findings: what other claims hold, and the claim's own identity problems.</summary>
    public async Task<IReadOnlyList<PolicyFinding>> FindingsAsync(Claim claim, ClaimDocuments documents, CancellationToken ct)
    {
        var keys = documents.Identities.Select(i => i.Key).ToList();
        var hashes = documents.Files.Select(f => f.ContentHash).ToList();
        keys.AddRange(documents.Unsure.Select(u => u.Key));
        var takenKeys = await db.ClaimedInvoices.AsNoTracking().Where(c => keys.Contains(c.InvoiceKey) && c.ClaimId != claim.Id).Select(c => c.InvoiceKey).ToListAsync(ct);
        var takenNoted = await db.NotedIdentities.AsNoTracking().Where(n => keys.Contains(n.IdentityKey) && n.ClaimId != claim.Id).Select(n => n.IdentityKey).ToListAsync(ct);
        var takenFiles = await db.ClaimedReceiptFiles.AsNoTracking().Where(c => hashes.Contains(c.ContentHash) && c.ClaimId != claim.Id).Select(c => c.ContentHash).ToListAsync(ct);
        var bare = documents.NeedsCode.Values.Distinct().ToArray();
        List<string> takenBare = [];
        if (bare.Length > 0)
        {
            // A number typed without its code matches a traditional invoice claimed with that number under any code
            // (its key ends with the 8 digits) or one claimed without a code before keys were canonical.
            var legacy = bare.Select(b => "N:" + b).ToArray();
            takenBare = await db.Database.SqlQuery<string>($"""
                SELECT right(invoice_key, 8) AS "Value" FROM expenses.claimed_invoices
                WHERE claim_id <> {claim.Id} AND (invoice_key = ANY ({legacy}) OR (invoice_key LIKE 'I:%' AND length(invoice_key) = 22 AND right(invoice_key, 8) = ANY ({bare})))
                """).ToListAsync(ct);
        }

        return documents.Findings(takenKeys.ToHashSet(StringComparer.Ordinal), takenFiles.ToHashSet(StringComparer.Ordinal), takenBare.ToHashSet(StringComparer.Ordinal), takenNoted.ToHashSet(StringComparer.Ordinal));
    }

    private async Task<bool> IsDocumentAsync(string hash, CancellationToken ct)
    {
        await using var stream = await storage.OpenAsync(hash, ct);
        if (stream is null)
        {
            return false;
        }

        // Sniffed as the engine does (the uploader's name and type are never trusted): what it cannot type, it cannot read.
        var head = new byte[MediaTypes.HeadLength];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return MediaTypes.Detect(head.AsSpan(0, read)).MediaType != MediaTypes.Unknown;
    }

    private static Dictionary<string, string> Sources(string? resultJson)
    {
        if (resultJson is null)
        {
            return [];
        }

        using var doc = JsonDocument.Parse(resultJson);
        return doc.RootElement.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Object
            ? sources.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : [];
    }
}
