using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.BuildingBlocks.Domain;

namespace ExpenseFlow.Approvals.Domain.Runtime;

public enum ApprovalTaskStatus
{
    /// <summary>Waits for an earlier approver of the same sequential step.</summary>
    Queued,
    Waiting,
    Approved,
    Rejected,
    Returned,

    /// <summary>去重 or submitter: passed without a decision.</summary>
    Skipped,

    /// <summary>No longer needed: another approver decided the step, or the approval ended.</summary>
    Closed,

    /// <summary>Timed out and handed to someone else (a new task).</summary>
    Escalated,

    /// <summary>Notify-only (抄送), not yet read.</summary>
    Unread,
    Read,
}

public enum TimeoutAction
{
    Escalate,
    AutoApprove,
    AutoReject,
}

/// <summary>One person's part in one step of an approval.</summary>
public sealed class ApprovalTask : Entity<Guid>
{
    private ApprovalTask()
    {
    }

    public Guid ApprovalId { get; private set; }

    public int StepIndex { get; private set; }

    public int Order { get; private set; }

    public StepKind Kind { get; private set; }

    public Guid AssigneeId { get; private set; }

    public string AssigneeName { get; private set; } = string.Empty;

    public ApprovalTaskStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the task started waiting for its assignee (inbox waiting time counts from here).</summary>
    public DateTimeOffset? WaitingSince { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public Guid? DecidedById { get; private set; }

    public Guid? OnBehalfOfId { get; private set; }

    public string? Comment { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset? RemindAt { get; private set; }

    public DateTimeOffset? RemindedAt { get; private set; }

    public DateTimeOffset? DeadlineAt { get; private set; }

    public TimeoutAction? OnTimeout { get; private set; }

    public Guid? EscalatedFromId { get; private set; }

    public bool IsOpen => Status is ApprovalTaskStatus.Waiting or ApprovalTaskStatus.Queued;

    internal static ApprovalTask Create(Guid approvalId, int stepIndex, int order, StepKind kind, Assignee assignee, ApprovalTaskStatus status, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), ApprovalId = approvalId, StepIndex = stepIndex, Order = order, Kind = kind, AssigneeId = assignee.PersonId,
        AssigneeName = assignee.Name, Status = status, CreatedAt = at, Note = assignee.Note,
    };

    internal void StartWaiting(SlaDefinition? sla, DateTimeOffset at, bool canEscalate = true)
    {
        Status = ApprovalTaskStatus.Waiting;
        WaitingSince = at;
        RemindAt = sla?.RemindAfterHours is { } r ? at.AddHours(r) : null;
        if (canEscalate && sla?.EscalateAfterHours is { } e)
        {
            DeadlineAt = at.AddHours(e);
            OnTimeout = sla.AutoAction switch
            {
                AutoAction.Approve => TimeoutAction.AutoApprove,
                AutoAction.Reject => TimeoutAction.AutoReject,
                _ => TimeoutAction.Escalate,
            };
        }
    }

    internal void Complete(ApprovalTaskStatus status, Guid? decidedBy, Guid? onBehalfOf, string? comment, string? note, DateTimeOffset at)
    {
        Status = status;
        DecidedById = decidedBy;
        OnBehalfOfId = onBehalfOf;
        Comment = comment;
        Note = note ?? Note;
        CompletedAt = at;
        RemindAt = null;
        DeadlineAt = null;
    }

    internal void MarkReminded(DateTimeOffset at)
    {
        RemindedAt = at;
        RemindAt = null;
    }

    internal void DropDeadline(DateTimeOffset at)
    {
        DeadlineAt = null;
        OnTimeout = null;
        RemindAt = null;
        RemindedAt = at;
    }

    internal void LinkEscalation(Guid fromTaskId) => EscalatedFromId = fromTaskId;

    public void MarkOpened(DateTimeOffset at) => OpenedAt ??= at;

    public void MarkRead(DateTimeOffset at)
    {
        if (Status == ApprovalTaskStatus.Unread)
        {
            Status = ApprovalTaskStatus.Read;
            CompletedAt = at;
        }
    }
}

/// <summary>A person a step resolved to, with a note for the record (e.g. "fallback", "manager of the submitter").</summary>
public sealed record Assignee(Guid PersonId, string Name, string? Note = null);
