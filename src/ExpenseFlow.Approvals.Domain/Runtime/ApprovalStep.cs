using ExpenseFlow.Approvals.Domain.Definitions;

namespace ExpenseFlow.Approvals.Domain.Runtime;

public enum ApprovalStepStatus
{
    Pending,
    Active,
    Approved,
    Rejected,
    Returned,

    /// <summary>The step's condition did not match the claim.</summary>
    Skipped,

    /// <summary>Notify-only: the people were informed; nothing to wait for.</summary>
    Notified,
    Cancelled,

    /// <summary>Nobody could be found to decide, not even through the fallback.</summary>
    Unassigned,
}

/// <summary>A step of a running approval: a snapshot of the definition's step, with its progress.</summary>
public sealed class ApprovalStep
{
    private ApprovalStep()
    {
    }

    public Guid ApprovalId { get; private set; }

    public int Index { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string? NameEn { get; private set; }

    public StepKind Kind { get; private set; }

    public StepMode Mode { get; private set; }

    public ApprovalStepStatus Status { get; internal set; }

    public DateTimeOffset? ActivatedAt { get; internal set; }

    public DateTimeOffset? CompletedAt { get; internal set; }

    public string? Note { get; internal set; }

    internal static ApprovalStep Create(Guid approvalId, int index, StepDefinition definition, bool applies) => new()
    {
        ApprovalId = approvalId, Index = index, Key = definition.Key, Name = definition.Name, NameEn = definition.NameEn, Kind = definition.Kind,
        Mode = definition.Mode, Status = applies ? ApprovalStepStatus.Pending : ApprovalStepStatus.Skipped, Note = applies ? null : "condition-not-met",
    };
}
