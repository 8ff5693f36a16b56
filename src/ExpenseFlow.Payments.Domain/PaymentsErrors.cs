using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Payments.Domain.BankFiles;

namespace ExpenseFlow.Payments.Domain;

/// <summary>Every rule of the Payments module a caller can break, with its stable code.</summary>
public static class PaymentsErrors
{
    public static readonly Error BatchNotFound = Error.NotFound("Payments.BatchNotFound", "The payment batch", "付款批次");

    public static readonly Error NothingToPay = new("Payments.NothingToPay", ErrorKind.Validation,
        "No open payable matches the selection.", "没有符合条件的待付款项。");

    public static readonly Error MakerCannotRelease = new("Payments.MakerCannotRelease", ErrorKind.Forbidden,
        "The person who built a batch cannot release it; another finance user must (maker-checker).", "批次制单人不能自行复核发放，须由另一位财务人员复核。");

    public static Error BatchNotInState(string state) => new("Payments.BatchState", ErrorKind.Conflict,
        $"Only a batch in state {state} can do this.", $"只有状态为{state}的批次可以执行此操作。");

    public static readonly Error PayableTaken = new("Payments.PayableTaken", ErrorKind.Conflict,
        "A selected claim is already in another active batch.", "所选报销单已在其他有效批次中。");

    /// <summary>Claims whose state no longer allows paying them (e.g. "EXP-2026-000123 Cancelled"), re-checked when money is about to move.</summary>
    public static Error ClaimNotPayable(IReadOnlyList<(string Number, string State)> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        const int shown = 10;
        var more = claims.Count > shown ? claims.Count - shown : 0;
        var en = string.Join(", ", claims.Take(shown).Select(c => $"{c.Number} ({c.State})"));
        var zh = string.Join("、", claims.Take(shown).Select(c => $"{c.Number}（{StateZh(c.State)}）"));
        return new("Payments.ClaimNotPayable", ErrorKind.Conflict,
            $"These claims are no longer approved for payment: {en}{(more > 0 ? $" and {more} more" : "")}. Build the batch without them (cancel a draft that holds them first).",
            $"以下报销单已不再处于可付款状态：{zh}{(more > 0 ? $"等另 {more} 张" : "")}。请不含这些报销单重新制单（已含这些报销单的草稿批次请先取消）。");
    }

    private static string StateZh(string state) => state switch
    {
        "Cancelled" => "已撤回",
        "Rejected" => "已驳回",
        "Returned" => "已退回",
        "Paid" => "已付款",
        "Draft" => "草稿",
        "Submitted" or "InApproval" => "审批中",
        "Missing" => "不存在",
        _ => state,
    };

    public static readonly Error MixedBatch = new("Payments.MixedBatch", ErrorKind.Validation,
        "A batch pays from one legal entity in one currency.", "一个批次只能由一个法人主体以一种币种付款。");

    /// <summary>A statement whose account is not a paying account of any legal entity: it proves nothing about our payments.</summary>
    public static Error ForeignStatementAccount(string masked) => new("Payments.ForeignStatementAccount", ErrorKind.Validation,
        $"The statement is for account {masked}, which is not the bank account of any of the company's legal entities; nothing was imported.",
        $"对账单账户 {masked} 不是本公司任何法人主体的银行账户，未导入任何内容。");

    public static readonly Error StatementAccountMissing = new("Payments.StatementAccountMissing", ErrorKind.Validation,
        "The statement does not say which account it is for; for a CSV export give the account in the profile (account) or the column that carries it (accountColumn). Nothing was imported.",
        "对账单未注明账户；CSV 导出请在列配置中填写账号（account）或账号所在列（accountColumn）。未导入任何内容。");

    public static readonly Error StatementAccountsDiffer = new("Payments.StatementAccountsDiffer", ErrorKind.Validation,
        "The CSV rows name more than one account, or not the account the profile gives; import one account's export at a time. Nothing was imported.",
        "CSV 各行的账号不一致，或与列配置中的账号不符；请每次导入一个账户的导出文件。未导入任何内容。");

    public static readonly Error NoCompanyAccount = new("Payments.NoCompanyAccount", ErrorKind.Validation,
        "No legal entity has a bank account number, so no statement can be checked; an administrator sets it under legal entities.",
        "尚无法人主体设置银行账号，无法核对对账单；请管理员在法人主体中填写。");

    public static readonly Error ReturnNeedsSecondUser = new("Payments.ReturnNeedsSecondUser", ErrorKind.Forbidden,
        "The person who proposed reopening this payment cannot confirm it; another finance user must (maker-checker).",
        "提出重新打开该笔付款的人员不能自行确认，须由另一位财务人员确认。");

    public static readonly Error NoReturnProposed = new("Payments.NoReturnProposed", ErrorKind.Conflict,
        "No reopening is proposed for this entry (it was confirmed, declined or never proposed).", "该明细没有待确认的重新打开申请（已确认、已拒绝或从未提出）。");

    public static readonly Error TemplateNotFound = Error.NotFound("Payments.TemplateNotFound", "The bank template", "银行模板");

    public static readonly Error TemplateCodeTaken = new("Payments.TemplateCodeTaken", ErrorKind.Conflict,
        "A bank template with this code already exists; open it to change it.", "已存在该编码的银行模板，请打开后修改。");

    /// <summary>The template cannot be saved; the message names the problems (the first few), each is also a field error.</summary>
    public static Error InvalidTemplate(IReadOnlyList<TemplateProblem> problems)
    {
        const int shown = 5;
        var more = problems.Count > shown ? problems.Count - shown : 0;
        return new("Payments.InvalidTemplate", ErrorKind.Validation,
            $"The bank template cannot be saved: {string.Join(" ", problems.Take(shown).Select(p => p.English))}{(more > 0 ? $" ({more} more)" : "")}",
            $"银行模板无法保存：{string.Join("", problems.Take(shown).Select(p => p.Chinese))}{(more > 0 ? $"（另有 {more} 项）" : "")}");
    }
}
