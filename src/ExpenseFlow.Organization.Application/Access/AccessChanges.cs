using ExpenseFlow.Organization.Application.People;
using ExpenseFlow.Organization.Domain.Access;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.Access;

/// <summary>
/// Every change of who may do what goes through here: it is written to the append-only access log, and roles one
/// administrator alone may not give (<see cref="SegregationOfDuties"/>) become a grant a second administrator decides.
/// The caller saves and commits.
/// </summary>
internal static class AccessChanges
{
    /// <summary>Gives <paramref name="user"/> the chosen roles; returns the grant that holds back what needs a second administrator.</summary>
    public static async Task<RoleGrant?> SetRolesAsync(
        OrganizationDbContext db, UserManager<AppUser> users, AppUser user, IReadOnlyList<string> roles, Guid? actor, DateTimeOffset at, CancellationToken ct)
    {
        var before = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var added = roles.Except(before, StringComparer.OrdinalIgnoreCase).ToList();
        var reason = actor is { } a ? SegregationOfDuties.ReasonForSecondApproval(a, user.Id, before, added) : null;
        RoleGrant? grant = null;
        var target = roles;
        if (reason is not null)
        {
            var held = reason == "SelfGrant" ? added : added.Where(r => SegregationOfDuties.ConflictingRoles.Any(p => p.A == r || p.B == r)).ToList();
            target = roles.Except(held, StringComparer.OrdinalIgnoreCase).ToList();
            grant = await db.RoleGrants.FirstOrDefaultAsync(g => g.PersonId == user.Id && g.Status == RoleGrantStatus.Pending, ct);
            if (grant is null || !grant.Roles.Order(StringComparer.Ordinal).SequenceEqual(held.Order(StringComparer.Ordinal)))
            {
                grant = RoleGrant.Request(user.Id, held, reason, actor!.Value, at);
                db.RoleGrants.Add(grant);
                db.AccessEvents.Add(AccessEvent.Create(at, actor, user.Id, "GrantRequested", before, [.. before.Union(held)], grant.Id));
            }
        }

        await PersonPlacement.SetRolesAsync(users, user, target);
        var after = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        if (!before.SequenceEqual(after))
        {
            db.AccessEvents.Add(AccessEvent.Create(at, actor, user.Id, "RolesChanged", before, after));
        }

        return grant;
    }

    /// <summary>Deactivation ends the person's sessions: a new security stamp fails every cookie at its next check.</summary>
    public static async Task SetActiveAsync(OrganizationDbContext db, UserManager<AppUser> users, AppUser user, bool wasActive, bool isActive, Guid? actor, DateTimeOffset at)
    {
        if (wasActive == isActive)
        {
            return;
        }

        PersonPlacement.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        db.AccessEvents.Add(AccessEvent.Create(at, actor, user.Id, isActive ? "Activated" : "Deactivated"));
    }
}
