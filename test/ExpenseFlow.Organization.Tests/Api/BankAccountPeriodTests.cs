using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Api;

/// <summary>The real host with a clock the test moves (the waiting period is days long).</summary>
public sealed class ClockedApp : ExpenseFlowApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

/// <summary>The owner's own change is in effect at once, unless their accounts changed within the period (default 7 days).</summary>
public class BankAccountPeriodTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task OwnersOwnChange_IsInEffectAtOnce_ASecondWithinThePeriodWaits_AndOneAfterThePeriodDoesNot()
    {
        var owner = await app.PersonIdAsync("sales3");
        using var employee = await app.SignInAsync("sales3");
        using var finance = await app.SignInAsync("finance1");
        var start = app.Clock.GetUtcNow();

        var first = await employee.AddAccountAsync(owner, "6222000010101010");

        (first.Status, first.IsDefault).ShouldBe(("Active", true));
        var waiting = await finance.ChangeForAsync(first.Id);
        (waiting.Status, waiting.Awaiting).ShouldBe(("Effective", "Period"), "paid once the period has passed, or earlier if confirmed");
        waiting.ClearsAt!.Value.ShouldBe(start.AddDays(7), TimeSpan.FromMilliseconds(1)); // PostgreSQL keeps microseconds

        var second = await employee.AddAccountAsync(owner, "6222000020202020");
        second.Status.ShouldBe("Pending", "a second change within 7 days of the first is what a hijacked login does");
        var reject = await finance.PostAsJsonAsync($"/api/organization/bank-account-changes/{(await finance.ChangeForAsync(second.Id)).Id}/reject", new { note = "未经本人确认" });
        ((int)reject.StatusCode).ShouldBe(200, await reject.Content.ReadAsStringAsync());

        app.Clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(23));
        using (var employeeLater = await app.SignInAsync("sales3")) // the 8-hour sessions have expired
        using (var financeLater = await app.SignInAsync("finance1"))
        {
            var third = await employeeLater.AddAccountAsync(owner, "6222000030303030", isDefault: false);
            third.Status.ShouldBe("Pending", "still within 7 days of the last change");
            var rejected = await financeLater.PostAsJsonAsync($"/api/organization/bank-account-changes/{(await financeLater.ChangeForAsync(third.Id)).Id}/reject", new { note = "x" });
            ((int)rejected.StatusCode).ShouldBe(200);
        }

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var employeeAfter = await app.SignInAsync("sales3");
        using var financeAfter = await app.SignInAsync("finance1");
        var later = await employeeAfter.AddAccountAsync(owner, "6222000040404040");

        (later.Status, later.IsDefault).ShouldBe(("Active", true), "7 days after the last change the owner's change is in effect at once");
        (await financeAfter.GetFromJsonAsync<List<BankAccountChangeDto>>("/api/organization/bank-account-changes"))!
            .ShouldNotContain(c => c.AccountId == first.Id, "the first change's period is over");
    }
}
