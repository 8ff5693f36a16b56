using System.Net.Http.Json;
using System.Text;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Payments.Application.Statements;
using ExpenseFlow.Payments.Infrastructure;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// Issue 14, finding 2: a statement is evidence only for the company's own account, and a credit reopens a paid claim
/// only when it names the payment, or when two finance users agree. Through the real host on PostgreSQL.
/// </summary>
public class StatementTrustApiTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    /// <summary>The account the forged camt.053 of the finding was for: not an account of the company.</summary>
    private const string ForeignAccount = "1001244309000012345";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task ForgedCreditOfAForeignAccount_IsRefused_AndThePaidClaimStaysPaid()
    {
        var claim = await app.PaidClaimAsync("sales1", "sales.east", 612.30m, "伪造退票", "杨帆");
        using var finance = await app.SignInAsync("finance1");
        using var financeZh = await app.SignInAsync("finance2", "zh-CN");
        var forged = DemoStatements.Camt053Of(ForeignAccount, "FORGED-1", new DemoStatements.Entry(612.30m, true, Today, null, "杨帆", "F1"));

        var en = await (await finance.PostStatementAsync(forged)).ProblemAsync(400, "Payments.ForeignStatementAccount");
        var zh = await (await financeZh.PostStatementAsync(forged)).ProblemAsync(400, "Payments.ForeignStatementAccount");

        en.GetProperty("detail").GetString()!.ShouldContain("****2345");
        en.GetProperty("detail").GetString()!.ShouldNotContain(ForeignAccount, Case.Sensitive, "the refusal names the account masked");
        zh.GetProperty("detail").GetString()!.ShouldContain("不是本公司任何法人主体的银行账户");
        await AssertStillPaidAsync("sales1", claim, forged);
    }

    public static TheoryData<string, string, string?, string> RefusedFiles => new()
    {
        // MT940 of someone else's account, "BIC/number" as banks write :25:.
        { "mt940", Mt940($"CMBCCNBS/{ForeignAccount}", 433.10m), null, "Payments.ForeignStatementAccount" },
        // A CSV export names no account: refused, not trusted.
        { "csv", Csv(433.10m), CsvProfile(account: null), "Payments.StatementAccountMissing" },
        { "csv", Csv(433.10m), CsvProfile(account: ForeignAccount), "Payments.ForeignStatementAccount" },
        // Its rows say one account and the person importing it declares ours: the file's own word stands.
        { "csv", Csv(433.10m, ForeignAccount), CsvProfile(account: DemoStatements.CompanyAccount, accountColumn: "本方账号"), "Payments.StatementAccountsDiffer" },
        { "csv", Csv(433.10m, ForeignAccount), CsvProfile(account: null, accountColumn: "本方账号"), "Payments.ForeignStatementAccount" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task StatementInAnyFormat_NotOfTheCompanysAccount_IsRefusedWhole(string format, string content, string? csvProfile, string code)
    {
        using var finance = await app.SignInAsync("finance1");
        var bytes = Encoding.UTF8.GetBytes(content);

        await (await finance.PostStatementAsync(bytes, $"statement.{format}", csvProfile)).ProblemAsync(400, code);

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        await app.WithScopeAsync(async sp => (await sp.GetRequiredService<PaymentsDbContext>().StatementImports.AnyAsync(i => i.Sha256 == sha)).ShouldBeFalse());
    }

    [Fact]
    public async Task Mt940AndCsvOfTheCompanysAccount_InTheFormsBanksWriteIt_SettleThePayment()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        var byMt940 = await app.ReleasedBatchAsync(maker, checker, "dev1", "rnd.lead", 318.40m);
        var byCsv = await app.ReleasedBatchAsync(maker, checker, "dev2", "rnd.lead", 271.90m);

        var mt940 = await maker.ImportAsync(Encoding.UTF8.GetBytes(Mt940($"CMBCCNBS/{DemoStatements.CompanyAccount}", 318.40m, debit: true, byMt940.Lines.Single().EndToEndId)), "a.sta");
        var csv = await maker.PostStatementAsync(Encoding.UTF8.GetBytes(Csv(271.90m, "1219 0000 0000 001", debit: true, byCsv.Lines.Single().EndToEndId)), "b.csv",
            CsvProfile(account: null, accountColumn: "本方账号"));

        mt940.Matched.ShouldBe(1);
        ((int)csv.StatusCode).ShouldBe(200, await csv.Content.ReadAsStringAsync());
        (await csv.Content.ReadFromJsonAsync<StatementImportDto>())!.Matched.ShouldBe(1);
    }

    [Fact]
    public async Task LooseCreditOfTheCompanysAccount_WaitsInTheQueue_AndReopensOnlyWhenASecondFinanceUserConfirms()
    {
        var claim = await app.PaidClaimAsync("sales2", "sales.east", 845.20m, "疑似退票", "黄磊");
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        using var employee = await app.SignInAsync("sales2");
        var loose = DemoStatements.Camt053("LOOSE-1", new DemoStatements.Entry(845.20m, true, Today, null, "黄磊", "L1"));

        var imported = await maker.ImportAsync(loose);

        (imported.Returned, imported.ProbableReturns).ShouldBe((0, 1), "a payee's name and an amount do not prove the money came back");
        await AssertStillPaidAsync("sales2", claim, null);
        var entry = (await maker.GetFromJsonAsync<List<ReconciliationEntryDto>>("/api/payments/reconciliation"))!.Single(e => e.ImportId == imported.Id);
        entry.Match.ShouldBe("ProbableReturn");
        var line = entry.Candidates.Single(c => c.ClaimNumber == claim.Number);

        var proposed = await maker.PostAsJsonAsync($"/api/payments/reconciliation/{entry.Id}/resolve", new { batchLineId = line.BatchLineId, note = "银行电话确认退票" });
        ((int)proposed.StatusCode).ShouldBe(200, await proposed.Content.ReadAsStringAsync());
        (await proposed.Content.ReadFromJsonAsync<ReconciliationEntryDto>())!.Match.ShouldBe("ReturnProposed");
        await AssertStillPaidAsync("sales2", claim, null);
        await (await maker.PostAsync($"/api/payments/reconciliation/{entry.Id}/confirm-return", null)).ProblemAsync(403, "Payments.ReturnNeedsSecondUser");
        await AssertStillPaidAsync("sales2", claim, null);

        var confirmed = await checker.PostAsync($"/api/payments/reconciliation/{entry.Id}/confirm-return", null);

        ((int)confirmed.StatusCode).ShouldBe(200, await confirmed.Content.ReadAsStringAsync());
        (await confirmed.Content.ReadFromJsonAsync<ReconciliationEntryDto>())!.Match.ShouldBe("Returned");
        await employee.ClaimWhenAsync(claim.Id, "Approved");
        await (await checker.PostAsync($"/api/payments/reconciliation/{entry.Id}/confirm-return", null)).ProblemAsync(409, "Payments.NoReturnProposed");
        (await ReopenedEventsAsync(claim.Id)).ShouldBe(1);
        await app.WithScopeAsync(async sp =>
        {
            var stored = await sp.GetRequiredService<PaymentsDbContext>().StatementEntries.SingleAsync(e => e.Id == entry.Id);
            stored.ProposedBy.ShouldNotBeNull();
            stored.ResolvedBy.ShouldNotBeNull().ShouldNotBe(stored.ProposedBy!.Value, "maker and checker are two people");
        });
    }

    [Fact]
    public async Task TwoCheckersConfirmingOneProposalAtOnce_ReopenThePaymentOnce()
    {
        var claim = await app.PaidClaimAsync("sales3", "sales.east", 390.60m, "并发确认", "周婷");
        using var maker = await app.SignInAsync("finance1");
        using var checker1 = await app.SignInAsync("finance2");
        using var checker2 = await app.SignInAsync("cfo");
        var imported = await maker.ImportAsync(DemoStatements.Camt053("LOOSE-2", new DemoStatements.Entry(390.60m, true, Today, null, "周婷", "L2")));
        var entry = (await maker.GetFromJsonAsync<List<ReconciliationEntryDto>>("/api/payments/reconciliation"))!.Single(e => e.ImportId == imported.Id);
        (await maker.PostAsJsonAsync($"/api/payments/reconciliation/{entry.Id}/resolve", new { batchLineId = entry.Candidates.Single().BatchLineId })).EnsureSuccessStatusCode();

        var answers = await Task.WhenAll(
            checker1.PostAsync($"/api/payments/reconciliation/{entry.Id}/confirm-return", null),
            checker2.PostAsync($"/api/payments/reconciliation/{entry.Id}/confirm-return", null));

        answers.Select(a => (int)a.StatusCode).Order().ShouldBe([200, 409]);
        (await ReopenedEventsAsync(claim.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task CreditNamingThePayment_Reopens_AndImportingTheSameFileAgainChangesNothing()
    {
        var claim = await app.PaidClaimAsync("sales4", "sales.director", 577.70m, "真实退票", "吴昊");
        using var finance = await app.SignInAsync("finance1");
        using var employee = await app.SignInAsync("sales4");
        var returned = DemoStatements.Camt053("RETURN-1", new DemoStatements.Entry(577.70m, true, Today, $"{claim.Number}-1", "吴昊", "RT1"));

        var first = await finance.ImportAsync(returned);
        await employee.ClaimWhenAsync(claim.Id, "Approved");
        var again = await finance.ImportAsync(returned);

        first.Returned.ShouldBe(1);
        (again.Duplicate, again.Id, again.Returned).ShouldBe((true, first.Id, 1));
        (await ReopenedEventsAsync(claim.Id)).ShouldBe(1);
        await app.WithScopeAsync(async sp => (await sp.GetRequiredService<PaymentsDbContext>().StatementImports.CountAsync(i => i.Sha256 == first.Sha256)).ShouldBe(1));
    }

    private async Task AssertStillPaidAsync(string employeeLogin, ClaimDto claim, byte[]? refusedFile)
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PaymentsDbContext>();
            (await db.BatchLines.SingleAsync(l => l.ClaimId == claim.Id)).Status.ToString().ShouldBe("Paid");
            (await db.Payables.SingleAsync(p => p.ClaimId == claim.Id)).Status.ToString().ShouldBe("Paid");
            if (refusedFile is not null)
            {
                var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(refusedFile));
                (await db.StatementImports.AnyAsync(i => i.Sha256 == sha)).ShouldBeFalse("a refused file leaves no trace to settle from");
            }
        });
        (await ReopenedEventsAsync(claim.Id)).ShouldBe(0, "nothing told Expenses the payment came back");
        using var employee = await app.SignInAsync(employeeLogin);
        (await employee.GetFromJsonAsync<ClaimDto>($"/api/expenses/claims/{claim.Id}"))!.Status.ShouldBe("Paid");
    }

    private async Task<int> ReopenedEventsAsync(Guid claimId)
    {
        var count = 0;
        var pattern = $"%{claimId}%";
        await app.WithScopeAsync(async sp => count = await sp.GetRequiredService<PaymentsDbContext>().Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM payments.outbox_messages WHERE type LIKE '%ClaimPaymentReopened%' AND payload::text LIKE {pattern}").SingleAsync());
        return count;
    }

    private static string Mt940(string account, decimal amount, bool debit = false, string? endToEndId = null)
    {
        var value = amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
        var date = Today.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return $":20:STMT-{account.Length}-{value}\r\n:25:{account}\r\n:28C:1/1\r\n:60F:C{date}CNY100000,00\r\n" +
               $":61:{date}{(debit ? "D" : "C")}{value}NTRFNONREF//B{value}\r\n:86:{(endToEndId is null ? "杨帆" : $"EREF+{endToEndId}")}\r\n:62F:C{date}CNY100000,00\r\n-\r\n";
    }

    private static string Csv(decimal amount, string? account = null, bool debit = false, string? endToEndId = null)
    {
        var value = amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var date = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return $"本方账号,日期,金额,借贷,对方户名,附言\r\n{account},{date},{value},{(debit ? "借" : "贷")},马超,{endToEndId}\r\n";
    }

    private static string CsvProfile(string? account, string? accountColumn = null) => System.Text.Json.JsonSerializer.Serialize(new
    {
        bookingDateColumn = "日期", amountColumn = "金额", directionColumn = "借贷", counterpartyNameColumn = "对方户名", endToEndIdColumn = "附言",
        account, accountColumn,
    });
}
