using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.People;

/// <summary>Reads shared by the people use cases: one person as the caller may see them.</summary>
internal static class PeopleQueries
{
    public static async Task<Dictionary<Guid, List<string>>> RolesOfAsync(OrganizationDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where ids.Contains(ur.UserId)
                          select new { ur.UserId, r.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order().ToList());
    }

    /// <summary>The owner and administrators see a person's accounts; only the owner and Finance see full numbers.</summary>
    public static bool MaySeeAccounts(ICurrentUser user, Guid personId) =>
        user.PersonId == personId || user.HasPermission(OrganizationPermissions.Manage) || user.HasPermission(OrganizationPermissions.BankAccountsReadFull);

    /// <summary>An account is shown Pending while a change waiting for Finance concerns it (added, made default or changed).</summary>
    public static BankAccountDto ToDto(BankAccount a, ICurrentUser user, Guid? pendingChangeId) =>
        new(a.Id, a.PersonId, a.AccountName, a.BankName, a.CnapsCode, a.MaskedNumber,
            user.PersonId == a.PersonId || user.HasPermission(OrganizationPermissions.BankAccountsReadFull) ? a.AccountNumber : null,
            a.IsDefault, a.Status == BankAccountStatus.Pending || pendingChangeId is not null ? "Pending" : "Active", pendingChangeId, a.ChangedAt, a.ConfirmedAt);

    public static async Task<List<BankAccountDto>> AccountsAsync(OrganizationDbContext db, Guid personId, ICurrentUser user, CancellationToken ct)
    {
        var accounts = await db.BankAccounts.AsNoTracking().Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.IsDefault).ThenBy(a => a.BankName).ToListAsync(ct);
        var pending = await db.BankAccountChanges.AsNoTracking().Where(c => c.PersonId == personId && c.Status == BankAccountChangeStatus.Pending)
            .ToDictionaryAsync(c => c.AccountId, c => c.Id, ct);
        return accounts.Select(a => ToDto(a, user, pending.TryGetValue(a.Id, out var change) ? change : null)).ToList();
    }

    public static async Task<PersonDto> LoadAsync(OrganizationDbContext db, Guid id, ICurrentUser user, CancellationToken ct)
    {
        var row = await (from x in db.People.AsNoTracking()
                         where x.Id == id
                         join d in db.Departments on x.DepartmentId equals d.Id into ds
                         from d in ds.DefaultIfEmpty()
                         join m in db.People on x.ManagerId equals m.Id into ms
                         from m in ms.DefaultIfEmpty()
                         select new { p = x, DepartmentName = d == null ? null : d.Name, ManagerName = m == null ? null : m.DisplayName })
            .FirstOrDefaultAsync(ct) ?? throw new DomainException(OrganizationErrors.PersonNotFound);
        var roles = await RolesOfAsync(db, [id], ct);
        var accounts = MaySeeAccounts(user, id) ? await AccountsAsync(db, id, user, ct) : [];
        var pending = await db.RoleGrants.AsNoTracking().Where(g => g.PersonId == id && g.Status == Domain.Access.RoleGrantStatus.Pending)
            .Select(g => g.Roles).ToListAsync(ct);
        var p = row.p;
        return new PersonDto(p.Id, p.EmployeeNo, p.DisplayName, p.Email, p.Phone, p.DepartmentId, row.DepartmentName, p.GradeCode,
            p.ManagerId, row.ManagerName, p.CostCentreCode, roles.GetValueOrDefault(id) ?? [], p.IsActive, accounts,
            pending.SelectMany(r => r).Distinct().Order().ToList());
    }

    /// <summary>The line of managers above <paramref name="personId"/> (bounded, so corrupt data cannot loop forever).</summary>
    public static async Task<List<Guid>> ManagerChainAsync(OrganizationDbContext db, Guid? personId, CancellationToken ct)
    {
        var chain = new List<Guid>();
        var current = personId;
        while (current is { } id && chain.Count < 64 && !chain.Contains(id))
        {
            chain.Add(id);
            current = await db.People.Where(p => p.Id == id).Select(p => p.ManagerId).FirstOrDefaultAsync(ct);
        }

        return chain;
    }
}
