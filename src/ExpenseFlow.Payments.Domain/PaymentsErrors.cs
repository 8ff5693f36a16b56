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

    public static readonly Error MixedBatch = new("Payments.MixedBatch", ErrorKind.Validation,
        "A batch pays from one legal entity in one currency.", "一个批次只能由一个法人主体以一种币种付款。");

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
