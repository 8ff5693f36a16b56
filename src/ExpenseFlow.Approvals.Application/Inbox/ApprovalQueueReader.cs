using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.Approvals.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Application.Inbox;

internal sealed class ApprovalQueueReader(ApprovalsDbContext db) : IApprovalQueueReader
{
    public async Task<IReadOnlyList<OpenQueue>> OpenQueuesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Tasks.AsNoTracking().Where(t => t.Status == ApprovalTaskStatus.Waiting)
            .GroupBy(t => t.AssigneeId)
            .Select(g => new
            {
                g.Key,
                Name = g.Max(t => t.AssigneeName),
                Open = g.Count(),
                Oldest = g.Min(t => t.WaitingSince ?? t.CreatedAt),
                Overdue = g.Count(t => t.DeadlineAt != null && t.DeadlineAt < now),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OpenQueue(r.Key, r.Name ?? string.Empty, r.Open, r.Oldest, r.Overdue))
            .OrderByDescending(q => q.Open).ThenBy(q => q.OldestWaitingSince).ToList();
    }
}
