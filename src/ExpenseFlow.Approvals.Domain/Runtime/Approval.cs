using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Approvals.Domain.Runtime;

public enum ApprovalStatus
{
    Running,
    Approved,
    Rejected,
    Returned,
    Cancelled,

    /// <summary>A step resolved to nobody, fallback included: an administrator must fix the organization data.</summary>
    Stuck,
}

public enum Decision
{
    Approve,
    Reject,
    Return,
}

/// <summary>
/// The approval of one submission of a claim, following one version of a flow. Steps run in order; a step's tasks are
/// decided by its mode; a rejection or return ends the approval; the last step approved approves the claim.
/// Person resolution happens outside (it needs the directory): the caller activates the next step with its assignees.
/// </summary>
public sealed class Approval : AggregateRoot<Guid>
{
    private readonly List<ApprovalStep> _steps = [];
    private readonly List<ApprovalTask> _tasks = [];
    private readonly List<ApprovalOutcome> _outcomes = [];

    private Approval()
    {
    }

    public Guid ClaimId { get; private set; }

    public string ClaimNumber { get; private set; } = string.Empty;

    public string ClaimTitle { get; private set; } = string.Empty;

    public Guid SubmitterId { get; private set; }

    public string SubmitterName { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "CNY";

    public Guid FlowId { get; private set; }

    public string FlowName { get; private set; } = string.Empty;

    public Guid FlowVersionId { get; private set; }

    public int FlowVersion { get; private set; }

    /// <summary>1 for the first submission, 2 after the first resubmission, …</summary>
    public int Round { get; private set; }

    public bool Dedupe { get; private set; }

    public ApprovalStatus Status { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The claim facts the conditions were evaluated on (JSON), kept for the record.</summary>
    public string FactsJson { get; private set; } = "{}";

    public IReadOnlyList<ApprovalStep> Steps => _steps;

    public IReadOnlyList<ApprovalTask> Tasks => _tasks;

    /// <summary>What happened in this unit of work, for the caller to publish.</summary>
    public IReadOnlyList<ApprovalOutcome> Outcomes => _outcomes;

    public static Approval Start(
        Guid id, ClaimInfo claim, Guid flowId, string flowName, Guid flowVersionId, int flowVersion, int round, FlowDefinition definition,
        ClaimFacts facts, string factsJson, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(definition);
        var approval = new Approval
        {
            Id = id, ClaimId = claim.ClaimId, ClaimNumber = claim.Number, ClaimTitle = claim.Title, SubmitterId = claim.SubmitterId,
            SubmitterName = claim.SubmitterName, Amount = claim.Amount, Currency = claim.Currency, FlowId = flowId, FlowName = flowName,
            FlowVersionId = flowVersionId, FlowVersion = flowVersion, Round = round, Dedupe = definition.Dedupe, Status = ApprovalStatus.Running,
            StartedAt = at, FactsJson = factsJson,
        };
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            approval._steps.Add(ApprovalStep.Create(id, i, step, step.When?.Evaluate(facts) ?? true));
        }

        return approval;
    }

    /// <summary>The step to activate next, when the approval runs and no step is active.</summary>
    public ApprovalStep? NextStep() =>
        Status == ApprovalStatus.Running && _steps.All(s => s.Status != ApprovalStepStatus.Active)
            ? _steps.OrderBy(s => s.Index).FirstOrDefault(s => s.Status == ApprovalStepStatus.Pending)
            : null;

    /// <summary>Creates the step's tasks for the people it resolved to; an empty list leaves the approval stuck.</summary>
    public void Activate(int stepIndex, IReadOnlyList<Assignee> assignees, SlaDefinition? sla, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(assignees);
        var step = _steps.Single(s => s.Index == stepIndex);
        if (step.Status != ApprovalStepStatus.Pending || Status != ApprovalStatus.Running)
        {
            throw new InvalidOperationException($"Step {stepIndex} is {step.Status}; approval is {Status}.");
        }

        step.ActivatedAt = at;
        var people = assignees.DistinctBy(a => a.PersonId).ToList();
        if (people.Count == 0)
        {
            step.Status = ApprovalStepStatus.Unassigned;
            step.Note = "nobody-resolved";
            Status = ApprovalStatus.Stuck;
            _outcomes.Add(new ApprovalStuck(this, step));
            return;
        }

        step.Status = ApprovalStepStatus.Active;
        if (step.Kind == StepKind.Notify)
        {
            foreach (var person in people)
            {
                _tasks.Add(ApprovalTask.Create(Id, stepIndex, _tasks.Count, step.Kind, person, ApprovalTaskStatus.Unread, at));
            }

            Finish(step, ApprovalStepStatus.Notified, at);
            return;
        }

        for (var i = 0; i < people.Count; i++)
        {
            var task = ApprovalTask.Create(Id, stepIndex, i, step.Kind, people[i], ApprovalTaskStatus.Queued, at);
            _tasks.Add(task);
            if (step.Mode != StepMode.Sequential)
            {
                Open(task, sla, at);
            }
        }

        Progress(step, sla, at);
    }

    /// <summary>A person's decision on a waiting task. Rejection or return ends the approval.</summary>
    public ApprovalTask Decide(Guid taskId, Decision decision, Guid actor, Guid? onBehalfOf, string? comment, DateTimeOffset at, SlaDefinition? sla, string? note = null)
    {
        var task = _tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new DomainException(ApprovalsErrors.TaskNotFound);
        if (task.Kind == StepKind.Notify)
        {
            throw new DomainException(ApprovalsErrors.NotADecisionTask);
        }

        if (task.Status != ApprovalTaskStatus.Waiting || Status != ApprovalStatus.Running)
        {
            throw new DomainException(ApprovalsErrors.TaskClosed);
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()[..Math.Min(1000, comment.Trim().Length)];
        if (decision != Decision.Approve && text is null)
        {
            throw new DomainException(ApprovalsErrors.CommentRequired);
        }

        var step = _steps.Single(s => s.Index == task.StepIndex);
        var status = decision switch
        {
            Decision.Approve => ApprovalTaskStatus.Approved,
            Decision.Reject => ApprovalTaskStatus.Rejected,
            _ => ApprovalTaskStatus.Returned,
        };
        task.Complete(status, actor, onBehalfOf, text, note, at);
        _outcomes.Add(new TaskEnded(this, task));
        if (decision == Decision.Approve)
        {
            Progress(step, sla, at);
            return task;
        }

        Finish(step, decision == Decision.Reject ? ApprovalStepStatus.Rejected : ApprovalStepStatus.Returned, at);
        End(decision == Decision.Reject ? ApprovalStatus.Rejected : ApprovalStatus.Returned, actor, onBehalfOf, text, at);
        return task;
    }

    /// <summary>Approves the claim when no step is left to run.</summary>
    public void CompleteIfDone(DateTimeOffset at)
    {
        if (Status == ApprovalStatus.Running && _steps.All(s => s.Status is not (ApprovalStepStatus.Pending or ApprovalStepStatus.Active)))
        {
            var last = _tasks.Where(t => t.Status == ApprovalTaskStatus.Approved).MaxBy(t => t.CompletedAt);
            End(ApprovalStatus.Approved, last?.DecidedById ?? Guid.Empty, last?.OnBehalfOfId, null, at);
        }
    }

    public void Remind(Guid taskId, DateTimeOffset at)
    {
        var task = _tasks.Single(t => t.Id == taskId);
        if (task.Status == ApprovalTaskStatus.Waiting && task.RemindAt is not null)
        {
            task.MarkReminded(at);
            _outcomes.Add(new TaskReminded(this, task));
        }
    }

    /// <summary>A timeout nobody can take over: the task stays with its assignee, reminded once more, without a deadline.</summary>
    public void KeepWithAssignee(Guid taskId, DateTimeOffset at)
    {
        var task = _tasks.Single(t => t.Id == taskId);
        task.DropDeadline(at);
        _outcomes.Add(new TaskReminded(this, task));
    }

    /// <summary>超时升级: the waiting task is handed to <paramref name="target"/> as a new task of the same step (which escalates no further).</summary>
    public ApprovalTask Escalate(Guid taskId, Assignee target, SlaDefinition? sla, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(target);
        var task = _tasks.Single(t => t.Id == taskId);
        if (task.Status != ApprovalTaskStatus.Waiting || Status != ApprovalStatus.Running)
        {
            throw new DomainException(ApprovalsErrors.TaskClosed);
        }

        task.Complete(ApprovalTaskStatus.Escalated, null, null, null, "timeout", at);
        _outcomes.Add(new TaskEnded(this, task));
        var step = _steps.Single(s => s.Index == task.StepIndex);
        var next = ApprovalTask.Create(Id, task.StepIndex, task.Order, task.Kind, target with { Note = target.Note ?? "escalated" }, ApprovalTaskStatus.Queued, at);
        next.LinkEscalation(task.Id);
        _tasks.Add(next);
        Open(next, sla, at, canEscalate: false);
        _outcomes.Add(new TaskEscalated(this, task, next));
        Progress(step, sla, at);
        return next;
    }

    /// <summary>The claim was withdrawn: open tasks close, nothing more happens.</summary>
    public void Cancel(DateTimeOffset at)
    {
        if (Status is not (ApprovalStatus.Running or ApprovalStatus.Stuck))
        {
            return;
        }

        foreach (var step in _steps.Where(s => s.Status is ApprovalStepStatus.Active or ApprovalStepStatus.Pending or ApprovalStepStatus.Unassigned))
        {
            Finish(step, ApprovalStepStatus.Cancelled, at);
        }

        Status = ApprovalStatus.Cancelled;
        CompletedAt = at;
    }

    /// <summary>Hands over what happened since the last call, for publishing.</summary>
    public IReadOnlyList<ApprovalOutcome> TakeOutcomes()
    {
        var taken = _outcomes.ToList();
        _outcomes.Clear();
        return taken;
    }

    public bool HasApproved(Guid personId) =>
        _tasks.Any(t => t.Status == ApprovalTaskStatus.Approved && (t.AssigneeId == personId || t.DecidedById == personId));

    private void Open(ApprovalTask task, SlaDefinition? sla, DateTimeOffset at, bool canEscalate = true)
    {
        // Finance review is a control of its own: 去重 never skips it.
        if (Dedupe && task.Kind != StepKind.FinanceReview && HasApproved(task.AssigneeId))
        {
            task.Complete(ApprovalTaskStatus.Skipped, null, null, null, "dedupe", at);
            _outcomes.Add(new TaskEnded(this, task));
            return;
        }

        task.StartWaiting(sla, at, canEscalate);
    }

    /// <summary>Moves a step on after one of its tasks ended, by its mode.</summary>
    private void Progress(ApprovalStep step, SlaDefinition? sla, DateTimeOffset at)
    {
        var tasks = _tasks.Where(t => t.StepIndex == step.Index && t.Status != ApprovalTaskStatus.Escalated).ToList();
        static bool Passed(ApprovalTask t) => t.Status is ApprovalTaskStatus.Approved or ApprovalTaskStatus.Skipped;
        switch (step.Mode)
        {
            case StepMode.Any when tasks.Any(Passed):
            case StepMode.All when tasks.All(Passed):
                Finish(step, ApprovalStepStatus.Approved, at);
                return;
            case StepMode.Sequential:
                while (tasks.All(t => t.Status != ApprovalTaskStatus.Waiting) && tasks.Where(t => t.Status == ApprovalTaskStatus.Queued).MinBy(t => t.Order) is { } next)
                {
                    Open(next, sla, at);
                }

                if (tasks.All(Passed))
                {
                    Finish(step, ApprovalStepStatus.Approved, at);
                }

                return;
        }
    }

    private void Finish(ApprovalStep step, ApprovalStepStatus status, DateTimeOffset at)
    {
        step.Status = status;
        step.CompletedAt = at;
        foreach (var open in _tasks.Where(t => t.StepIndex == step.Index && t.IsOpen))
        {
            open.Complete(ApprovalTaskStatus.Closed, null, null, null, status == ApprovalStepStatus.Approved ? "step-decided" : "approval-ended", at);
            _outcomes.Add(new TaskEnded(this, open));
        }
    }

    private void End(ApprovalStatus status, Guid decider, Guid? onBehalfOf, string? comment, DateTimeOffset at)
    {
        foreach (var step in _steps.Where(s => s.Status is ApprovalStepStatus.Pending or ApprovalStepStatus.Active))
        {
            Finish(step, ApprovalStepStatus.Cancelled, at);
        }

        Status = status;
        CompletedAt = at;
        _outcomes.Add(new ApprovalEnded(this, status, decider, onBehalfOf, comment, at));
    }
}

/// <summary>The claim an approval is about, as submitted.</summary>
public sealed record ClaimInfo(Guid ClaimId, string Number, string Title, Guid SubmitterId, string SubmitterName, decimal Amount, string Currency);

public abstract record ApprovalOutcome(Approval Approval);

public sealed record TaskEnded(Approval Approval, ApprovalTask Task) : ApprovalOutcome(Approval);

public sealed record TaskReminded(Approval Approval, ApprovalTask Task) : ApprovalOutcome(Approval);

public sealed record TaskEscalated(Approval Approval, ApprovalTask From, ApprovalTask To) : ApprovalOutcome(Approval);

public sealed record ApprovalStuck(Approval Approval, ApprovalStep Step) : ApprovalOutcome(Approval);

public sealed record ApprovalEnded(Approval Approval, ApprovalStatus Status, Guid DeciderId, Guid? OnBehalfOfId, string? Comment, DateTimeOffset At) : ApprovalOutcome(Approval);
