using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Domain.Access;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.Access;

/// <summary>Grants waiting for a second administrator: list, confirm (the roles are added), reject.</summary>
internal static class RoleGrantEndpoints
{
    public static void MapRoleGrants(this RouteGroupBuilder group)
    {
        var grants = group.MapGroup("/role-grants").WithTags("People").RequireAuthorization(OrganizationPermissions.Manage);
        grants.MapGet("/", ListAsync);
        grants.MapPost("/{id:guid}/confirm", (Guid id, OrganizationDbContext db, UserManager<AppUser> users, ICurrentUser caller, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, confirm: true, db, users, caller, clock, ct));
        grants.MapPost("/{id:guid}/reject", (Guid id, OrganizationDbContext db, UserManager<AppUser> users, ICurrentUser caller, TimeProvider clock, CancellationToken ct) =>
            DecideAsync(id, confirm: false, db, users, caller, clock, ct));
    }

    private static async Task<Ok<List<RoleGrantDto>>> ListAsync(OrganizationDbContext db, string? status, CancellationToken ct)
    {
        var wanted = Enum.TryParse<RoleGrantStatus>(status, ignoreCase: true, out var s) ? s : RoleGrantStatus.Pending;
        var rows = await (from g in db.RoleGrants.AsNoTracking()
                          where g.Status == wanted
                          join p in db.People on g.PersonId equals p.Id
                          join r in db.People on g.RequestedBy equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          orderby g.RequestedAt descending
                          select new { g, PersonName = p.DisplayName, RequesterName = r == null ? null : r.DisplayName }).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => ToDto(x.g, x.PersonName, x.RequesterName)).ToList());
    }

    private static async Task<Ok<RoleGrantDto>> DecideAsync(
        Guid id, bool confirm, OrganizationDbContext db, UserManager<AppUser> users, ICurrentUser caller, TimeProvider clock, CancellationToken ct)
    {
        var me = caller.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two administrators deciding at once: the row lock makes the second see the first one's decision.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM organization.role_grants WHERE id = {id} FOR UPDATE", ct);
        var grant = await db.RoleGrants.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new DomainException(OrganizationErrors.GrantNotFound);
        var now = clock.GetUtcNow();
        grant.Decide(confirm, me, now);
        var user = await users.FindByIdAsync(grant.PersonId.ToString()) ?? throw new DomainException(OrganizationErrors.PersonNotFound);
        var before = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        if (confirm)
        {
            var add = grant.Roles.Except(before, StringComparer.OrdinalIgnoreCase).ToList();
            if (add.Count > 0)
            {
                People.PersonPlacement.ThrowIfFailed(await users.AddToRolesAsync(user, add));
            }
        }

        var after = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        db.AccessEvents.Add(AccessEvent.Create(now, me, grant.PersonId, confirm ? "GrantConfirmed" : "GrantRejected", before, after, grant.Id));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var names = await db.People.AsNoTracking().Where(p => p.Id == grant.PersonId || p.Id == grant.RequestedBy).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        return TypedResults.Ok(ToDto(grant, names.GetValueOrDefault(grant.PersonId) ?? string.Empty, names.GetValueOrDefault(grant.RequestedBy)));
    }

    private static RoleGrantDto ToDto(RoleGrant g, string personName, string? requesterName) =>
        new(g.Id, g.PersonId, personName, g.Roles, g.Reason, g.RequestedBy, requesterName ?? string.Empty, g.RequestedAt, g.Status.ToString(), g.DecidedBy, g.DecidedAt);
}
