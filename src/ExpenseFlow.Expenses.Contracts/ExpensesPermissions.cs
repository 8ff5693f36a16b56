using ExpenseFlow.BuildingBlocks.Security;

namespace ExpenseFlow.Expenses.Contracts;

public static class ExpensesPermissions
{
    /// <summary>Upload receipts and create, submit and cancel one's own claims.</summary>
    public const string Submit = "Expenses.Submit";

    /// <summary>Configure categories, limits, exchange rates and policy rules.</summary>
    public const string ManagePolicy = "Expenses.ManagePolicy";

    public static readonly IReadOnlyList<PermissionGrant> Grants =
    [
        new("Employee", [Submit]),
        new("Admin", [ManagePolicy]),
    ];
}
