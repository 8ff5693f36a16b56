using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Application.Runtime;

internal sealed class ClaimApprovalReader(ApprovalsDbContext db) : IClaimApprovalReader
{
    public async Task<ClaimApprovalState?> GetLatestAsync(Guid claimId, CancellationToken cancellationToken)
    {
        var latest = await db.Approvals.AsNoTracking().Where(a => a.ClaimId == claimId).OrderByDescending(a => a.Round)
            .Select(a => new { a.Id, a.Round, a.Status }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : new ClaimApprovalState(latest.Id, latest.Round, latest.Status.ToString());
    }
}
