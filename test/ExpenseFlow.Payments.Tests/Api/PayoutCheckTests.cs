using System.Net.Http.Json;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Application.Batches;
using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// The real host with a clock the test moves and without Payments' handler of PayeeAccountChanged: whatever these tests
/// see of account changes, batch building found out by itself, where the money moves.
/// </summary>
public sealed class PayoutCheckApp : ExpenseFlowApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.RemoveAll<IIntegrationEventHandler<PayeeAccountChanged>>();
        });
    }
}

public class PayoutCheckTests(PayoutCheckApp app) : IClassFixture<PayoutCheckApp>
{
    [Fact]
    public async Task BatchBuilding_ChecksTheAccountItself_WhenTheChangeEventNeverArrives()
    {
        using var admin = await app.SignInAsync("admin");
        using var finance1 = await app.SignInAsync("finance1");
        using var finance2 = await app.SignInAsync("finance2");
        var claim = await app.ApprovedClaimAsync("sales1", "sales.east", 321m, "事件未达");
        var payable = await finance1.PayableWhenAsync(claim.Id, p => p.Status == "Open");
        var added = await admin.PostAsJsonAsync($"/api/organization/people/{payable.EmployeeId}/bank-accounts", PayeeAccounts.Account("6222000066665555", true));
        ((int)added.StatusCode).ShouldBe(201, await added.Content.ReadAsStringAsync());
        (await finance1.PayableWhenAsync(claim.Id, _ => true)).Status.ShouldBe("Open", "nothing told Payments of the change");

        await (await finance2.BuildAsync(payable.Id)).ProblemAsync(400, "Payments.NothingToPay");

        (await finance1.PayableWhenAsync(claim.Id, _ => true)).HoldReason.ShouldBe("BankAccountPending", "batch building saved what it found");
        var change = (await finance1.GetFromJsonAsync<List<BankAccountChangeDto>>("/api/organization/bank-account-changes"))!.Single(c => c.PersonId == payable.EmployeeId);
        (await finance1.PostAsync($"/api/organization/bank-account-changes/{change.Id}/confirm", null)).EnsureSuccessStatusCode();
        (await finance1.PayableWhenAsync(claim.Id, _ => true)).Status.ShouldBe("Held");
        var built = await finance2.BuildAsync(payable.Id);
        ((int)built.StatusCode).ShouldBe(201, await built.Content.ReadAsStringAsync());
        var line = (await built.Content.ReadFromJsonAsync<BatchDto>())!.Lines.Single();
        (line.AccountNumberMasked[^4..], line.AccountChangedBy, line.AccountConfirmedBy).ShouldBe(("5555", "系统管理员", "张会计"));
    }

    [Fact]
    public async Task OwnersOwnNewAccount_IsPaidAfterThePeriod_OrEarlierWhenFinanceConfirms()
    {
        using var finance1 = await app.SignInAsync("finance1");
        var early = await app.ApprovedClaimAsync("sales2", "sales.east", 456m, "本人改卡 提前确认");
        var waits = await app.ApprovedClaimAsync("dev4", "rnd.director", 654m, "本人改卡 等待期");
        var earlyPayable = await finance1.PayableWhenAsync(early.Id, p => p.Status == "Open");
        var waitingPayable = await finance1.PayableWhenAsync(waits.Id, p => p.Status == "Open");
        foreach (var (login, number) in new[] { ("sales2", "6222000011113333"), ("dev4", "6222000022224444") })
        {
            using var owner = await app.SignInAsync(login);
            var me = (await owner.GetFromJsonAsync<CurrentUserDto>("/api/organization/account/me"))!.PersonId!.Value;
            var response = await owner.PostAsJsonAsync($"/api/organization/people/{me}/bank-accounts", PayeeAccounts.Account(number, true));
            (await response.Content.ReadFromJsonAsync<BankAccountDto>())!.Status.ShouldBe("Active", "the owner's first change is in effect at once");
        }

        await (await finance1.BuildAsync(earlyPayable.Id, waitingPayable.Id)).ProblemAsync(400, "Payments.NothingToPay");
        (await finance1.PayableWhenAsync(waits.Id, _ => true)).HoldReason.ShouldBe("BankAccountRecentlyChanged");
        var change = (await finance1.GetFromJsonAsync<List<BankAccountChangeDto>>("/api/organization/bank-account-changes"))!
            .Single(c => c.PersonId == earlyPayable.EmployeeId);
        change.Awaiting.ShouldBe("Period");
        (await finance1.PostAsync($"/api/organization/bank-account-changes/{change.Id}/confirm", null)).EnsureSuccessStatusCode();

        var first = await finance1.BuildAsync(earlyPayable.Id, waitingPayable.Id);
        ((int)first.StatusCode).ShouldBe(201, await first.Content.ReadAsStringAsync());
        var confirmedLine = (await first.Content.ReadFromJsonAsync<BatchDto>())!.Lines.Single();
        (confirmedLine.ClaimId, confirmedLine.AccountChangedBy, confirmedLine.AccountConfirmedBy).ShouldBe((early.Id, "黄磊", "张会计"));

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        using var financeLater = await app.SignInAsync("finance1");
        var second = await financeLater.BuildAsync(waitingPayable.Id);
        ((int)second.StatusCode).ShouldBe(201, await second.Content.ReadAsStringAsync());
        var line = (await second.Content.ReadFromJsonAsync<BatchDto>())!.Lines.Single();
        (line.AccountNumberMasked[^4..], line.AccountChangedBy, line.AccountConfirmedBy).ShouldBe(("4444", "郭静", null));
    }
}
