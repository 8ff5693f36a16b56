namespace ExpenseFlow.Approvals.Contracts;

/// <summary>Text column lengths of the module, declared once for the EF mappings and the request records.</summary>
public static class ApprovalsLimits
{
    public const int FlowCode = 40;
    public const int Name = 100;
    public const int Comment = 1000;
}
