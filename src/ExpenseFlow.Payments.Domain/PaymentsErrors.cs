using ExpenseFlow.BuildingBlocks.Errors;

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
}
