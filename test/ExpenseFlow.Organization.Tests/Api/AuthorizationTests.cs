using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Api;

public class AuthorizationTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "POST", "/api/organization/people" },
        { "PUT", "/api/organization/people/00000000-0000-0000-0000-000000000001" },
        { "POST", "/api/organization/people/00000000-0000-0000-0000-000000000001/password" },
        { "POST", "/api/organization/people/import" },
        { "POST", "/api/organization/departments" },
        { "PUT", "/api/organization/departments/00000000-0000-0000-0000-000000000001" },
        { "DELETE", "/api/organization/departments/00000000-0000-0000-0000-000000000001" },
        { "POST", "/api/organization/grades" },
        { "PUT", "/api/organization/grades/G1" },
        { "POST", "/api/organization/cost-centres" },
        { "PUT", "/api/organization/cost-centres/CC-HQ" },
        { "POST", "/api/organization/legal-entities" },
        { "PUT", "/api/organization/legal-entities/00000000-0000-0000-0000-000000000001" },
    };

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = path.EndsWith("/import", StringComparison.Ordinal)
            ? new MultipartFormDataContent { { new StringContent("employeeNo,displayName,email\nX1,X,x@x.cn\n"), "file", "people.csv" } }
            : JsonContent.Create(new { }),
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task AdminEndpoint_RefusesEveryNonAdminRole(string method, string path)
    {
        foreach (var login in new[] { "sales1", "finance1", "sales.east", "analyst" })
        {
            using var client = await app.SignInAsync(login);
            using var request = Request(method, path);
            var response = await client.SendAsync(request);
            await response.ShouldBeProblemAsync(403, "General.Forbidden");
        }
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task AdminEndpoint_RefusesAnonymousCallers(string method, string path)
    {
        using var client = app.Anonymous();
        using var request = Request(method, path);
        await (await client.SendAsync(request)).ShouldBeProblemAsync(401, "General.Unauthenticated");
    }

    [Fact]
    public async Task Employee_ReadingAnotherEmployeesProfileOrBankAccounts_IsDenied()
    {
        var colleague = await app.PersonIdAsync("sales2");
        using var employee = await app.SignInAsync("sales1");

        await (await employee.GetAsync($"/api/organization/people/{colleague}")).ShouldBeProblemAsync(403, "General.Forbidden");
        await (await employee.GetAsync($"/api/organization/people/{colleague}/bank-accounts")).ShouldBeProblemAsync(403, "General.Forbidden");
        await (await employee.GetAsync("/api/organization/people")).ShouldBeProblemAsync(403, "General.Forbidden");
    }

    [Fact]
    public async Task Owner_SeesOwnAccountInFull_FinanceInFull_AdminOnlyMasked()
    {
        var owner = await app.PersonIdAsync("sales1");
        using var self = await app.SignInAsync("sales1");
        using var finance = await app.SignInAsync("finance1");
        using var admin = await app.SignInAsync("admin");

        var mine = (await self.GetFromJsonAsync<PersonDto>($"/api/organization/people/{owner}"))!.BankAccounts.Single();
        var financeView = (await finance.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{owner}/bank-accounts"))!.Single();
        var adminView = (await admin.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{owner}/bank-accounts"))!.Single();

        mine.AccountNumber.ShouldNotBeNull();
        mine.AccountNumber.ShouldEndWith(mine.AccountNumberMasked[^4..]);
        financeView.AccountNumber.ShouldBe(mine.AccountNumber);
        adminView.AccountNumber.ShouldBeNull();
        adminView.AccountNumberMasked.ShouldStartWith("****");
        adminView.AccountNumberMasked.ShouldNotContain(mine.AccountNumber![..6]);
    }

    [Fact]
    public async Task PeopleList_NeverCarriesAccountNumbers()
    {
        using var finance = await app.SignInAsync("finance1");
        var json = await finance.GetStringAsync("/api/organization/people?pageSize=200");
        json.ShouldNotContain("6214830");
        json.ShouldContain("\"totalCount\":20");
    }

    [Fact]
    public async Task JobsDashboard_IsForAdministratorsOnly()
    {
        using var anonymous = app.Anonymous();
        using var employee = await app.SignInAsync("sales1");
        using var admin = await app.SignInAsync("admin");

        (await anonymous.GetAsync("/jobs")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await employee.GetAsync("/jobs")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        var page = await admin.GetAsync("/jobs");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("ExpenseFlow jobs");
    }
}
