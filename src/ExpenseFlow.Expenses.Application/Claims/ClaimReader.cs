using ExpenseFlow.Expenses.Application.Receipts;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Expenses.Infrastructure.Storage;
using ExpenseFlow.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Claims;

/// <summary>Claims as reviewers see them; access is decided by the calling module (an approver's task, finance).</summary>
internal sealed class ClaimReader(ExpensesDbContext db, IOrganizationDirectory directory, IReceiptStorage storage) : IClaimReader
{
    public Task<ClaimDto?> GetClaimAsync(Guid claimId, CancellationToken cancellationToken) =>
        ClaimQueries.LoadDtoAsync(db, directory, claimId, ownerId: null, cancellationToken);

    public async Task<IReadOnlyList<ReceiptDto>> GetReceiptsAsync(Guid claimId, CancellationToken cancellationToken)
    {
        var ids = await ReceiptIdsAsync(claimId, cancellationToken);
        var receipts = await db.Receipts.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.UploadedAt).ToListAsync(cancellationToken);
        return receipts.Select(r => r.ToDto(claimId)).ToList();
    }

    public async Task<ReceiptFile?> OpenReceiptAsync(Guid claimId, Guid receiptId, CancellationToken cancellationToken)
    {
        var ids = await ReceiptIdsAsync(claimId, cancellationToken);
        if (!ids.Contains(receiptId))
        {
            return null;
        }

        var receipt = await db.Receipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == receiptId, cancellationToken);
        return receipt is null ? null : await ReceiptContent.OpenAsync(storage, receipt, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> GetStatesAsync(IReadOnlyCollection<Guid> claimIds, CancellationToken cancellationToken)
    {
        var ids = claimIds.Distinct().ToList();
        var rows = await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Status }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Status.ToString());
    }

    private async Task<List<Guid>> ReceiptIdsAsync(Guid claimId, CancellationToken ct) =>
        (await db.ClaimLines.AsNoTracking().Where(l => l.ClaimId == claimId).Select(l => l.ReceiptIds).ToListAsync(ct)).SelectMany(x => x).Distinct().ToList();
}
