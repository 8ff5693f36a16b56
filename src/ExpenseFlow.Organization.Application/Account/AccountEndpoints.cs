using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
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
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.Account;

public sealed record LoginRequest([MaxLength(OrganizationLimits.Email)] string Email, [MaxLength(128)] string Password);

/// <summary>Sign-in for the portal: an HttpOnly, SameSite=Strict cookie (see README, "Authentication").</summary>
internal static class AccountEndpoints
{
    private static string? _dummyHash;

    public static void MapAccount(this RouteGroupBuilder group)
    {
        var account = group.MapGroup("/account").WithTags("Account");
        account.MapPost("/login", LoginAsync).AllowAnonymous();
        account.MapPost("/logout", LogoutAsync).AllowAnonymous();
        account.MapGet("/me", MeAsync).RequireAuthorization();
    }

    private static async Task<Ok<CurrentUserDto>> LoginAsync(
        LoginRequest request, HttpContext http, SignInManager<AppUser> signIn, OrganizationDbContext db, PermissionClaimsFactory permissions, LoginThrottle throttle,
        CancellationToken ct)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.AddressBlocked(address))
        {
            throw new DomainException(OrganizationErrors.TooManyAttempts);
        }

        var email = (request.Email ?? string.Empty).Trim();
        var password = request.Password ?? string.Empty;
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // The same work and the same answers as for an account: nobody learns who has one.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash(users), password);
            throttle.AddressFailed(address);
            var lockout = users.Options.Lockout;
            throw new DomainException(throttle.UnknownAccountFailed(users.NormalizeEmail(email), lockout.DefaultLockoutTimeSpan) >= lockout.MaxFailedAccessAttempts
                ? OrganizationErrors.LockedOut
                : OrganizationErrors.InvalidCredentials);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            throttle.AddressFailed(address);
            throw new DomainException(result.IsLockedOut ? OrganizationErrors.LockedOut : OrganizationErrors.InvalidCredentials);
        }

        // Told only to whoever knows the password.
        if (!await db.People.AnyAsync(p => p.Id == user.Id && p.IsActive, ct))
        {
            throw new DomainException(OrganizationErrors.AccountDeactivated);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new CurrentUserDto(user.Id, user.Id, user.Email!, user.DisplayName, roles.Order().ToList(), permissions.PermissionsOf(roles)));
    }

    private static string DummyHash(UserManager<AppUser> users) =>
        _dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

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
