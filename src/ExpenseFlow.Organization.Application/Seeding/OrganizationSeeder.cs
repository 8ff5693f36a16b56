using ExpenseFlow.Organization.Application.People;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.Seeding;

public sealed record DemoCredential(string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>Roles always exist; the demo company only when asked for (DbMigrator --demo).</summary>
public sealed class OrganizationSeeder(OrganizationDbContext db, RoleManager<AppRole> roles, UserManager<AppUser> users)
{
    public const string DemoDomain = "demo.expenseflow.local";
    public const string DemoTaxId = "91310115MA1K4B2C3J";

    public async Task SeedRolesAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                PersonPlacement.ThrowIfFailed(await roles.CreateAsync(new AppRole(role)));
            }
        }
    }

    /// <summary>Seeds the demo company once. Returns the demo logins it created, or none when the company already exists.</summary>
    public async Task<IReadOnlyList<DemoCredential>> SeedDemoAsync(string password, CancellationToken ct)
    {
        await SeedRolesAsync(ct);
        if (await db.LegalEntities.AnyAsync(e => e.TaxId == DemoTaxId, ct))
        {
            return [];
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entity = LegalEntity.Create(Guid.CreateVersion7(), "上海示例科技有限公司", DemoTaxId);
        entity.Update(entity.Name, DemoTaxId, "上海市浦东新区示例路88号", "021-55550000", "招商银行上海分行", "121900000000001");
        db.LegalEntities.Add(entity);
        foreach (var (code, name, rank) in new[] { ("G1", "专员 Staff", 1), ("G2", "主管 Supervisor", 2), ("G3", "经理 Manager", 3), ("G4", "总监 Director", 4), ("G5", "总经理 General manager", 5) })
        {
            db.Grades.Add(Grade.Create(code, name, rank));
        }

        foreach (var (code, name) in new[] { ("CC-HQ", "总部 Head office"), ("CC-FIN", "财务 Finance"), ("CC-SALES", "销售 Sales"), ("CC-RND", "研发 R&D"), ("CC-ADM", "行政 Administration") })
        {
            db.CostCentres.Add(CostCentre.Create(code, name));
        }

        var departments = new Dictionary<string, Department>();
        foreach (var (code, name, parent) in new[] { ("HQ", "总经办", (string?)null), ("FIN", "财务部", "HQ"), ("SALES", "销售部", "HQ"), ("SALES-E", "华东销售区", "SALES"), ("RND", "研发部", "HQ"), ("ADM", "行政部", "HQ") })
        {
            var d = Department.Create(Guid.CreateVersion7(), code, name);
            d.MoveUnder(parent is null ? null : departments[parent].Id, []);
            departments[code] = d;
            db.Departments.Add(d);
            await db.SaveChangesAsync(ct);
        }

        var created = new List<DemoCredential>();
        var people = new Dictionary<string, Person>();
        foreach (var p in DemoPeople)
        {
            var person = Person.Create(Guid.CreateVersion7(), p.No, p.Name, $"{p.Login}@{DemoDomain}", null);
            person.Place(departments[p.Dept].Id, p.Grade, p.Manager is null ? null : people[p.Manager].Id, [], "CC-" + (p.Dept == "SALES-E" ? "SALES" : p.Dept));
            people[p.No] = person;
            db.People.Add(person);
            await db.SaveChangesAsync(ct);
            var user = new AppUser { Id = person.Id, UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.DisplayName };
            PersonPlacement.ThrowIfFailed(await users.CreateAsync(user, password));
            await PersonPlacement.SetRolesAsync(users, user, p.Roles);
            db.BankAccounts.Add(BankAccount.Create(Guid.CreateVersion7(), person.Id, p.Name, "招商银行上海分行", "308290003020", "6214830" + p.No[^4..].PadLeft(9, '0'), true));
            db.Publish(new PersonRegistered(person.Id, person.EmployeeNo, person.DisplayName, person.DepartmentId, person.ManagerId));
            created.Add(new DemoCredential(person.Email, person.DisplayName, p.Roles));
        }

        foreach (var (dept, head) in new[] { ("HQ", "E0001"), ("FIN", "E0002"), ("SALES", "E0006"), ("SALES-E", "E0007"), ("RND", "E0012"), ("ADM", "E0005") })
        {
            departments[dept].SetHead(people[head].Id);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return created;
    }

    private sealed record DemoPerson(string No, string Login, string Name, string Dept, string Grade, string? Manager, string[] Roles);

    private static readonly DemoPerson[] DemoPeople =
    [
        new("E0001", "ceo", "王建国", "HQ", "G5", null, [Roles.Employee, Roles.Approver, Roles.Management]),
        new("E0002", "cfo", "李晓梅", "FIN", "G4", "E0001", [Roles.Employee, Roles.Approver, Roles.Finance, Roles.Management]),
        new("E0003", "finance1", "张会计", "FIN", "G2", "E0002", [Roles.Employee, Roles.Finance]),
        new("E0004", "finance2", "赵出纳", "FIN", "G2", "E0002", [Roles.Employee, Roles.Finance]),
        new("E0005", "admin", "系统管理员", "ADM", "G3", "E0001", [Roles.Employee, Roles.Admin]),
        new("E0006", "sales.director", "陈志强", "SALES", "G4", "E0001", [Roles.Employee, Roles.Approver]),
        new("E0007", "sales.east", "刘芳", "SALES-E", "G3", "E0006", [Roles.Employee, Roles.Approver]),
        new("E0008", "sales1", "杨帆", "SALES-E", "G1", "E0007", [Roles.Employee]),
        new("E0009", "sales2", "黄磊", "SALES-E", "G1", "E0007", [Roles.Employee]),
        new("E0010", "sales3", "周婷", "SALES-E", "G1", "E0007", [Roles.Employee]),
        new("E0011", "sales4", "吴昊", "SALES", "G2", "E0006", [Roles.Employee]),
        new("E0012", "rnd.director", "郑伟", "RND", "G4", "E0001", [Roles.Employee, Roles.Approver]),
        new("E0013", "rnd.lead", "孙丽", "RND", "G3", "E0012", [Roles.Employee, Roles.Approver]),
        new("E0014", "dev1", "马超", "RND", "G1", "E0013", [Roles.Employee]),
        new("E0015", "dev2", "朱琳", "RND", "G1", "E0013", [Roles.Employee]),
        new("E0016", "dev3", "胡斌", "RND", "G2", "E0013", [Roles.Employee]),
        new("E0017", "dev4", "郭静", "RND", "G1", "E0012", [Roles.Employee]),
        new("E0018", "office", "林小红", "ADM", "G1", "E0005", [Roles.Employee, Roles.HR]),
        new("E0019", "analyst", "何明", "HQ", "G3", "E0001", [Roles.Employee, Roles.Management]),
        new("E0020", "assistant", "高洁", "HQ", "G1", "E0001", [Roles.Employee]),
    ];
}
