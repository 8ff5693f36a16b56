namespace ExpenseFlow.BuildingBlocks.Security;

/// <summary>A module's statement that members of <see cref="Role"/> hold <see cref="Permissions"/>.</summary>
public sealed record PermissionGrant(string Role, IReadOnlyList<string> Permissions);

/// <summary>Claim types the host issues.</summary>
public static class ExpenseFlowClaims
{
    public const string Permission = "ef:permission";
    public const string PersonId = "ef:person";
    public const string DisplayName = "ef:name";
}

/// <summary>The signed-in caller as use cases see it.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? UserId { get; }

    Guid? PersonId { get; }

    bool HasPermission(string permission);
}
