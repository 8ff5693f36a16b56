using System.Security.Claims;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Application.Security;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace ExpenseFlow.Organization.Application.Account;

public sealed record LoginRequest(string Email, string Password);

/// <summary>Sign-in for the portal: an HttpOnly, SameSite=Strict cookie (see README, "Authentication").</summary>
internal static class AccountEndpoints
{
    public static void MapAccount(this RouteGroupBuilder group)
    {
        var account = group.MapGroup("/account").WithTags("Account");
        account.MapPost("/login", LoginAsync).AllowAnonymous();
        account.MapPost("/logout", LogoutAsync).AllowAnonymous();
        account.MapGet("/me", MeAsync).RequireAuthorization();
    }

    private static async Task<Ok<CurrentUserDto>> LoginAsync(
        LoginRequest request, SignInManager<AppUser> signIn, PermissionClaimsFactory permissions)
    {
        var email = (request.Email ?? string.Empty).Trim();
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            throw new DomainException(OrganizationErrors.InvalidCredentials);
        }

        var result = await signIn.PasswordSignInAsync(user, request.Password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw new DomainException(OrganizationErrors.LockedOut);
        }

        if (!result.Succeeded)
        {
            throw new DomainException(OrganizationErrors.InvalidCredentials);
        }

        var roles = await signIn.UserManager.GetRolesAsync(user);
        return TypedResults.Ok(new CurrentUserDto(user.Id, user.Id, user.Email!, user.DisplayName, roles.Order().ToList(), permissions.PermissionsOf(roles)));
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<CurrentUserDto> MeAsync(ClaimsPrincipal user)
    {
        var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList();
        var perms = user.FindAll(ExpenseFlowClaims.Permission).Select(c => c.Value).Order().ToList();
        return TypedResults.Ok(new CurrentUserDto(
            id, id, user.FindFirstValue(ClaimTypes.Email) ?? string.Empty, user.FindFirstValue(ExpenseFlowClaims.DisplayName) ?? string.Empty, roles, perms));
    }
}
