using ExpenseFlow.BuildingBlocks.Security;

namespace ExpenseFlow.Payments.Contracts;

public static class PaymentsPermissions
{
    /// <summary>See payables, build batches, generate files, import statements, reconcile, export journals.</summary>
    public const string Manage = "Payments.Manage";

    /// <summary>Release a batch someone else built (maker-checker).</summary>
    public const string Release = "Payments.Release";

    public static readonly IReadOnlyList<PermissionGrant> Grants =
    [
        new("Finance", [Manage, Release]),
    ];
}
