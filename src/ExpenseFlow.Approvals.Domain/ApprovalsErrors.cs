using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Approvals.Domain;

/// <summary>Every rule of the Approvals module a caller can break, with its stable code.</summary>
public static class ApprovalsErrors
{
    public static readonly Error TaskNotFound = Error.NotFound("Approvals.TaskNotFound", "The approval task", "审批任务");

    public static readonly Error ApprovalNotFound = Error.NotFound("Approvals.ApprovalNotFound", "The approval", "审批");

    public static readonly Error FlowNotFound = Error.NotFound("Approvals.FlowNotFound", "The approval flow", "审批流程");

    public static readonly Error TaskClosed = new("Approvals.TaskClosed", ErrorKind.Conflict,
        "This task has already been decided or closed; refresh to see its state.", "该审批任务已被处理或已关闭，请刷新查看最新状态。");

    public static readonly Error NotYourTask = new("Approvals.NotYourTask", ErrorKind.Forbidden,
        "Only the assignee, or the person they delegated to for today, can decide this task.", "只有审批人本人或其当日的代理人可以处理该任务。");

    public static readonly Error OwnClaim = new("Approvals.OwnClaim", ErrorKind.Forbidden,
        "Nobody decides their own claim, in person or on behalf of someone else.", "任何人都不能审批本人提交的报销单，无论是本人审批还是代理审批。");

    public static readonly Error ClaimCancelled = new("Approvals.ClaimCancelled", ErrorKind.Conflict,
        "The submitter has withdrawn this claim; there is nothing left to decide.", "提交人已撤回该报销单，无需再审批。");

    public static readonly Error NotADecisionTask = new("Approvals.NotADecisionTask", ErrorKind.Conflict,
        "A notify-only task has nothing to decide.", "知会（抄送）任务无需审批。");

    public static Error InvalidDecision(string value) => new("Approvals.InvalidDecision", ErrorKind.Validation,
        $"'{value}' is not a decision: use approve, reject or return.", $"“{value}”不是有效的审批意见：请使用 approve、reject 或 return。");

    public static readonly Error CommentRequired = new("Approvals.CommentRequired", ErrorKind.Validation,
        "Say why when rejecting or returning a claim.", "驳回或退回时请填写原因。");

    public static readonly Error InvalidDefinition = new("Approvals.InvalidDefinition", ErrorKind.Validation,
        "The flow definition is not valid; see the errors listed.", "流程定义无效，请查看列出的错误。");

    public static readonly Error DuplicateFlowCode = new("Approvals.DuplicateFlowCode", ErrorKind.Conflict,
        "Another flow already uses this code.", "已有其他流程使用该编码。");

    public static readonly Error DefaultFlowRequired = new("Approvals.DefaultFlowRequired", ErrorKind.Conflict,
        "The default flow cannot be deactivated or made conditional: one flow must always apply.", "默认流程不能停用或设置条件：必须始终有一个流程适用。");

    public static readonly Error PreviewNeedsClaim = new("Approvals.PreviewNeedsClaim", ErrorKind.Validation,
        "Name an existing claim or describe a sample claim to preview.", "请指定已有报销单或填写示例报销单以预览。");

    public static readonly Error ClaimNotVisible = Error.NotFound("Approvals.ClaimNotFound", "The claim", "报销单");

    public static readonly Error TooManyTasks = new("Approvals.TooManyTasks", ErrorKind.Validation,
        "Approve at most 100 tasks at once.", "一次最多批量审批100个任务。");
}
