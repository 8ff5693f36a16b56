using ExpenseFlow.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Infrastructure;

/// <summary>The read side other modules use; answers from this module's own tables only.</summary>
internal sealed class OrganizationDirectory(OrganizationDbContext db) : IOrganizationDirectory
{
    public Task<PersonSummary?> FindPersonAsync(Guid personId, CancellationToken cancellationToken) =>
        Summaries(db.People.Where(p => p.Id == personId)).FirstOrDefaultAsync(cancellationToken);

    public async Task<PersonSummary?> FindManagerAsync(Guid personId, int levels, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        Guid? current = personId;
        for (var i = 0; i < levels && current is not null; i++)
        {
            current = await db.People.Where(p => p.Id == current).Select(p => p.ManagerId).FirstOrDefaultAsync(cancellationToken);
        }

        return current is null ? null : await FindPersonAsync(current.Value, cancellationToken);
    }

    public async Task<PersonSummary?> FindDepartmentHeadAsync(Guid departmentId, CancellationToken cancellationToken)
    {
        var head = await db.Departments.Where(d => d.Id == departmentId).Select(d => d.HeadPersonId).FirstOrDefaultAsync(cancellationToken);
        return head is null ? null : await FindPersonAsync(head.Value, cancellationToken);
    }

    public async Task<IReadOnlyList<PersonSummary>> FindPeopleInRoleAsync(string role, CancellationToken cancellationToken)
    {
        var normalized = role.ToUpperInvariant();
        var ids = from ur in db.UserRoles
                  join r in db.Roles on ur.RoleId equals r.Id
                  where r.NormalizedName == normalized
                  select ur.UserId;
        return await Summaries(db.People.Where(p => p.IsActive && ids.Contains(p.Id)).OrderBy(p => p.EmployeeNo)).ToListAsync(cancellationToken);
    }

    public async Task<PersonSummary?> FindDelegateAsync(Guid personId, DateOnly date, CancellationToken cancellationToken)
    {
        var to = await db.Delegations
            .Where(d => d.FromPersonId == personId && d.StartDate <= date && d.EndDate >= date)
            .OrderByDescending(d => d.StartDate)
            .Select(d => (Guid?)d.ToPersonId)
            .FirstOrDefaultAsync(cancellationToken);
        return to is null ? null : await FindPersonAsync(to.Value, cancellationToken);
    }

    public Task<PayeeAccount?> FindDefaultBankAccountAsync(Guid personId, CancellationToken cancellationToken) =>
        db.BankAccounts.Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.IsDefault)
            .Select(a => new PayeeAccount(a.Id, a.PersonId, a.AccountName, a.AccountNumber, a.BankName, a.CnapsCode))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<LegalEntityDto>> GetLegalEntitiesAsync(CancellationToken cancellationToken) =>
        await db.LegalEntities.OrderBy(e => e.Name)
            .Select(e => new LegalEntityDto(e.Id, e.Name, e.TaxId, e.Address, e.Phone, e.BankName, e.BankAccountNumber))
            .ToListAsync(cancellationToken);

    // Filter first, project last: a filter over the projected record could not be translated to SQL.
    private static IQueryable<PersonSummary> Summaries(IQueryable<Domain.Person> people) =>
        people.AsNoTracking().Select(p => new PersonSummary(p.Id, p.EmployeeNo, p.DisplayName, p.Email, p.DepartmentId, p.GradeCode, p.ManagerId, p.CostCentreCode, p.IsActive));
}
