using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Expenses.Domain.Policies;

namespace ExpenseFlow.Expenses.Domain;

/// <summary>Every rule of the Expenses module a caller can break, with its stable code.</summary>
public static class ExpensesErrors
{
    public static Error InvalidTransition(string from, string to) => new("Expenses.InvalidTransition", ErrorKind.Conflict,
        $"A claim in state {from} cannot become {to}.", $"状态为{from}的报销单不能变为{to}。");

    public static readonly Error AlreadyDecided = new("Expenses.AlreadyDecided", ErrorKind.Conflict,
        "The approval of this claim has already been decided, so it can no longer be withdrawn; refresh to see its state.",
        "该报销单的审批已有结果，不能再撤回，请刷新查看最新状态。");

    public static readonly Error NotEditable = new("Expenses.NotEditable", ErrorKind.Conflict,
        "Only a draft or a returned claim can be changed.", "只有草稿或被退回的报销单可以修改。");

    public static readonly Error NoLines = new("Expenses.NoLines", ErrorKind.Validation,
        "Add at least one expense line before submitting.", "提交前请至少添加一条费用明细。");

    public static readonly Error AmountNotPositive = new("Expenses.AmountNotPositive", ErrorKind.Validation,
        "The amount must be greater than zero.", "金额必须大于零。");

    public static readonly Error DocumentIndexInvalid = new("Expenses.DocumentIndexInvalid", ErrorKind.Validation,
        "A line's document index must name one of its file's documents (0 to 49) and needs a receipt.",
        "明细的票据序号必须对应所附文件中的一张票据（0 至 49），且须附有票据。");

    public static Error DocumentTwiceInClaim(int index) => new("Expenses.DuplicateInvoice", ErrorKind.Conflict,
        $"Document {index + 1} of the same file is on two lines of this claim.", $"同一文件中的第{index + 1}张票据出现在本报销单的两行中。");

    public static readonly Error TripDatesInvalid = new("Expenses.TripDatesInvalid", ErrorKind.Validation,
        "A trip needs both its first and last day, the last not before the first, at most 366 days apart.",
        "行程须同时填写开始和结束日期，结束不早于开始，且相隔不超过366天。");

    public static readonly Error TravellersInvalid = new("Expenses.TravellersInvalid", ErrorKind.Validation,
        "List at most 20 travelling colleagues, each name at most 64 characters.", "同行人最多20位，每个姓名不超过64个字符。");

    public static readonly Error TravelClassRuleNotFound = new("Expenses.TravelClassRuleNotFound", ErrorKind.NotFound,
        "That grade has no travel class rule of its own.", "该职级没有单独的差标规则。");

    public static readonly Error TravelClassDefaultRequired = new("Expenses.TravelClassDefaultRequired", ErrorKind.Conflict,
        "The rule for everyone without a rule of their own cannot be removed; change its classes instead.",
        "适用于所有未单独设置职级的默认差标不能删除，请修改其允许的席别和舱位。");

    public static readonly Error TravelClassRuleInvalid = new("Expenses.TravelClassRuleInvalid", ErrorKind.Validation,
        "Allowed train classes are seat classes as tickets print them (e.g. 二等座) and cabins are economy, premium-economy, business or first; at most 20 of each.",
        "允许的火车席别须为车票上印的席别（如二等座），舱位须为 economy、premium-economy、business 或 first，各不超过20项。");

    public static Error Required(string field, string fieldZh) => new("Expenses.Required", ErrorKind.Validation,
        $"{field} is required.", $"{fieldZh}为必填项。");

    public static Error InvalidCurrency(string value) => new("Expenses.InvalidCurrency", ErrorKind.Validation,
        $"'{value}' is not a three-letter currency code.", $"“{value}”不是三位字母的币种代码。");

    public static Error DuplicateInvoice(string invoice) => new("Expenses.DuplicateInvoice", ErrorKind.Conflict,
        $"Invoice {invoice} has already been claimed and cannot be reimbursed again.", $"发票{invoice}已被报销过，不能重复报销。");

    public static Error DuplicateTicket(string kind, string serial) => new("Expenses.DuplicateInvoice", ErrorKind.Conflict,
        $"The {Claims.TicketNames.English(kind)} {serial} has already been claimed and cannot be reimbursed again.",
        $"{Claims.TicketNames.Chinese(kind)}{serial}已被报销过，不能重复报销。");

    public static Error DuplicateInvoiceInClaim(string invoice) => new("Expenses.DuplicateInvoice", ErrorKind.Conflict,
        $"Invoice {invoice} appears on more than one line of this claim.", $"发票{invoice}在本报销单中出现了多次。");

    /// <summary>The same file bytes cannot be reimbursed twice; one code with invoices, as it is the same fraud.</summary>
    public static Error DuplicateReceipt(string fileName) => new("Expenses.DuplicateInvoice", ErrorKind.Conflict,
        $"The receipt file '{fileName}' has already been claimed in another claim and cannot be reimbursed again.",
        $"票据文件“{fileName}”已在其他报销单中报销，不能重复报销。");

    /// <summary>The answer to a blocking identity finding (see ClaimDocuments), with the finding's own message.</summary>
    public static Error FromIdentityFinding(PolicyFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var (code, kind) = finding.Rule switch
        {
            "DuplicateInvoice" or "DuplicateReceipt" => ("Expenses.DuplicateInvoice", ErrorKind.Conflict),
            "InvoiceIdentityMismatch" => ("Expenses.InvoiceIdentityMismatch", ErrorKind.Unprocessable),
            "RecognitionPending" => ("Expenses.RecognitionPending", ErrorKind.Conflict),
            _ => ("Expenses.InvoiceIdentityInvalid", ErrorKind.Validation),
        };
        return new Error(code, kind, finding.English, finding.Chinese);
    }

    /// <summary>Identity rules in the order submit reports them: a duplicate is the verdict that matters most.</summary>
    public static readonly IReadOnlyList<string> IdentityRules = ["DuplicateInvoice", "DuplicateReceipt", "InvoiceIdentityMismatch", "RecognitionPending", "InvoiceIdentityInvalid"];

    public static readonly Error PolicyBlocked = new("Expenses.PolicyBlocked", ErrorKind.Unprocessable,
        "The claim breaks a blocking policy rule; see the findings.", "报销单违反了强制性报销制度，请查看检查结果。");

    public static readonly Error JustificationRequired = new("Expenses.JustificationRequired", ErrorKind.Unprocessable,
        "Every policy warning needs a written justification before submitting.", "提交前须为每条制度提醒填写说明。");

    public static readonly Error ClaimNotFound = Error.NotFound("Expenses.ClaimNotFound", "The claim", "该报销单");
    public static readonly Error LineNotFound = Error.NotFound("Expenses.LineNotFound", "The expense line", "该费用明细");
    public static readonly Error ReceiptNotFound = Error.NotFound("Expenses.ReceiptNotFound", "The receipt", "该票据");

    public static Error UnknownCategory(string value) => new("Expenses.UnknownCategory", ErrorKind.Validation,
        $"Expense category '{value}' does not exist.", $"费用类别“{value}”不存在。");

    public static readonly Error ReceiptInUse = new("Expenses.ReceiptInUse", ErrorKind.Conflict,
        "This receipt is attached to another claim.", "该票据已关联到其他报销单。");
}
