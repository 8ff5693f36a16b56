using ExpenseFlow.BuildingBlocks.Events;

namespace ExpenseFlow.Approvals.Contracts;

/// <summary>An approval began for a submitted claim; its first tasks are waiting.</summary>
public sealed record ApprovalStarted(Guid ApprovalId, Guid ClaimId, Guid FlowId, string FlowName, int FlowVersion, DateTimeOffset StartedAt) : IntegrationEvent;

/// <summary>
/// One approver's task ended: decided by a person (possibly on behalf of the assignee), by the system (automatic
/// action on timeout, 去重 skip) or closed because the step no longer needed it. <c>Note</c> says how the system
/// ended it: <c>timeout</c> (escalated), <c>auto</c> (automatic action at the deadline), <c>dedupe</c>, …
/// </summary>
public sealed record ApprovalTaskCompleted(
    Guid ApprovalId, Guid ClaimId, Guid TaskId, string StepKey, string StepKind, Guid AssigneeId, Guid? DecidedById, Guid? OnBehalfOfId,
    string Outcome, DateTimeOffset CreatedAt, DateTimeOffset? OpenedAt, DateTimeOffset CompletedAt,
    string? FlowName = null, string? StepName = null, string? Note = null, DateTimeOffset? WaitingSince = null, DateTimeOffset? RemindedAt = null) : IntegrationEvent;

/// <summary>A waiting task passed its reminder time.</summary>
public sealed record ApprovalReminderDue(Guid ApprovalId, Guid ClaimId, Guid TaskId, Guid AssigneeId, DateTimeOffset At) : IntegrationEvent;

/// <summary>A waiting task passed its escalation time and moved to someone else.</summary>
public sealed record ApprovalEscalated(Guid ApprovalId, Guid ClaimId, Guid TaskId, Guid FromAssigneeId, Guid NewTaskId, Guid ToAssigneeId, DateTimeOffset At) : IntegrationEvent;

/// <summary>Every blocking step approved: the claim may be paid.</summary>
public sealed record ClaimApproved(Guid ClaimId, Guid ApprovalId, Guid LastDeciderId, Guid? OnBehalfOfId, DateTimeOffset ApprovedAt) : IntegrationEvent;

/// <summary>驳回: the claim is refused for good.</summary>
public sealed record ClaimRejected(Guid ClaimId, Guid ApprovalId, Guid DeciderId, Guid? OnBehalfOfId, string? Comment, DateTimeOffset RejectedAt) : IntegrationEvent;

/// <summary>退回: the claim goes back to the employee for correction and may be resubmitted.</summary>
public sealed record ClaimReturned(Guid ClaimId, Guid ApprovalId, Guid DeciderId, Guid? OnBehalfOfId, string? Comment, DateTimeOffset ReturnedAt) : IntegrationEvent;
