using ExpenseFlow.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Infrastructure;

/// <summary>The read side other modules use; answers from this module's own tables only.</summary>
internal sealed class OrganizationDirectory(OrganizationDbContext db, BankAccountSettings settings, TimeProvider clock) : IOrganizationDirectory
{
    public Task<PersonSummary?> FindPersonAsync(Guid personId, CancellationToken cancellationToken) =>
        Summaries(db.People.Where(p => p.Id == personId)).FirstOrDefaultAsync(cancellationToken);

    public Task<PersonSummary?> FindPersonByEmployeeNoAsync(string employeeNo, CancellationToken cancellationToken) =>
        Summaries(db.People.Where(p => p.EmployeeNo == employeeNo)).FirstOrDefaultAsync(cancellationToken);

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

    public async Task<IReadOnlyList<Guid>> FindDelegatorsAsync(Guid delegateId, DateOnly date, CancellationToken cancellationToken) =>
        await db.Delegations.AsNoTracking()
            .Where(d => d.ToPersonId == delegateId && d.StartDate <= date && d.EndDate >= date)
            .Select(d => d.FromPersonId).Distinct().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DepartmentDto>> GetDepartmentChainAsync(Guid departmentId, CancellationToken cancellationToken)
    {
        var all = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name, d.ParentId, d.HeadPersonId }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var chain = new List<DepartmentDto>();
        // Parent loops are refused on save; the bound still protects a corrupted tree.
        for (Guid? id = departmentId; id is not null && all.TryGetValue(id.Value, out var d) && chain.Count < 64; id = d.ParentId)
        {
            chain.Add(new DepartmentDto(d.Id, d.Code, d.Name, d.ParentId, d.HeadPersonId, null));
        }

        return chain;
    }

    public async Task<IReadOnlyList<GradeDto>> GetGradesAsync(CancellationToken cancellationToken) =>
        await db.Grades.AsNoTracking().OrderBy(g => g.Rank).Select(g => new GradeDto(g.Id, g.Name, g.Rank)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, string>> GetNamesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);

    public async Task<Payout> GetPayoutAsync(Guid personId, CancellationToken cancellationToken) =>
        (await GetPayoutsAsync([personId], cancellationToken))[personId];

    /// <summary>
    /// Only the default account is paid (no fallback to another account: which one would be a choice nobody made).
    /// A pending change holds the payout when it would change it: it makes another account the default or changes this one.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Payout>> GetPayoutsAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        var defaults = await db.BankAccounts.AsNoTracking()
            .Where(a => ids.Contains(a.PersonId) && a.IsDefault && a.Status == Domain.BankAccountStatus.Active)
            .ToDictionaryAsync(a => a.PersonId, cancellationToken);
        var pending = await db.BankAccountChanges.AsNoTracking()
            .Where(c => ids.Contains(c.PersonId) && c.Status == Domain.BankAccountChangeStatus.Pending)
            .Select(c => new { c.PersonId, c.AccountId, c.MakesDefault })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return ids.ToDictionary(id => id, id =>
        {
            var account = defaults.GetValueOrDefault(id);
            var changePending = pending.Any(c => c.PersonId == id && (c.MakesDefault || c.AccountId == account?.Id));
            var (hold, clearsAt) = Domain.PayoutRules.Hold(account, changePending, now, settings.Period);
            return new Payout(id, account is null ? null
                : new PayeeAccount(account.Id, id, account.AccountName, account.AccountNumber, account.BankName, account.CnapsCode,
                    account.ChangedAt, account.ChangedBy, account.ConfirmedAt, account.ConfirmedBy), hold, clearsAt);
        });
    }

    public async Task<IReadOnlyList<LegalEntityDto>> GetLegalEntitiesAsync(CancellationToken cancellationToken) =>
        await db.LegalEntities.OrderBy(e => e.Name)
            .Select(e => new LegalEntityDto(e.Id, e.Name, e.TaxId, e.Address, e.Phone, e.BankName, e.BankAccountNumber))
            .ToListAsync(cancellationToken);

    // Filter first, project last: a filter over the projected record could not be translated to SQL.
    private static IQueryable<PersonSummary> Summaries(IQueryable<Domain.Person> people) =>
        people.AsNoTracking().Select(p => new PersonSummary(p.Id, p.EmployeeNo, p.DisplayName, p.Email, p.DepartmentId, p.GradeCode, p.ManagerId, p.CostCentreCode, p.IsActive));
}
