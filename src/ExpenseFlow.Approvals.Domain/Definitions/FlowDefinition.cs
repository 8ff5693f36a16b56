namespace ExpenseFlow.Approvals.Domain.Definitions;

/// <summary>
/// A flow's definition, parsed from its stored JSON (see <see cref="FlowDefinitionParser"/>): when it applies, its steps,
/// whether repeated approvers are skipped (去重), and who decides when a step resolves to nobody.
/// </summary>
public sealed record FlowDefinition(Condition? When, bool Dedupe, ApproverRule Fallback, IReadOnlyList<StepDefinition> Steps);

public enum StepKind
{
    Approval,
    Notify,
    FinanceReview,
}

public enum StepMode
{
    /// <summary>依次: the approvers decide one after another.</summary>
    Sequential,

    /// <summary>会签: every approver must approve.</summary>
    All,

    /// <summary>或签: the first approval decides.</summary>
    Any,
}

public sealed record StepDefinition(
    string Key, string Name, string? NameEn, StepKind Kind, StepMode Mode, IReadOnlyList<ApproverRule> Approvers, Condition? When, SlaDefinition? Sla);

public enum ApproverType
{
    /// <summary>The submitter's manager, <see cref="ApproverRule.Levels"/> up the reporting line.</summary>
    Manager,

    /// <summary>The head of the submitter's department (or of the nearest parent that has one).</summary>
    DepartmentHead,

    /// <summary>Everyone holding a role.</summary>
    Role,

    /// <summary>A named person.</summary>
    Person,
}

public sealed record ApproverRule(ApproverType Type, int Levels = 1, string? Role = null, Guid? PersonId = null)
{
    public static readonly ApproverRule AdminRole = new(ApproverType.Role, Role: "Admin");

    public string Describe() => Type switch
    {
        ApproverType.Manager => Levels == 1 ? "manager" : $"manager+{Levels}",
        ApproverType.DepartmentHead => "departmentHead",
        ApproverType.Role => $"role:{Role}",
        _ => $"person:{PersonId}",
    };
}

public enum AutoAction
{
    Approve,
    Reject,
}

/// <summary>超时: remind after some hours; later escalate to someone, or act automatically.</summary>
public sealed record SlaDefinition(double? RemindAfterHours, double? EscalateAfterHours, ApproverRule? EscalateTo, AutoAction? AutoAction);
