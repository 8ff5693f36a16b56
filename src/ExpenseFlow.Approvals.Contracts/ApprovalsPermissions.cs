using ExpenseFlow.BuildingBlocks.Security;

namespace ExpenseFlow.Approvals.Contracts;

public static class ApprovalsPermissions
{
    /// <summary>Decide the approval tasks assigned to oneself (or delegated to oneself). Anyone can be an approver.</summary>
    public const string Decide = "Approvals.Decide";

    /// <summary>Edit approval flows, preview them, and see every approval.</summary>
    public const string ManageFlows = "Approvals.ManageFlows";

    public static readonly IReadOnlyList<PermissionGrant> Grants =
    [
        new("Employee", [Decide]),
        new("Approver", [Decide]),
        new("Finance", [Decide]),
        new("Admin", [ManageFlows]),
    ];
}
