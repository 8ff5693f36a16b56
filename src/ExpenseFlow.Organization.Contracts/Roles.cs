namespace ExpenseFlow.Organization.Contracts;

/// <summary>The roles a person can hold. Each maps to named permissions; endpoints check permissions, never roles.</summary>
public static class Roles
{
    public const string Employee = "Employee";
    public const string Approver = "Approver";
    public const string Finance = "Finance";
    public const string Admin = "Admin";
    public const string Management = "Management";

    /// <summary>Human resources: kept informed (抄送) of claims the approval flows name them on.</summary>
    public const string HR = "HR";

    public static readonly IReadOnlyList<string> All = [Employee, Approver, Finance, Admin, Management, HR];
}

public static class OrganizationPermissions
{
    /// <summary>Administer people, departments, grades, cost centres, legal entities and delegations.</summary>
    public const string Manage = "Organization.Manage";

    /// <summary>Read other people's profiles (directory).</summary>
    public const string PeopleRead = "Organization.People.Read";

    /// <summary>See other people's bank account numbers in full (owners always see their own).</summary>
    public const string BankAccountsReadFull = "Organization.BankAccounts.ReadFull";

    /// <summary>List, confirm and reject changes to people's bank accounts (never one's own, never a change one made).</summary>
    public const string BankAccountChangesDecide = "Organization.BankAccounts.Decide";

    /// <summary>Open the background jobs dashboard.</summary>
    public const string JobsDashboard = "Jobs.Dashboard";

    public static readonly IReadOnlyList<BuildingBlocks.Security.PermissionGrant> Grants =
    [
        new(Roles.Admin, [Manage, PeopleRead, JobsDashboard]),
        new(Roles.Finance, [PeopleRead, BankAccountsReadFull, BankAccountChangesDecide]),
        new(Roles.Approver, [PeopleRead]),
        new(Roles.Management, [PeopleRead]),
        new(Roles.HR, [PeopleRead]),
    ];
}
