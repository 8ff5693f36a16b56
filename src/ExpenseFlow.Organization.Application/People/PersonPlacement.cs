using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.People;

/// <summary>Checks the references of a person (department, grade, manager, cost centre, roles) and applies them.</summary>
internal static class PersonPlacement
{
    public static async Task PlaceAsync(
        OrganizationDbContext db, Person person, Guid? departmentId, string? gradeCode, Guid? managerId, string? costCentreCode, CancellationToken ct)
    {
        gradeCode = string.IsNullOrWhiteSpace(gradeCode) ? null : gradeCode.Trim();
        costCentreCode = string.IsNullOrWhiteSpace(costCentreCode) ? null : costCentreCode.Trim();
        if (departmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
        {
            throw new DomainException(OrganizationErrors.UnknownDepartment(d.ToString()));
        }

        if (gradeCode is not null && !await db.Grades.AnyAsync(x => x.Id == gradeCode, ct))
        {
            throw new DomainException(OrganizationErrors.UnknownGrade(gradeCode));
        }

        if (costCentreCode is not null && !await db.CostCentres.AnyAsync(x => x.Id == costCentreCode, ct))
        {
            throw new DomainException(OrganizationErrors.UnknownCostCentre(costCentreCode));
        }

        if (managerId is { } m && m != person.Id && !await db.People.AnyAsync(x => x.Id == m, ct))
        {
            throw new DomainException(OrganizationErrors.UnknownManager(m.ToString()));
        }

        var chain = await PeopleQueries.ManagerChainAsync(db, managerId, ct);
        person.Place(departmentId, gradeCode, managerId, chain, costCentreCode);
    }

    public static IReadOnlyList<string> CheckRoles(IEnumerable<string>? roles)
    {
        var result = new List<string>();
        foreach (var role in roles ?? [])
        {
            var match = Roles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new DomainException(OrganizationErrors.UnknownRole(role ?? string.Empty));
            if (!result.Contains(match))
            {
                result.Add(match);
            }
        }

        return result.Count == 0 ? [Roles.Employee] : result;
    }

    public static async Task SetRolesAsync(UserManager<AppUser> users, AppUser user, IReadOnlyList<string> roles)
    {
        var current = await users.GetRolesAsync(user);
        var remove = current.Except(roles, StringComparer.OrdinalIgnoreCase).ToList();
        var add = roles.Except(current, StringComparer.OrdinalIgnoreCase).ToList();
        if (remove.Count > 0)
        {
            ThrowIfFailed(await users.RemoveFromRolesAsync(user, remove));
        }

        if (add.Count > 0)
        {
            ThrowIfFailed(await users.AddToRolesAsync(user, add));
        }
    }

    public static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var details = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new DomainException(result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
                ? OrganizationErrors.WeakPassword(details)
                : new Error("Organization.IdentityError", ErrorKind.Validation, details, details));
        }
    }
}
