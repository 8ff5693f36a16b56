using ExpenseFlow.BuildingBlocks;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.People;

/// <summary>The directory: search, filter by department, sort and page. Lists never carry bank account numbers.</summary>
internal static class ListPeople
{
    public static async Task<Ok<PagedResult<PersonListItemDto>>> HandleAsync(
        OrganizationDbContext db, string? search, Guid? departmentId, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 200);
        var number = Math.Max(page ?? 1, 1);
        var query = from p in db.People.AsNoTracking()
                    join d in db.Departments on p.DepartmentId equals d.Id into ds
                    from d in ds.DefaultIfEmpty()
                    join m in db.People on p.ManagerId equals m.Id into ms
                    from m in ms.DefaultIfEmpty()
                    select new { p, DepartmentName = d == null ? null : d.Name, ManagerName = m == null ? null : m.DisplayName };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = BuildingBlocks.Infrastructure.Persistence.LikePattern.Contains(search);
            query = query.Where(x => EF.Functions.ILike(x.p.DisplayName, pattern) || EF.Functions.ILike(x.p.EmployeeNo, pattern) || EF.Functions.ILike(x.p.Email, pattern));
        }

        if (departmentId is { } dept)
        {
            query = query.Where(x => x.p.DepartmentId == dept);
        }

        query = (sort ?? "displayName") switch
        {
            "employeeNo" => query.OrderBy(x => x.p.EmployeeNo),
            "-employeeNo" => query.OrderByDescending(x => x.p.EmployeeNo),
            "department" => query.OrderBy(x => x.DepartmentName).ThenBy(x => x.p.DisplayName),
            "-department" => query.OrderByDescending(x => x.DepartmentName).ThenBy(x => x.p.DisplayName),
            "-displayName" => query.OrderByDescending(x => x.p.DisplayName).ThenBy(x => x.p.EmployeeNo),
            _ => query.OrderBy(x => x.p.DisplayName).ThenBy(x => x.p.EmployeeNo),
        };
        var total = await query.CountAsync(ct);
        var rows = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var roles = await PeopleQueries.RolesOfAsync(db, rows.Select(r => r.p.Id).ToList(), ct);
        var items = rows.Select(r => new PersonListItemDto(
            r.p.Id, r.p.EmployeeNo, r.p.DisplayName, r.p.Email, r.p.DepartmentId, r.DepartmentName, r.p.GradeCode, r.p.ManagerId,
            r.ManagerName, r.p.CostCentreCode, roles.GetValueOrDefault(r.p.Id) ?? [], r.p.IsActive)).ToList();
        return TypedResults.Ok(new PagedResult<PersonListItemDto>(items, total));
    }
}
