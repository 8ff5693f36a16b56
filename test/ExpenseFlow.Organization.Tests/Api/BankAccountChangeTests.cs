using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Infrastructure;
using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Api;

/// <summary>Finding 3 of issue 14: an administrator could redirect an employee's payout at once, unseen. Now Finance confirms.</summary>
public class BankAccountChangeTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task AdminMakingANewDefaultAccountForAnEmployee_IsPending_UntilAFinanceUserConfirms()
    {
        var owner = await app.PersonIdAsync("sales1");
        using var admin = await app.SignInAsync("admin");
        using var finance = await app.SignInAsync("finance1");
        using var employee = await app.SignInAsync("sales1");
        var before = (await employee.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{owner}/bank-accounts"))!.Single();

        var added = await admin.AddAccountAsync(owner, "6222000011112222");

        (added.Status, added.IsDefault).ShouldBe(("Pending", false), "nothing of a pending change is in effect");
        var accounts = (await employee.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{owner}/bank-accounts"))!;
        accounts.Single(a => a.IsDefault).Id.ShouldBe(before.Id);
        var pending = (await finance.GetFromJsonAsync<List<BankAccountChangeDto>>("/api/organization/bank-account-changes"))!.Single(c => c.AccountId == added.Id);
        (pending.Kind, pending.Status, pending.Awaiting, pending.MakesDefault, pending.MadeByName, pending.PersonName).ShouldBe(("Added", "Pending", "Confirmation", true, "系统管理员", "杨帆"));
        pending.AccountNumber.ShouldBe("6222000011112222", "finance checks the full number with the employee before confirming");

        var confirmed = await finance.PostAsync($"/api/organization/bank-account-changes/{pending.Id}/confirm", null);

        ((int)confirmed.StatusCode).ShouldBe(200, await confirmed.Content.ReadAsStringAsync());
        (await confirmed.Content.ReadFromJsonAsync<BankAccountChangeDto>())!.DecidedByName.ShouldBe("张会计");
        accounts = (await employee.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{owner}/bank-accounts"))!;
        accounts.Single(a => a.IsDefault).ShouldSatisfyAllConditions(a => a.Id.ShouldBe(added.Id), a => a.Status.ShouldBe("Active"), a => a.ConfirmedAt.ShouldNotBeNull());
        var log = (await employee.GetFromJsonAsync<List<BankAccountLogDto>>($"/api/organization/people/{owner}/bank-account-log"))!;
        log.Select(l => (l.Type, l.Outcome, l.ActorName, l.ByOwner)).ShouldBe([("Confirmed", null, "张会计", false), ("Added", "Pending", "系统管理员", false)]);
        log.ShouldAllBe(l => l.AccountNumberMasked.EndsWith("2222") && !l.AccountNumberMasked.Contains("62220000"));
        (await finance.GetFromJsonAsync<List<BankAccountChangeDto>>("/api/organization/bank-account-changes"))!.ShouldNotContain(c => c.Id == pending.Id);
    }

    [Fact]
    public async Task TheChangerAndTheOwner_CannotDecideTheChange_AnotherFinanceUserCan()
    {
        // One person who both administers people and decides changes (revoked after: the other tests need admin without it).
        await SetRoleAsync("admin", Roles.Finance, true);
        try
        {
            await ChangerAndOwnerAsync();
        }
        finally
        {
            await SetRoleAsync("admin", Roles.Finance, false);
        }
    }

    private async Task ChangerAndOwnerAsync()
    {
        var owner = await app.PersonIdAsync("sales2");
        var financeOwner = await app.PersonIdAsync("finance1");
        using var admin = await app.SignInAsync("admin");
        using var finance1 = await app.SignInAsync("finance1");
        using var finance2 = await app.SignInAsync("finance2");

        var byAdmin = await admin.AddAccountAsync(owner, "6222000033334444");
        var change = await finance2.ChangeForAsync(byAdmin.Id);
        await (await admin.PostAsync($"/api/organization/bank-account-changes/{change.Id}/confirm", null)).ShouldBeProblemAsync(403, "Organization.OwnAccountChange");
        await (await admin.PostAsJsonAsync($"/api/organization/bank-account-changes/{change.Id}/reject", new { note = "x" })).ShouldBeProblemAsync(403, "Organization.OwnAccountChange");

        // finance1 changes their own account for the first time (in effect at once), then again at once: the second waits.
        var first = await finance1.AddAccountAsync(financeOwner, "6222000055556666");
        first.Status.ShouldBe("Active");
        var second = await finance1.AddAccountAsync(financeOwner, "6222000077778888");
        second.Status.ShouldBe("Pending");
        var own = await finance2.ChangeForAsync(second.Id);
        await (await finance1.PostAsync($"/api/organization/bank-account-changes/{own.Id}/confirm", null)).ShouldBeProblemAsync(403, "Organization.OwnAccountChange");

        var rejected = await finance2.PostAsJsonAsync($"/api/organization/bank-account-changes/{own.Id}/reject", new { note = "本人电话确认未申请" });
        ((int)rejected.StatusCode).ShouldBe(200, await rejected.Content.ReadAsStringAsync());
        (await finance1.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{financeOwner}/bank-accounts"))!
            .ShouldNotContain(a => a.Id == second.Id, "a rejected account never takes effect");
        await (await finance2.PostAsync($"/api/organization/bank-account-changes/{own.Id}/confirm", null)).ShouldBeProblemAsync(409, "Organization.AccountChangeDecided");
        ((int)(await finance2.PostAsync($"/api/organization/bank-account-changes/{change.Id}/confirm", null)).StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task TwoFinanceUsersConfirmingAtOnce_ExactlyOneWins()
    {
        var owner = await app.PersonIdAsync("sales4");
        using var admin = await app.SignInAsync("admin");
        using var finance1 = await app.SignInAsync("finance1");
        using var finance2 = await app.SignInAsync("finance2");
        using var cfo = await app.SignInAsync("cfo");
        var account = await admin.AddAccountAsync(owner, "6222000099990000");
        var change = await finance1.ChangeForAsync(account.Id);

        var answers = await Task.WhenAll(new[] { finance1, finance2, cfo }.Select(c => c.PostAsync($"/api/organization/bank-account-changes/{change.Id}/confirm", null)));

        answers.Count(a => (int)a.StatusCode == 200).ShouldBe(1);
        foreach (var loser in answers.Where(a => (int)a.StatusCode != 200))
        {
            await loser.ShouldBeProblemAsync(409, "Organization.AccountChangeDecided");
        }

        var log = (await finance1.GetFromJsonAsync<List<BankAccountLogDto>>($"/api/organization/people/{owner}/bank-account-log"))!;
        log.Count(l => l.Type == "Confirmed").ShouldBe(1);
    }

    [Fact]
    public async Task AnAdministratorWhoSetTheOwnersPassword_AndChangesTheAccountAsTheOwner_StillWaitsForFinance()
    {
        var owner = await app.PersonIdAsync("dev4");
        using var admin = await app.SignInAsync("admin");
        (await admin.PostAsJsonAsync($"/api/organization/people/{owner}/password", new { password = "Taken-Over-2026" })).EnsureSuccessStatusCode();
        using var impostor = app.Anonymous();
        (await impostor.PostAsJsonAsync("/api/organization/account/login", new { email = ExpenseFlowApp.DemoEmail("dev4"), password = "Taken-Over-2026" })).EnsureSuccessStatusCode();

        var added = await impostor.AddAccountAsync(owner, "6222000099990000");

        (added.Status, added.IsDefault).ShouldBe(("Pending", false), "a password set by an administrator makes the owner's change someone else's");
    }

    [Fact]
    public async Task ASecondChangeWhileOneIsPending_IsRefused_AndTheOwnerCanWithdrawIt()
    {
        var owner = await app.PersonIdAsync("dev1");
        using var admin = await app.SignInAsync("admin");
        using var employee = await app.SignInAsync("dev1");
        using var finance = await app.SignInAsync("finance2");
        var pending = await admin.AddAccountAsync(owner, "6222000012120000");

        var again = await admin.PostAsJsonAsync($"/api/organization/people/{owner}/bank-accounts", Account("6222000012121111", true));
        await again.ShouldBeProblemAsync(409, "Organization.BankAccountChangePending");
        var original = (await employee.GetFromJsonAsync<List<BankAccountDto>>($"/api/organization/people/{owner}/bank-accounts"))!.Single(a => a.IsDefault);
        await (await employee.PostAsync($"/api/organization/people/{owner}/bank-accounts/{original.Id}/default", null)).ShouldBeProblemAsync(409, "Organization.BankAccountChangePending");

        // The owner reads the notice on their profile and removes the account someone else added: the change is withdrawn.
        var notice = (await employee.GetFromJsonAsync<List<BankAccountLogDto>>($"/api/organization/people/{owner}/bank-account-log"))!;
        notice.ShouldContain(l => l.AccountId == pending.Id && !l.ByOwner && l.ActorName == "系统管理员" && l.Outcome == "Pending");
        (await employee.DeleteAsync($"/api/organization/people/{owner}/bank-accounts/{pending.Id}")).EnsureSuccessStatusCode();

        notice = (await employee.GetFromJsonAsync<List<BankAccountLogDto>>($"/api/organization/people/{owner}/bank-account-log"))!;
        notice.Take(2).Select(l => (l.Type, l.ByOwner)).ShouldBe([("Removed", true), ("Withdrawn", true)]);
        (await finance.GetFromJsonAsync<List<BankAccountChangeDto>>("/api/organization/bank-account-changes?status=all"))!
            .Single(c => c.AccountId == pending.Id).Status.ShouldBe("Withdrawn");
    }

    [Fact]
    public async Task OnlyFinance_ListsAndDecidesChanges_AndStrangersCannotReadTheLog()
    {
        var owner = await app.PersonIdAsync("dev2");
        using var employee = await app.SignInAsync("sales3");
        using var admin = await app.SignInAsync("admin");

        await (await employee.GetAsync("/api/organization/bank-account-changes")).ShouldBeProblemAsync(403, "General.Forbidden");
        await (await admin.GetAsync("/api/organization/bank-account-changes")).ShouldBeProblemAsync(403, "General.Forbidden");
        await (await employee.PostAsync($"/api/organization/bank-account-changes/{Guid.NewGuid()}/confirm", null)).ShouldBeProblemAsync(403, "General.Forbidden");
        await (await employee.GetAsync($"/api/organization/people/{owner}/bank-account-log")).ShouldBeProblemAsync(403, "General.Forbidden");
        await (await employee.PostAsJsonAsync($"/api/organization/people/{owner}/bank-accounts", Account("6222000012345678", true))).ShouldBeProblemAsync(403, "General.Forbidden");
        using var finance = await app.SignInAsync("finance2", "zh-CN");
        var missing = await (await finance.PostAsync($"/api/organization/bank-account-changes/{Guid.NewGuid()}/confirm", null)).ShouldBeProblemAsync(404, "Organization.AccountChangeNotFound");
        missing.GetProperty("detail").GetString()!.ShouldContain("银行账户变更");
    }

    [Fact]
    public async Task TheAuditLog_RefusesUpdateDeleteAndTruncate()
    {
        var owner = await app.PersonIdAsync("dev3");
        using var admin = await app.SignInAsync("admin");
        await admin.AddAccountAsync(owner, "6222000043214321");
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();

        foreach (var sql in new[]
                 {
                     $"UPDATE organization.bank_account_log SET actor_id = person_id WHERE person_id = '{owner}'",
                     $"DELETE FROM organization.bank_account_log WHERE person_id = '{owner}'",
                     "TRUNCATE organization.bank_account_log",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            error.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation, sql);
            error.MessageText.ShouldContain("append-only");
        }

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM organization.bank_account_log WHERE person_id = '{owner}' AND actor_id <> person_id", connection);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1);
    }

    internal static object Account(string number, bool isDefault) =>
        new { accountName = "测试户名", bankName = "中国工商银行上海分行", cnapsCode = "102290000000", accountNumber = number, isDefault };

    private Task SetRoleAsync(string login, string role, bool granted) => app.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(ExpenseFlowApp.DemoEmail(login));
        (granted ? await users.AddToRoleAsync(user!, role) : await users.RemoveFromRoleAsync(user!, role)).Succeeded.ShouldBeTrue();
    });
}

internal static class BankAccountClient
{
    public static async Task<BankAccountDto> AddAccountAsync(this HttpClient client, Guid personId, string number, bool isDefault = true)
    {
        var response = await client.PostAsJsonAsync($"/api/organization/people/{personId}/bank-accounts", BankAccountChangeTests.Account(number, isDefault));
        ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BankAccountDto>())!;
    }

    public static async Task<BankAccountChangeDto> ChangeForAsync(this HttpClient finance, Guid accountId) =>
        (await finance.GetFromJsonAsync<List<BankAccountChangeDto>>("/api/organization/bank-account-changes"))!.Single(c => c.AccountId == accountId);
}
