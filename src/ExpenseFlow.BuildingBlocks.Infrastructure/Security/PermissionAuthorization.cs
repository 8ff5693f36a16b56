using System.Security.Claims;
using ExpenseFlow.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Security;

/// <summary>Every policy whose name is a permission (it contains a dot) requires that permission claim.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        var existing = await base.GetPolicyAsync(policyName);
        if (existing is not null || !policyName.Contains('.', StringComparison.Ordinal))
        {
            return existing;
        }

        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(ExpenseFlowClaims.Permission, policyName).Build();
    }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Guid? PersonId => Guid.TryParse(Principal?.FindFirstValue(ExpenseFlowClaims.PersonId), out var id) ? id : null;

    public bool HasPermission(string permission) => Principal?.HasClaim(ExpenseFlowClaims.Permission, permission) == true;
}
