using System.Net.Http.Json;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Application.Batches;
using ExpenseFlow.Payments.Application.Payables;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// Finding 3 of issue 14, end to end: an administrator's new default account for an employee used to be paid by the next
/// batch. Now the payable is held until a second finance user confirms, and the checker sees who changed the account.
/// </summary>
public class PayeeAccountChangeTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task AdminRedirectingAPayout_HoldsThePayable_BatchesSkipIt_UntilAnotherFinanceUserConfirms_AndTheCheckerSeesWhoChangedIt()
    {
        using var admin = await app.SignInAsync("admin");
        using var finance1 = await app.SignInAsync("finance1");
        using var finance2 = await app.SignInAsync("finance2");
        var claim = await app.ApprovedClaimAsync("dev3", "rnd.lead", 2_468m, "改卡测试");
        var payable = await finance1.PayableWhenAsync(claim.Id, p => p.Status == "Open");
        var owner = payable.EmployeeId;

        var added = await admin.PostAsJsonAsync($"/api/organization/people/{owner}/bank-accounts", PayeeAccounts.Account("6222000088887777", true));
        ((int)added.StatusCode).ShouldBe(201, await added.Content.ReadAsStringAsync());

        var held = await finance1.PayableWhenAsync(claim.Id, p => p.Status == "Held");
        (held.HoldReason, held.AccountNumberMasked![^4..]).ShouldBe(("BankAccountPending", payable.AccountNumberMasked![^4..]), "a pending account is never used");
        await (await finance2.BuildAsync(held.Id)).ProblemAsync(400, "Payments.NothingToPay");

        var change = (await finance1.GetFromJsonAsync<List<BankAccountChangeDto>>("/api/organization/bank-account-changes"))!.Single(c => c.PersonId == owner);
        (await finance1.PostAsync($"/api/organization/bank-account-changes/{change.Id}/confirm", null)).EnsureSuccessStatusCode();

        var released = await finance1.PayableWhenAsync(claim.Id, p => p.Status == "Open");
        released.AccountNumberMasked!.ShouldEndWith("7777");
        var built = await finance2.BuildAsync(released.Id);
        ((int)built.StatusCode).ShouldBe(201, await built.Content.ReadAsStringAsync());
        var draft = (await built.Content.ReadFromJsonAsync<BatchDto>())!;
        var line = draft.Lines.Single();
        (line.AccountNumberMasked[^4..], line.AccountChangedBy, line.AccountConfirmedBy).ShouldBe(("7777", "系统管理员", "张会计"));
        line.AccountChangedAt.ShouldNotBeNull();
        var batch = (await finance1.GetFromJsonAsync<BatchDto>($"/api/payments/batches/{draft.Id}"))!;
        batch.Lines.Single().AccountChangedBy.ShouldBe("系统管理员", "the checker sees it on the batch before releasing");
        (await finance1.PostAsync($"/api/payments/batches/{batch.Id}/release", null)).EnsureSuccessStatusCode();
        System.Text.Encoding.UTF8.GetString(await finance1.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/pain.001.001.09")).ShouldContain("6222000088887777");
    }

    [Fact]
    public async Task AnAccountUnchangedSinceSetUp_IsPaidAsBefore_WithNoChangeNote()
    {
        using var finance1 = await app.SignInAsync("finance1");
        var claim = await app.ApprovedClaimAsync("dev2", "rnd.lead", 135m, "未改卡");
        var payable = await finance1.PayableWhenAsync(claim.Id, p => p.Status == "Open");

        var built = await finance1.BuildAsync(payable.Id);

        ((int)built.StatusCode).ShouldBe(201, await built.Content.ReadAsStringAsync());
        var line = (await built.Content.ReadFromJsonAsync<BatchDto>())!.Lines.Single();
        (line.AccountChangedAt, line.AccountChangedBy, line.AccountConfirmedBy).ShouldBe((null, null, null));
    }
}

internal static class PayeeAccounts
{
    public static object Account(string number, bool isDefault) =>
        new { accountName = "测试户名", bankName = "中国工商银行上海分行", cnapsCode = "102290000000", accountNumber = number, isDefault };

    public static async Task<PayableDto> PayableWhenAsync(this HttpClient finance, Guid claimId, Func<PayableDto, bool> condition) =>
        await DemoClaims.EventuallyAsync(async () =>
            (await finance.GetFromJsonAsync<List<PayableDto>>("/api/payments/payables"))!.FirstOrDefault(p => p.ClaimId == claimId && condition(p)), $"the payable of claim {claimId}");

    public static async Task<HttpResponseMessage> BuildAsync(this HttpClient finance, params Guid[] payableIds)
    {
        var legalEntity = (await finance.GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;
        return await finance.PostAsJsonAsync("/api/payments/batches", new { legalEntityId = legalEntity, currency = "CNY", payableIds });
    }
}
