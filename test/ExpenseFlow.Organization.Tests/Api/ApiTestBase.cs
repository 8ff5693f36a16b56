using ExpenseFlow.BuildingBlocks;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using Shouldly;

namespace ExpenseFlow.Organization.Tests.Api;

internal static class ApiAssertions
{
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("code").GetString().ShouldBe(code);
        body.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        return body;
    }

    public static async Task<Guid> PersonIdAsync(this ExpenseFlowApp app, string login)
    {
        using var admin = await app.SignInAsync("admin");
        var page = await admin.GetFromJsonAsync<PagedResult<PersonListItemDto>>($"/api/organization/people?search={Uri.EscapeDataString(ExpenseFlowApp.DemoEmail(login))}");
        return page!.Items.Single().Id;
    }
}
