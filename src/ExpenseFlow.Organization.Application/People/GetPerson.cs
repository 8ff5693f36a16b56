using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpenseFlow.Organization.Application.People;

/// <summary>One profile: yourself, or anyone when you may read the directory.</summary>
internal static class GetPerson
{
    public static async Task<Ok<PersonDto>> HandleAsync(Guid id, OrganizationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        if (user.PersonId != id && !user.HasPermission(OrganizationPermissions.PeopleRead))
        {
            throw new DomainException(ApiProblems.Forbidden);
        }

        return TypedResults.Ok(await PeopleQueries.LoadAsync(db, id, user, ct));
    }
}
