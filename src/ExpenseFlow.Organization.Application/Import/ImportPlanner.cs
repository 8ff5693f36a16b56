using System.Globalization;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Organization.Application.People;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.Import;

internal sealed class ImportRow
{
    public int Line { get; init; }
    public string? EmployeeNo { get; init; }
    public string? DisplayName { get; init; }
    public string? Email { get; set; }
    public string? Phone { get; init; }
    public string? DepartmentCode { get; init; }
    public string? GradeCode { get; init; }
    public string? ManagerEmployeeNo { get; init; }
    public string? CostCentreCode { get; init; }
    public string? Roles { get; init; }
    public string? BankName { get; init; }
    public string? BankAccountNumber { get; init; }
    public string? BankAccountName { get; init; }
    public string? CnapsCode { get; init; }

    public List<string> Errors { get; } = [];
    public Guid? DepartmentId { get; set; }
    public IReadOnlyList<string>? RoleList { get; set; }
    public string? NormalizedAccountNumber { get; set; }
    public Person? Existing { get; set; }
    public Person? Person { get; set; }
}

internal sealed record ImportPlan(IReadOnlyList<ImportRow> Rows, IReadOnlyDictionary<string, Guid> ExistingIds);

/// <summary>Checks every row against the database and the rest of the file before anything is written.</summary>
internal static class ImportPlanner
{
    public static async Task<ImportPlan> PlanAsync(OrganizationDbContext db, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        string Say(Error e) => e.Message(culture);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase, ct);
        var grades = (await db.Grades.Select(g => g.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var centres = (await db.CostCentres.Select(c => c.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var people = await db.People.ToListAsync(ct);
        var byNo = people.ToDictionary(p => p.EmployeeNo, StringComparer.OrdinalIgnoreCase);
        var byId = people.ToDictionary(p => p.Id);
        var emailOwner = people.ToDictionary(p => p.Email, p => p.EmployeeNo, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var row in rows)
        {
            void Check(Action action)
            {
                try
                {
                    action();
                }
                catch (DomainException ex)
                {
                    row.Errors.Add(Say(ex.Error));
                }
            }

            Check(() => row.Email = Person.Create(Guid.Empty, row.EmployeeNo!, row.DisplayName!, row.Email!, row.Phone).Email);
            if (row.EmployeeNo is { } no)
            {
                if (!seen.Add(no))
                {
                    row.Errors.Add(Say(OrganizationErrors.DuplicateEmployeeNo(no)));
                }

                row.Existing = byNo.GetValueOrDefault(no);
            }

            if (row.Email is { } email && row.EmployeeNo is not null)
            {
                if (emailOwner.TryGetValue(email, out var owner) && !string.Equals(owner, row.EmployeeNo, StringComparison.OrdinalIgnoreCase))
                {
                    row.Errors.Add(Say(OrganizationErrors.DuplicateEmail(email)));
                }
                else
                {
                    emailOwner[email] = row.EmployeeNo;
                }
            }

            if (row.DepartmentCode is { } dept)
            {
                if (departments.TryGetValue(dept, out var id))
                {
                    row.DepartmentId = id;
                }
                else
                {
                    row.Errors.Add(Say(OrganizationErrors.UnknownDepartment(dept)));
                }
            }

            if (row.GradeCode is { } grade && !grades.Contains(grade))
            {
                row.Errors.Add(Say(OrganizationErrors.UnknownGrade(grade)));
            }

            if (row.CostCentreCode is { } centre && !centres.Contains(centre))
            {
                row.Errors.Add(Say(OrganizationErrors.UnknownCostCentre(centre)));
            }

            if (row.Roles is { } roles)
            {
                Check(() => row.RoleList = PersonPlacement.CheckRoles(roles.Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            }

            if (row.BankName is not null || row.BankAccountNumber is not null || row.CnapsCode is not null)
            {
                if (row.BankName is null || row.BankAccountNumber is null)
                {
                    row.Errors.Add(Say(OrganizationErrors.Required("bankName and bankAccountNumber", "开户行和银行账号")));
                }
                else
                {
                    Check(() => row.NormalizedAccountNumber = BankAccount.Create(
                        Guid.Empty, Guid.Empty, row.BankAccountName ?? row.DisplayName ?? "-", row.BankName, row.CnapsCode, row.BankAccountNumber, false).AccountNumber);
                }
            }
        }

        RejectBrokenManagers(rows, byNo, byId, Say);
        return new ImportPlan(rows, byNo.ToDictionary(p => p.Key, p => p.Value.Id, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Refuses rows whose manager is unknown, was itself refused, or closes a loop; repeats until nothing changes.</summary>
    private static void RejectBrokenManagers(
        IReadOnlyList<ImportRow> rows, Dictionary<string, Person> byNo, Dictionary<Guid, Person> byId, Func<Error, string> say)
    {
        bool changed;
        do
        {
            changed = false;
            var good = rows.Where(r => r.Errors.Count == 0 && r.EmployeeNo is not null).ToDictionary(r => r.EmployeeNo!, StringComparer.OrdinalIgnoreCase);
            string? ManagerOf(string no) => good.TryGetValue(no, out var r)
                ? r.ManagerEmployeeNo
                : byNo.TryGetValue(no, out var p) && p.ManagerId is { } m && byId.TryGetValue(m, out var mp) ? mp.EmployeeNo : null;

            foreach (var row in good.Values)
            {
                if (row.ManagerEmployeeNo is not { } manager)
                {
                    continue;
                }

                if (!good.ContainsKey(manager) && !byNo.ContainsKey(manager))
                {
                    row.Errors.Add(say(OrganizationErrors.UnknownManager(manager)));
                    changed = true;
                    continue;
                }

                var steps = 0;
                for (var current = manager; current is not null && steps < 256; current = ManagerOf(current), steps++)
                {
                    if (string.Equals(current, row.EmployeeNo, StringComparison.OrdinalIgnoreCase))
                    {
                        row.Errors.Add(say(OrganizationErrors.ManagerCycle));
                        changed = true;
                        break;
                    }
                }
            }
        }
        while (changed);
    }
}
