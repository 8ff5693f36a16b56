using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.Expenses.Contracts;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Approvals.Application.Runtime;

/// <summary>
/// 超时: reminders, escalations and automatic actions that fell due. The due times live on the tasks in PostgreSQL and a
/// recurring Hangfire job (stored in PostgreSQL too) sweeps them every minute, so nothing pending is lost when the host
/// restarts: the next sweep of any instance picks it up. Each approval is handled under its row lock, so decisions
/// made at the same moment are never overwritten.
/// </summary>
public sealed class SlaSweepJob(ApprovalsDbContext db, ApprovalRunner runner, ApproverResolver resolver, TimeProvider clock, ILogger<SlaSweepJob> logger)
{
    private const string AutoComment = "超时自动处理 / Handled automatically after the time limit";

    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == ApprovalTaskStatus.Waiting && ((t.RemindAt != null && t.RemindAt <= now) || (t.DeadlineAt != null && t.DeadlineAt <= now)))
            .Select(t => t.ApprovalId).Distinct().Take(500).ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var approvalId in due)
        {
            try
            {
                handled += await SweepAsync(approvalId, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken approval must not hold up the others; it is tried again on the next sweep.
                logger.LogError(ex, "SLA sweep failed for approval {ApprovalId}", approvalId);
            }
        }

        return handled;
    }

    private async Task<int> SweepAsync(Guid approvalId, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimId = await db.Approvals.Where(a => a.Id == approvalId).Select(a => a.ClaimId).FirstOrDefaultAsync(ct);
        // An automatic approval is a decision like any other: never on a claim withdrawn meanwhile (its approval closes).
        var withdrawn = await runner.LockClaimAsync(claimId, ct) == ClaimStates.Cancelled;
        var approval = await runner.LockAsync(approvalId, ct);
        if (withdrawn || approval is null || approval.Status != ApprovalStatus.Running)
        {
            return 0;
        }

        var definition = await runner.DefinitionAsync(approval, ct);
        var handled = 0;
        foreach (var task in approval.Tasks.Where(t => t.Status == ApprovalTaskStatus.Waiting).ToList())
        {
            if (task.Status != ApprovalTaskStatus.Waiting || approval.Status != ApprovalStatus.Running)
            {
                continue; // an earlier timeout in this sweep ended the step or the approval
            }

            var sla = definition.Steps[task.StepIndex].Sla;
            if (task.DeadlineAt <= now)
            {
                await TimeOutAsync(approval, task, sla, definition.Fallback, now, ct);
                handled++;
            }
            else if (task.RemindAt <= now)
            {
                approval.Remind(task.Id, now);
                handled++;
            }
        }

        await runner.AdvanceAsync(approval, definition, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return handled;
    }

    private async Task TimeOutAsync(Approval approval, ApprovalTask task, SlaDefinition? sla, ApproverRule fallback, DateTimeOffset now, CancellationToken ct)
    {
        switch (task.OnTimeout)
        {
            case TimeoutAction.AutoApprove:
                approval.Decide(task.Id, Decision.Approve, Guid.Empty, null, AutoComment, now, sla, "auto");
                break;
            case TimeoutAction.AutoReject:
                approval.Decide(task.Id, Decision.Reject, Guid.Empty, null, AutoComment, now, sla, "auto");
                break;
            default:
                var rule = sla?.EscalateTo ?? new ApproverRule(ApproverType.Manager);
                var target = await resolver.ResolveEscalationAsync(rule, fallback, task.AssigneeId, approval.SubmitterId, ct);
                if (target is null)
                {
                    logger.LogWarning("Task {TaskId} timed out but nobody could take it over; it stays with its assignee", task.Id);
                    approval.KeepWithAssignee(task.Id, now);
                    break;
                }

                approval.Escalate(task.Id, target, sla, now);
                break;
        }
    }
}
