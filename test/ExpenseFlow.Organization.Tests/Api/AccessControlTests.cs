using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using Npgsql;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Api;

public class AccessControlTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task AdminGivingThemselfFinance_WaitsForASecondAdministrator_WhoConfirms()
    {
        using var admin = await app.SignInAsync("admin");
        var adminId = await app.PersonIdAsync("admin");
        var second = await CreateAdminAsync(admin, "E9301", "second.admin@demo.example");

        var response = await admin.PutPersonAsync(adminId, roles: ["Employee", "Admin", "Finance"]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var person = await response.Content.ReadFromJsonAsync<PersonDto>();
        person!.Roles.ShouldBe(["Admin", "Employee"]);
        person.PendingRoles.ShouldBe(["Finance"]);
        var grant = (await admin.GetFromJsonAsync<List<RoleGrantDto>>("/api/organization/role-grants"))!.Single(g => g.PersonId == adminId);
        grant.Reason.ShouldBe("SelfGrant");
        await (await admin.PostAsync($"/api/organization/role-grants/{grant.Id}/confirm", null)).ShouldBeProblemAsync(403, "Organization.GrantNeedsAnotherAdministrator");
        (await admin.GetFromJsonAsync<CurrentUserDto>("/api/organization/account/me"))!.Roles.ShouldNotContain("Finance");

        var confirmed = await second.PostAsync($"/api/organization/role-grants/{grant.Id}/confirm", null);

        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await confirmed.Content.ReadFromJsonAsync<RoleGrantDto>())!.Status.ShouldBe("Confirmed");
        var after = (await admin.GetFromJsonAsync<PersonDto>($"/api/organization/people/{adminId}"))!;
        after.Roles.ShouldBe(["Admin", "Employee", "Finance"]);
        after.PendingRoles.ShouldBeEmpty();
        await (await second.PostAsync($"/api/organization/role-grants/{grant.Id}/reject", null)).ShouldBeProblemAsync(409, "Organization.GrantAlreadyDecided");
        var log = await AccessLogAsync(adminId);
        log.ShouldBe(["GrantRequested", "GrantConfirmed"]);
    }

    [Fact]
    public async Task GivingFinanceToAnotherAdministrator_IsHeld_WhileOrdinaryRoleChangesApplyAndAreLogged()
    {
        using var admin = await app.SignInAsync("admin");
        var other = await CreateAdminAsync(admin, "E9302", "third.admin@demo.example");
        var otherId = (await other.GetFromJsonAsync<CurrentUserDto>("/api/organization/account/me"))!.UserId;
        var dev = await app.PersonIdAsync("dev3");

        (await admin.PutPersonAsync(dev, roles: ["Employee", "Approver"])).StatusCode.ShouldBe(HttpStatusCode.OK);
        var held = await (await admin.PutPersonAsync(otherId, roles: ["Employee", "Admin", "Finance", "Approver"])).Content.ReadFromJsonAsync<PersonDto>();

        held!.Roles.ShouldBe(["Admin", "Approver", "Employee"]);
        held.PendingRoles.ShouldBe(["Finance"]);
        (await AccessLogAsync(dev)).ShouldBe(["RolesChanged"]);
        (await AccessLogAsync(otherId)).ShouldBe(["RolesChanged", "GrantRequested", "RolesChanged"]);
        var grant = (await admin.GetFromJsonAsync<List<RoleGrantDto>>("/api/organization/role-grants"))!.Single(g => g.PersonId == otherId);
        grant.Reason.ShouldBe("Conflict:Admin+Finance");
        // The person receiving the roles is not the second administrator either.
        await (await other.PostAsync($"/api/organization/role-grants/{grant.Id}/confirm", null)).ShouldBeProblemAsync(403, "Organization.GrantNeedsAnotherAdministrator");
        using var finance = await app.SignInAsync("finance1");
        (await finance.GetAsync("/api/organization/role-grants")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheAccessLog_RefusesUpdateAndDelete_EvenToTheDatabaseOwner()
    {
        using var admin = await app.SignInAsync("admin");
        var dev = await app.PersonIdAsync("dev2");
        (await admin.PutPersonAsync(dev, roles: ["Employee", "Approver"])).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        foreach (var sql in new[] { "UPDATE organization.access_events SET kind = 'x'", "DELETE FROM organization.access_events" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var error = await Should.ThrowAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            error.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation);
        }
    }

    private async Task<HttpClient> CreateAdminAsync(HttpClient admin, string employeeNo, string email)
    {
        (await admin.PostAsJsonAsync("/api/organization/people", new
        {
            employeeNo, displayName = "第二管理员", email, roles = new[] { "Employee", "Admin" }, initialPassword = "Second-Admin-2026",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var client = app.Anonymous();
        (await client.PostAsJsonAsync("/api/organization/account/login", new { email, password = "Second-Admin-2026" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return client;
    }

    private async Task<List<string>> AccessLogAsync(Guid personId)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT kind FROM organization.access_events WHERE person_id = @p ORDER BY id", conn);
        cmd.Parameters.AddWithValue("p", personId);
        var kinds = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            kinds.Add(reader.GetString(0));
        }

        return kinds;
    }
}
