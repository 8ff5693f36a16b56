using System.Security.Claims;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ExpenseFlow.Organization.Application.Security;

/// <summary>Puts the permissions of the user's roles, their person id and name into the sign-in cookie.</summary>
public sealed class PermissionClaimsFactory(
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    IOptions<IdentityOptions> options,
    IEnumerable<PermissionGrant> grants)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        var userRoles = await UserManager.GetRolesAsync(user);
        foreach (var permission in PermissionsOf(userRoles))
        {
            identity.AddClaim(new Claim(ExpenseFlowClaims.Permission, permission));
        }

        identity.AddClaim(new Claim(ExpenseFlowClaims.PersonId, user.Id.ToString()));
        identity.AddClaim(new Claim(ExpenseFlowClaims.DisplayName, user.DisplayName));
        return identity;
    }

    public IReadOnlyList<string> PermissionsOf(IEnumerable<string> roleNames)
    {
        var set = roleNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return grants.Where(g => set.Contains(g.Role)).SelectMany(g => g.Permissions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
