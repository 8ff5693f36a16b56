using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Api;

public class AccountTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task Login_ReturnsRolesAndPermissions_AndSetsAnHttpOnlyStrictCookie()
    {
        using var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/organization/account/login", new { email = ExpenseFlowApp.DemoEmail("cfo"), password = TestDatabase.DemoPassword });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ExpenseFlow.Auth=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        var me = await client.GetFromJsonAsync<CurrentUserDto>("/api/organization/account/me");
        me!.Roles.ShouldBe(["Approver", "Employee", "Finance", "Management"]);
        me.Permissions.ShouldContain(OrganizationPermissions.BankAccountsReadFull);
        me.Permissions.ShouldNotContain(OrganizationPermissions.Manage);
    }

    [Fact]
    public async Task Login_WithWrongPassword_GivesLocalizedProblem()
    {
        using var zh = app.Anonymous("zh-CN,zh;q=0.9");
        using var en = app.Anonymous("en-US");

        var zhBody = await (await zh.PostAsJsonAsync("/api/organization/account/login", new { email = ExpenseFlowApp.DemoEmail("dev1"), password = "wrong" }))
            .ShouldBeProblemAsync(401, "Organization.InvalidCredentials");
        var enBody = await (await en.PostAsJsonAsync("/api/organization/account/login", new { email = "nobody@example.com", password = "wrong" }))
            .ShouldBeProblemAsync(401, "Organization.InvalidCredentials");

        zhBody.GetProperty("detail").GetString().ShouldBe("邮箱或密码错误。");
        enBody.GetProperty("detail").GetString().ShouldBe("E-mail or password is incorrect.");
    }

    [Fact]
    public async Task Login_AfterFiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        using var client = app.Anonymous();
        var email = ExpenseFlowApp.DemoEmail("dev4");
        for (var i = 0; i < 4; i++)
        {
            await (await client.PostAsJsonAsync("/api/organization/account/login", new { email, password = "wrong" })).ShouldBeProblemAsync(401, "Organization.InvalidCredentials");
        }

        await (await client.PostAsJsonAsync("/api/organization/account/login", new { email, password = "wrong" })).ShouldBeProblemAsync(423, "Organization.LockedOut");
        await (await client.PostAsJsonAsync("/api/organization/account/login", new { email, password = TestDatabase.DemoPassword })).ShouldBeProblemAsync(423, "Organization.LockedOut");
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var client = await app.SignInAsync("dev2");
        (await client.GetAsync("/api/organization/account/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("/api/organization/account/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/organization/account/me")).ShouldBeProblemAsync(401, "General.Unauthenticated");
    }

    [Fact]
    public async Task UnknownApiPath_Is404ProblemDetails_NotThePortal()
    {
        using var client = app.Anonymous("zh-CN");
        var body = await (await client.GetAsync("/api/organization/nothing-here")).ShouldBeProblemAsync(404, "General.NotFound");
        body.GetProperty("detail").GetString().ShouldBe("此地址没有对应的接口。");
    }

    [Fact]
    public async Task Health_ChecksPostgreSql_AndOpenApiDocumentsTheEndpoints()
    {
        using var client = app.Anonymous();
        (await client.GetStringAsync("/health")).ShouldBe("Healthy");
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("/api/organization/people/import");
        openApi.ShouldContain("/api/organization/account/login");
        (await client.GetAsync("/api-docs/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
