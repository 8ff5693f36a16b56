using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.Delegations;

public sealed record CreateDelegationRequest(Guid? FromPersonId, Guid ToPersonId, DateOnly StartDate, DateOnly EndDate, [MaxLength(OrganizationLimits.Note)] string? Reason);

/// <summary>Out of office: people manage their own delegations; administrators manage anyone's.</summary>
internal static class DelegationEndpoints
{
    public static void MapDelegations(this RouteGroupBuilder group)
    {
        var delegations = group.MapGroup("/delegations").WithTags("Delegations").RequireAuthorization();
        delegations.MapGet("/", ListAsync);
        delegations.MapPost("/", CreateAsync);
        delegations.MapDelete("/{id:guid}", DeleteAsync);
    }

    private static async Task<Ok<List<DelegationDto>>> ListAsync(OrganizationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var query = db.Delegations.AsNoTracking();
        if (!user.HasPermission(OrganizationPermissions.Manage))
        {
            query = query.Where(d => d.FromPersonId == user.PersonId || d.ToPersonId == user.PersonId);
        }

        return TypedResults.Ok(await (from d in query
                                      join f in db.People on d.FromPersonId equals f.Id
                                      join t in db.People on d.ToPersonId equals t.Id
                                      orderby d.StartDate descending
                                      select new DelegationDto(d.Id, d.FromPersonId, f.DisplayName, d.ToPersonId, t.DisplayName, d.StartDate, d.EndDate, d.Reason)).ToListAsync(ct));
    }

    private static async Task<Created<DelegationDto>> CreateAsync(CreateDelegationRequest request, OrganizationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var from = request.FromPersonId ?? user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        if (from != user.PersonId && !user.HasPermission(OrganizationPermissions.Manage))
        {
            throw new DomainException(ApiProblems.Forbidden);
        }

        var delegation = Delegation.Create(Guid.CreateVersion7(), from, request.ToPersonId, request.StartDate, request.EndDate, request.Reason);
        var people = await db.People.Where(p => p.Id == from || p.Id == request.ToPersonId).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        if (!people.TryGetValue(from, out var fromName) || !people.TryGetValue(request.ToPersonId, out var toName))
        {
            throw new DomainException(OrganizationErrors.PersonNotFound);
        }

        if (await db.Delegations.AnyAsync(d => d.FromPersonId == from && d.StartDate <= request.EndDate && d.EndDate >= request.StartDate, ct))
        {
            throw new DomainException(OrganizationErrors.DelegationOverlap);
        }

        db.Delegations.Add(delegation);
        db.Publish(new DelegationCreated(delegation.Id, from, request.ToPersonId, request.StartDate, request.EndDate));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/delegations/{delegation.Id}", new DelegationDto(
            delegation.Id, from, fromName, request.ToPersonId, toName, delegation.StartDate, delegation.EndDate, delegation.Reason));
    }

    private static async Task<NoContent> DeleteAsync(Guid id, OrganizationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var delegation = await db.Delegations.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new DomainException(OrganizationErrors.DelegationNotFound);
        if (delegation.FromPersonId != user.PersonId && !user.HasPermission(OrganizationPermissions.Manage))
        {
            throw new DomainException(ApiProblems.Forbidden);
        }

        db.Delegations.Remove(delegation);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
