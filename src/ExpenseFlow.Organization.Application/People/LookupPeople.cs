using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.People;

/// <summary>
/// A colleague picker for everyone signed in (e.g. choosing whom to delegate to while out of office): active people's
/// names, employee numbers and departments only — no emails, phones or bank details.
/// </summary>
internal static class LookupPeople
{
    public static async Task<Ok<List<PersonLookupDto>>> HandleAsync(OrganizationDbContext db, string? search, CancellationToken ct)
    {
        var query = db.People.AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = BuildingBlocks.Infrastructure.Persistence.LikePattern.Contains(search);
            query = query.Where(p => EF.Functions.ILike(p.DisplayName, pattern) || EF.Functions.ILike(p.EmployeeNo, pattern));
        }

        return TypedResults.Ok(await (from p in query
                                      join d in db.Departments on p.DepartmentId equals d.Id into ds
                                      from d in ds.DefaultIfEmpty()
                                      orderby p.DisplayName
                                      select new PersonLookupDto(p.Id, p.EmployeeNo, p.DisplayName, d == null ? null : d.Name)).Take(20).ToListAsync(ct));
    }
}
