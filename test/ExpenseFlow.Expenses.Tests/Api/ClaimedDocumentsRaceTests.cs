using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>Claimed invoices and files under simultaneous submits, and their release when a claim ends without payment.</summary>
public class ClaimedDocumentsRaceTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task TheSameInvoice_WrittenTwoWays_SubmittedAtOnce_ExactlyOneWins()
    {
        using var first = await app.SignInAsync("dev1");
        using var second = await app.SignInAsync("dev2");
        for (var round = 0; round < 4; round++)
        {
            var number = $"6100000{round}";
            var a = await first.CreateClaimAsync("A", ExpensesApi.Line("office", 100m, ExpensesApi.CompanyInvoice(number)));
            var b = await second.CreateClaimAsync("B", ExpensesApi.Line("office", 100m, ExpensesApi.CompanyInvoice(FullWidth("0" + number), "31001900111")));

            var responses = await Task.WhenAll(first.SubmitAsync(a.Id), second.SubmitAsync(b.Id));

            responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, $"round {round}");
            await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ProblemAsync(409, "Expenses.DuplicateInvoice");
            (await ClaimedAsync(db => db.ClaimedInvoices.CountAsync(c => c.InvoiceKey == "I:031001900111" + number))).ShouldBe(1);
        }
    }

    [Fact]
    public async Task TheSameFile_SubmittedAtOnceByTwoEmployees_ExactlyOneWins()
    {
        using var first = await app.SignInAsync("sales1");
        using var second = await app.SignInAsync("sales2");
        for (var round = 0; round < 4; round++)
        {
            // A till receipt: no invoice identity at all, only its bytes.
            var bytes = Encoding.UTF8.GetBytes($"便利店小票 第{round}号 合计 ￥58.00 {Guid.NewGuid()}");
            var a = await DuplicateInvoiceTests.ClaimWithDocumentAsync(app, first, ("小票.txt", bytes), recognise: false);
            var b = await DuplicateInvoiceTests.ClaimWithDocumentAsync(app, second, ("receipt.txt", bytes), recognise: false);

            var responses = await Task.WhenAll(first.SubmitAsync(a.Id), second.SubmitAsync(b.Id));

            responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, $"round {round}");
            await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ProblemAsync(409, "Expenses.DuplicateInvoice");
            var claims = new[] { a.Id, b.Id };
            (await ClaimedAsync(db => db.ClaimedReceiptFiles.CountAsync(f => claims.Contains(f.ClaimId)))).ShouldBe(1);
        }
    }

    [Fact]
    public async Task TheSameEInvoice_InvoiceAndFile_SubmittedAtOnce_ExactlyOneWins_WithoutDeadlock()
    {
        using var first = await app.SignInAsync("sales3");
        using var second = await app.SignInAsync("sales4");
        var xml = DuplicateInvoiceTests.EInvoiceXml("031001900111", "62000001");
        var a = await DuplicateInvoiceTests.ClaimWithDocumentAsync(app, first, ("a.xml", xml));
        var b = await DuplicateInvoiceTests.ClaimWithDocumentAsync(app, second, ("b.xml", xml));

        var responses = await Task.WhenAll(first.SubmitAsync(a.Id), second.SubmitAsync(b.Id));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ProblemAsync(409, "Expenses.DuplicateInvoice");
    }

    [Fact]
    public async Task Cancel_ReleasesTheInvoiceAndTheFile_ForReuse()
    {
        using var owner = await app.SignInAsync("dev3");
        using var other = await app.SignInAsync("dev4");
        var xml = DuplicateInvoiceTests.EInvoiceXml("031001900111", "63000001");
        var claimed = await DuplicateInvoiceTests.ClaimWithDocumentAsync(app, owner, ("发票.xml", xml));
        (await owner.SubmitAsync(claimed.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var waiting = await DuplicateInvoiceTests.ClaimWithDocumentAsync(app, other, ("发票副本.xml", xml));
        await (await other.SubmitAsync(waiting.Id)).ProblemAsync(409, "Expenses.DuplicateInvoice");

        (await owner.PostAsJsonAsync($"/api/expenses/claims/{claimed.Id}/cancel", new { reason = "报错了" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await other.SubmitAsync(waiting.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClaimedAsync(db => db.ClaimedInvoices.Where(c => c.InvoiceKey == "I:03100190011163000001").Select(c => c.ClaimId).SingleAsync())).ShouldBe(waiting.Id);
        (await ClaimedAsync(db => db.ClaimedReceiptFiles.Where(f => f.ClaimId == claimed.Id).CountAsync())).ShouldBe(0);
        (await ClaimedAsync(db => db.ClaimedReceiptFiles.Where(f => f.ClaimId == waiting.Id).CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Reject_ReleasesTheInvoiceAndTheFile_ForReuse()
    {
        using var owner = await app.SignInAsync("sales2");
        using var manager = await app.SignInAsync("sales.east");
        using var other = await app.SignInAsync("sales1");
        var xml = DuplicateInvoiceTests.EInvoiceXml("031001900111", "64000001");
        var claimed = await DuplicateInvoiceTests.ClaimWithDocumentAsync(app, owner, ("发票.xml", xml));
        (await owner.SubmitAsync(claimed.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await manager.DecideOkAsync((await manager.TaskForAsync(claimed.Id)).TaskId, "reject", "个人消费");
        await owner.ClaimWhenAsync(claimed.Id, "Rejected");

        var reused = await DuplicateInvoiceTests.ClaimWithDocumentAsync(app, other, ("发票.xml", xml));
        (await other.SubmitAsync(reused.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string FullWidth(string digits) => new(digits.Select(c => (char)(c - '0' + '０')).ToArray());

    private async Task<T> ClaimedAsync<T>(Func<ExpensesDbContext, Task<T>> query)
    {
        T result = default!;
        await app.WithScopeAsync(async sp => result = await query(sp.GetRequiredService<ExpensesDbContext>()));
        return result;
    }
}
