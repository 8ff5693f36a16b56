using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace ExpenseFlow.Approvals.Contracts;

/// <summary>A line of an approver's inbox: a task, with what the approver needs to triage it.</summary>
public sealed record InboxItemDto(
    Guid TaskId, Guid ApprovalId, Guid ClaimId, string ClaimNumber, string ClaimTitle, Guid SubmitterId, string SubmitterName,
    decimal Amount, string Currency, string StepKey, string StepName, string StepKind, string Status, DateTimeOffset CreatedAt,
    double WaitingHours, Guid AssigneeId, string AssigneeName, bool OnBehalf, DateTimeOffset? RemindedAt, DateTimeOffset? EscalateAt,
    string? Outcome, DateTimeOffset? CompletedAt);

public sealed record ApprovalTaskDto(
    Guid Id, Guid AssigneeId, string AssigneeName, string Status, string? Outcome, string? Comment, Guid? DecidedById, string? DecidedByName,
    Guid? OnBehalfOfId, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, DateTimeOffset? RemindedAt, string? Note);

public sealed record ApprovalStepDto(
    int Index, string Key, string Name, string Kind, string Mode, string Status, DateTimeOffset? ActivatedAt, DateTimeOffset? CompletedAt,
    string? Note, IReadOnlyList<ApprovalTaskDto> Tasks);

public sealed record ApprovalDto(
    Guid Id, Guid ClaimId, string ClaimNumber, string ClaimTitle, Guid SubmitterId, string SubmitterName, decimal Amount, string Currency,
    string Status, Guid FlowId, string FlowName, int FlowVersion, int Round, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt,
    IReadOnlyList<ApprovalStepDto> Steps);

public sealed record DecisionRequest([MaxLength(16)] string Decision, [MaxLength(ApprovalsLimits.Comment)] string? Comment);

public sealed record BatchApproveRequest([MaxItems(200)] IReadOnlyList<Guid> TaskIds, [MaxLength(ApprovalsLimits.Comment)] string? Comment);

public sealed record BatchItemResultDto(Guid TaskId, bool Ok, string? Code, string? Message);

public sealed record FlowSummaryDto(
    Guid Id, string Code, string Name, int Priority, bool IsDefault, bool IsActive, int Version, DateTimeOffset UpdatedAt, string? UpdatedByName);

public sealed record FlowVersionDto(int Version, DateTimeOffset CreatedAt, string? CreatedByName);

public sealed record FlowDto(
    Guid Id, string Code, string Name, int Priority, bool IsDefault, bool IsActive, int Version, JsonElement Definition,
    IReadOnlyList<FlowVersionDto> Versions);

public sealed record SaveFlowRequest([Code(ApprovalsLimits.FlowCode)] string Code, [MaxLength(ApprovalsLimits.Name)] string Name, [Range(0, 100_000)] int? Priority, bool? IsActive, JsonElement Definition);

public sealed record DefinitionErrorDto(string Path, string Code, string Message);

public sealed record ValidationResultDto(bool Valid, IReadOnlyList<DefinitionErrorDto> Errors);

/// <summary>A claim to preview a flow on: an existing claim, or facts typed in.</summary>
public sealed record PreviewRequest(Guid? FlowId, JsonElement? Definition, Guid? ClaimId, PreviewSample? Sample);

public sealed record PreviewSample(
    Guid SubmitterId, [Money] decimal Amount, IReadOnlyList<string>? Categories, IReadOnlyList<string>? CostCentres, Guid? LegalEntityId);

public sealed record PreviewApproverDto(Guid PersonId, string Name, string? Note);

public sealed record PreviewStepDto(string Key, string Name, string Kind, string Mode, bool Applies, string? Note, IReadOnlyList<PreviewApproverDto> Approvers);

public sealed record PreviewDto(Guid? FlowId, string FlowName, int? FlowVersion, IReadOnlyList<PreviewStepDto> Steps);
