using ExpenseFlow.BuildingBlocks;
using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Api;

public class AdministrationTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task CreatePerson_ThenTheyCanSignIn_WithTheirRolesPermissions()
    {
        using var admin = await app.SignInAsync("admin");
        var departments = await admin.GetFromJsonAsync<List<DepartmentDto>>("/api/organization/departments");
        var manager = await app.PersonIdAsync("rnd.lead");
        var response = await admin.PostAsJsonAsync("/api/organization/people", new
        {
            employeeNo = "E9001", displayName = "新同事", email = "New.Hire@Example.cn", departmentId = departments!.Single(d => d.Code == "RND").Id,
            gradeCode = "G1", managerId = manager, costCentreCode = "CC-RND", roles = new[] { "employee", "Approver" }, initialPassword = "Welcome2026x",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var person = await response.Content.ReadFromJsonAsync<PersonDto>();
        person!.Email.ShouldBe("new.hire@example.cn");
        person.ManagerName.ShouldBe("孙丽");
        person.Roles.ShouldBe(["Approver", "Employee"]);
        using var hire = app.Anonymous();
        (await hire.PostAsJsonAsync("/api/organization/account/login", new { email = "new.hire@example.cn", password = "Welcome2026x" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreatePerson_WithTakenEmailOrWeakPasswordOrUnknownRole_IsRejected()
    {
        using var admin = await app.SignInAsync("admin");
        object Body(string no, string email, string password, string role) => new { employeeNo = no, displayName = "X", email, roles = new[] { role }, initialPassword = password };

        await (await admin.PostAsJsonAsync("/api/organization/people", Body("E9101", ExpenseFlowApp.DemoEmail("dev1"), "Welcome2026x", "Employee")))
            .ShouldBeProblemAsync(409, "Organization.DuplicateEmail");
        await (await admin.PostAsJsonAsync("/api/organization/people", Body("E0001", "x1@example.cn", "Welcome2026x", "Employee")))
            .ShouldBeProblemAsync(409, "Organization.DuplicateEmployeeNo");
        await (await admin.PostAsJsonAsync("/api/organization/people", Body("E9102", "x2@example.cn", "short", "Employee")))
            .ShouldBeProblemAsync(400, "Organization.WeakPassword");
        await (await admin.PostAsJsonAsync("/api/organization/people", Body("E9103", "x3@example.cn", "Welcome2026x", "Boss")))
            .ShouldBeProblemAsync(400, "Organization.UnknownRole");
        var page = await admin.GetFromJsonAsync<PagedResult<PersonListItemDto>>("/api/organization/people?search=example.cn");
        page!.Items.ShouldNotContain(p => p.EmployeeNo == "E9102");
    }

    [Fact]
    public async Task UpdatePerson_ToReportToTheirOwnReport_IsRefusedAsALoop()
    {
        using var admin = await app.SignInAsync("admin");
        var director = await admin.GetFromJsonAsync<PersonDto>($"/api/organization/people/{await app.PersonIdAsync("rnd.director")}");
        var dev = await app.PersonIdAsync("dev1"); // dev1 → rnd.lead → rnd.director

        var response = await admin.PutAsJsonAsync($"/api/organization/people/{director!.Id}", new
        {
            director.EmployeeNo, director.DisplayName, director.Email, director.DepartmentId, director.GradeCode, managerId = dev, director.CostCentreCode, director.Roles,
        });

        await response.ShouldBeProblemAsync(400, "Organization.ManagerCycle");
    }

    [Fact]
    public async Task LegalEntity_WithBadCheckCharacter_IsRejected_GoodOneIsSaved()
    {
        using var admin = await app.SignInAsync("admin", "zh-CN");
        var bad = await (await admin.PostAsJsonAsync("/api/organization/legal-entities", new { name = "北京分公司", taxId = "91110108MA01XY7D2A" }))
            .ShouldBeProblemAsync(400, "Organization.InvalidTaxId");
        bad.GetProperty("detail").GetString()!.ShouldContain("统一社会信用代码");

        var good = await admin.PostAsJsonAsync("/api/organization/legal-entities", new { name = "北京分公司", taxId = "91110108MA01XY7D2H" });
        good.StatusCode.ShouldBe(HttpStatusCode.Created);
        var all = await admin.GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities");
        all!.Select(e => e.TaxId).ShouldContain("91110108MA01XY7D2H");
    }

    [Fact]
    public async Task Departments_FormATree_WithHeads_AndRefuseLoopsAndDeletingNonEmpty()
    {
        using var admin = await app.SignInAsync("admin");
        var departments = (await admin.GetFromJsonAsync<List<DepartmentDto>>("/api/organization/departments"))!;
        var sales = departments.Single(d => d.Code == "SALES");
        var east = departments.Single(d => d.Code == "SALES-E");
        east.ParentId.ShouldBe(sales.Id);
        east.HeadName.ShouldBe("刘芳");

        await (await admin.PutAsJsonAsync($"/api/organization/departments/{sales.Id}", new { sales.Code, sales.Name, parentId = east.Id, sales.HeadPersonId }))
            .ShouldBeProblemAsync(400, "Organization.DepartmentCycle");
        await (await admin.DeleteAsync($"/api/organization/departments/{sales.Id}")).ShouldBeProblemAsync(409, "Organization.DepartmentNotEmpty");
    }

    [Fact]
    public async Task Delegations_AreOwnedByTheDelegator_AndMayNotOverlap()
    {
        using var lead = await app.SignInAsync("rnd.lead");
        var director = await app.PersonIdAsync("rnd.director");
        var created = await lead.PostAsJsonAsync("/api/organization/delegations", new { toPersonId = director, startDate = "2026-12-01", endDate = "2026-12-10", reason = "出差" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await lead.PostAsJsonAsync("/api/organization/delegations", new { toPersonId = director, startDate = "2026-12-10", endDate = "2026-12-12" }))
            .ShouldBeProblemAsync(409, "Organization.DelegationOverlap");

        using var other = await app.SignInAsync("dev3");
        var dto = await created.Content.ReadFromJsonAsync<DelegationDto>();
        await (await other.DeleteAsync($"/api/organization/delegations/{dto!.Id}")).ShouldBeProblemAsync(403, "General.Forbidden");
        (await other.GetFromJsonAsync<List<DelegationDto>>("/api/organization/delegations"))!.ShouldBeEmpty();
        (await lead.DeleteAsync($"/api/organization/delegations/{dto.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }
}
