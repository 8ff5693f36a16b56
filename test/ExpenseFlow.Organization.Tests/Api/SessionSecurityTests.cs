using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Hosting;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Api;

/// <summary>A host whose sign-in throttle trips after three failures from one address, to see it trip.</summary>
public sealed class StrictLoginApp : ExpenseFlowApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:Login:FailuresPerAddress", "3");
    }
}

public class SessionSecurityTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    private static object Login(string login, string password) => new { email = ExpenseFlowApp.DemoEmail(login), password };

    [Fact]
    public async Task Deactivation_EndsTheOpenSessionWithinSeconds_AndLoginSaysDeactivated_UntilReactivated()
    {
        using var employee = await app.SignInAsync("sales2");
        (await employee.GetAsync("/api/expenses/claims")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await app.SignInAsync("admin");
        var id = await app.PersonIdAsync("sales2");

        (await admin.PutPersonAsync(id, isActive: false)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The cookie is checked against the security stamp every few seconds (Security:SessionCheckSeconds = 5).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            status = (await employee.GetAsync("/api/expenses/claims")).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        status.ShouldBe(HttpStatusCode.Unauthorized);
        (await employee.PostAsJsonAsync("/api/expenses/claims", new { title = "after deactivation" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var again = app.Anonymous();
        await (await again.PostAsJsonAsync("/api/organization/account/login", Login("sales2", TestDatabase.DemoPassword))).ShouldBeProblemAsync(403, "Organization.AccountDeactivated");
        await (await again.PostAsJsonAsync("/api/organization/account/login", Login("sales2", "Wrong-Passw0rd"))).ShouldBeProblemAsync(401, "Organization.InvalidCredentials");

        (await admin.PutPersonAsync(id, isActive: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.PostAsJsonAsync("/api/organization/account/login", Login("sales2", TestDatabase.DemoPassword))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.GetAsync("/api/expenses/claims")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownEmail_AnswersLikeAKnownOne_AndLocksAfterTheSameNumberOfFailures()
    {
        using var client = app.Anonymous();
        var unknown = new { email = "nobody.here@demo.example", password = "Wrong-Passw0rd" };
        for (var i = 0; i < 4; i++)
        {
            await (await client.PostAsJsonAsync("/api/organization/account/login", unknown)).ShouldBeProblemAsync(401, "Organization.InvalidCredentials");
        }

        await (await client.PostAsJsonAsync("/api/organization/account/login", unknown)).ShouldBeProblemAsync(423, "Organization.LockedOut");
    }

    [Fact]
    public async Task StateChangingRequest_FromAnotherSite_IsRefused_AndChangesNothing()
    {
        using var employee = await app.SignInAsync("sales3");
        var entity = (await employee.GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;
        async Task<HttpResponseMessage> CreateAsync(string title, string? origin, string? referer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/expenses/claims") { Content = JsonContent.Create(new { title, legalEntityId = entity }) };
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            if (referer is not null)
            {
                request.Headers.Referrer = new Uri(referer);
            }

            return await employee.SendAsync(request);
        }

        await (await CreateAsync("csrf-1", "https://evil.example", null)).ShouldBeProblemAsync(403, "General.ForeignOrigin");
        await (await CreateAsync("csrf-2", "null", null)).ShouldBeProblemAsync(403, "General.ForeignOrigin");
        await (await CreateAsync("csrf-3", null, "https://evil.example/page")).ShouldBeProblemAsync(403, "General.ForeignOrigin");
        await (await CreateAsync("csrf-4", "http://localhost.evil.example", null)).ShouldBeProblemAsync(403, "General.ForeignOrigin");
        var mine = await employee.GetStringAsync("/api/expenses/claims?search=csrf");
        mine.ShouldNotContain("csrf-");

        (await CreateAsync("same-site", "http://localhost", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CreateAsync("same-site-referer", null, "http://localhost/expenses/new")).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Scripts and the CLI send neither header, and hold no browser's cookie.
        (await CreateAsync("no-browser", null, null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Reading is not changing: a GET from anywhere still answers (the cookie is SameSite=Strict anyway).
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/expenses/claims");
        read.Headers.Add("Origin", "https://evil.example");
        (await employee.SendAsync(read)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/organization/account/me")]
    [InlineData("/api/nothing-here")]
    public async Task EveryResponse_CarriesNosniff_AndAPolicyThatForbidsFraming(string path)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-eval");
        // HSTS only where it means something: behind TLS (see RequestSecurity).
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }
}

public class LoginThrottleTests(StrictLoginApp app) : IClassFixture<StrictLoginApp>
{
    [Fact]
    public async Task FailuresFromOneAddress_AcrossAccounts_AreThrottled_EvenForTheRightPassword()
    {
        using var client = app.Anonymous("zh-CN");
        foreach (var login in new[] { "dev1", "dev2", "dev3" })
        {
            await (await client.PostAsJsonAsync("/api/organization/account/login", new { email = ExpenseFlowApp.DemoEmail(login), password = "Spray-Passw0rd" }))
                .ShouldBeProblemAsync(401, "Organization.InvalidCredentials");
        }

        var body = await (await client.PostAsJsonAsync("/api/organization/account/login", new { email = ExpenseFlowApp.DemoEmail("dev4"), password = TestDatabase.DemoPassword }))
            .ShouldBeProblemAsync(429, "Organization.TooManyAttempts");
        body.GetProperty("detail").GetString().ShouldBe("此网络地址登录失败次数过多，请稍后再试。");
    }
}
