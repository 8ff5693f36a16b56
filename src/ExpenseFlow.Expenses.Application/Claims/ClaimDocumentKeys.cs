using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Expenses.Domain;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Claims;

/// <summary>
/// Takes a submitted claim's invoice identities and receipt files for good, inside the submit's transaction. The
/// primary keys decide between simultaneous submits: an insert waits for a concurrent one of the same key, then does
/// nothing if that one committed. Keys are taken in one global order (identities, then files, each sorted), so two
/// submits sharing several keys wait for each other in the same order and never deadlock.
/// </summary>
internal static class ClaimDocumentKeys
{
    public static async Task TakeAsync(ExpensesDbContext db, Guid claimId, ClaimDocuments documents, DateTimeOffset at, CancellationToken ct)
    {
        // A resubmission after a return replaces what the claim held before.
        await db.ClaimedInvoices.Where(c => c.ClaimId == claimId).ExecuteDeleteAsync(ct);
        await db.ClaimedReceiptFiles.Where(c => c.ClaimId == claimId).ExecuteDeleteAsync(ct);
        await db.NotedIdentities.Where(c => c.ClaimId == claimId).ExecuteDeleteAsync(ct);
        foreach (var identity in documents.Identities.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var taken = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO expenses.claimed_invoices (invoice_key, claim_id, line_id, claimed_at) VALUES ({identity.Key}, {claimId}, {identity.LineId}, {at}) ON CONFLICT DO NOTHING", ct);
            if (taken == 0)
            {
                throw new DomainException(identity.TicketKind is { } kind ? ExpensesErrors.DuplicateTicket(kind, identity.Display) : ExpensesErrors.DuplicateInvoice(identity.Display));
            }
        }

        // Noted, not claimed: several claims may hold one, so nothing waits and nothing is refused here.
        foreach (var unsure in documents.Unsure)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO expenses.noted_identities (identity_key, claim_id, line_id, noted_at) VALUES ({unsure.Key}, {claimId}, {unsure.LineId}, {at}) ON CONFLICT DO NOTHING", ct);
        }

        foreach (var file in documents.Files.OrderBy(f => f.ContentHash, StringComparer.Ordinal))
        {
            var taken = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO expenses.claimed_receipt_files (content_hash, claim_id, receipt_id, claimed_at) VALUES ({file.ContentHash}, {claimId}, {file.ReceiptId}, {at}) ON CONFLICT DO NOTHING", ct);
            if (taken == 0)
            {
                throw new DomainException(ExpensesErrors.DuplicateReceipt(file.FileName));
            }
        }
    }
}
