namespace ExpenseFlow.Insights.Application.Roi;

/// <summary>Soft metrics management enters from its own surveys; shown labelled as entered, never mixed with measured ones.</summary>
public static class SurveyCatalog
{
    public sealed record Item(string Key, string NameEn, string NameZh, string Scale, decimal Min, decimal Max);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("employeeSatisfaction", "Employee satisfaction with reimbursement", "员工对报销的满意度", "1–5", 1, 5),
        new("approverSatisfaction", "Approver satisfaction", "审批人满意度", "1–5", 1, 5),
        new("financeSatisfaction", "Finance team satisfaction", "财务人员满意度", "1–5", 1, 5),
        new("responsePerception", "Perceived response speed", "感知的响应速度", "1–5", 1, 5),
        new("nps", "Employee NPS for reimbursement", "员工报销 NPS", "−100–100", -100, 100),
    ];
}
