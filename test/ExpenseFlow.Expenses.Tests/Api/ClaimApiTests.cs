using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.BuildingBlocks;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Api;

public class ClaimApiTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [SharedDataFact("ofd")]
    public async Task UploadedOfd_IsRecognisedByTheEngine_AndItsFieldsProposed()
    {
        using var employee = await app.SignInAsync("sales1");
        var path = ExpensesApi.SharedData("ofd", "1.ofd");
        var label = JsonDocument.Parse(File.ReadLines(ExpensesApi.SharedData("ofd", "labels.jsonl")).First(l => l.Contains("\"1.ofd\"", StringComparison.Ordinal))).RootElement;

        var uploaded = (await employee.UploadAsync(("发票.ofd", await File.ReadAllBytesAsync(path)))).Single();
        uploaded.Status.ShouldBe("Pending");
        await app.RecognizeAsync(uploaded.Id);
        await app.RecognizeAsync(uploaded.Id); // a retried job changes nothing

        var receipt = await employee.GetFromJsonAsync<ReceiptDto>($"/api/expenses/receipts/{uploaded.Id}");
        receipt!.Status.ShouldBe("Succeeded");
        receipt.Attempts.ShouldBe(1);
        receipt.Proposed!.InvoiceNumber.ShouldBe(label.GetProperty("InvoiceNo").GetString());
        receipt.Proposed.TotalAmount.ShouldBe(decimal.Parse(label.GetProperty("TaxInclusiveTotalAmount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        receipt.Recognition!.Sources["invoiceNumber"].ShouldBeOneOf("ofd", "xml");
        (await employee.GetByteArrayAsync($"/api/expenses/receipts/{uploaded.Id}/content")).ShouldBe(await File.ReadAllBytesAsync(path));
    }

    [SharedDataFact("ofd")]
    public async Task Submit_RecordsTheTimeline_PublishesClaimSubmitted_AndCountsCorrections()
    {
        using var employee = await app.SignInAsync("sales2");
        var receipt = (await employee.UploadAsync(("inv.ofd", await File.ReadAllBytesAsync(ExpensesApi.SharedData("ofd", "999.ofd"))))).Single();
        await app.RecognizeAsync(receipt.Id);
        var proposed = (await employee.GetFromJsonAsync<ReceiptDto>($"/api/expenses/receipts/{receipt.Id}"))!.Proposed!;
        // The employee keeps every recognised field but the seller name, and the demo company is the buyer.
        var invoice = proposed with { SellerName = "更正后的销售方", BuyerName = "上海示例科技有限公司", BuyerTaxId = "91310115MA1K4B2C3J", IssueDate = new DateOnly(2026, 10, 20) };
        var claim = await employee.CreateClaimAsync("客户拜访", ExpensesApi.Line("meals", 150m, invoice, [receipt.Id]));

        var response = await employee.SubmitAsync(claim.Id, body: new { justifications = Array.Empty<object>() });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var submitted = (await response.Content.ReadFromJsonAsync<ClaimDto>())!;
        submitted.Status.ShouldBe("Submitted");
        submitted.Timeline.Select(e => e.Type).ShouldBe(["Created", "Edited", "Submitted"]);
        submitted.Timeline.ShouldAllBe(e => e.ActorName == "黄磊");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ExpensesDbContext>();
            var outbox = await db.OutboxMessages.Where(m => m.Type == typeof(ClaimSubmitted).FullName).ToListAsync();
            outbox.ShouldContain(m => m.Payload.Contains(claim.Id.ToString(), StringComparison.Ordinal));
            var data = await db.ClaimEvents.Where(e => e.ClaimId == claim.Id && e.Type == "Submitted").Select(e => e.Data).SingleAsync();
            var facts = JsonDocument.Parse(data!).RootElement;
            // Changing a proposed value is a correction; filling in a field recognition left empty is not.
            var changed = new object?[] { proposed.SellerName, proposed.BuyerName, proposed.BuyerTaxId, proposed.IssueDate }.Count(v => v is not null);
            facts.GetProperty("Corrected").GetInt32().ShouldBe(changed);
            facts.GetProperty("Fields").EnumerateArray().Select(f => f.GetString()).ShouldContain("1:sellerName");
            facts.GetProperty("Proposed").GetInt32().ShouldBeGreaterThan(6);

            // The event carries the same counts, for the KPIs (Insights reads only events).
            var payload = JsonDocument.Parse(outbox.Single(m => m.Payload.Contains(claim.Id.ToString(), StringComparison.Ordinal)).Payload).RootElement;
            payload.GetProperty("recognisedFieldsProposed").GetInt32().ShouldBe(facts.GetProperty("Proposed").GetInt32());
            payload.GetProperty("recognisedFieldsCorrected").GetInt32().ShouldBe(changed);
            (payload.GetProperty("manualLines").GetInt32(), payload.GetProperty("mainCategory").GetString()).ShouldBe((0, "meals"));
            payload.GetProperty("firstUploadAt").GetDateTimeOffset().ShouldBeLessThan(submitted.SubmittedAt!.Value);
        });

        // …and Insights folds them into the claim's fact: the field correction rate's parts.
        var fact = await DemoClaims.EventuallyAsync(async () =>
        {
            ExpenseFlow.Insights.Domain.Facts.ClaimFact? found = null;
            await app.WithScopeAsync(async sp => found = await sp.GetRequiredService<ExpenseFlow.Insights.Infrastructure.InsightsDbContext>().ClaimFacts.AsNoTracking()
                .FirstOrDefaultAsync(f => f.ClaimId == claim.Id && f.Submissions == 1));
            return found;
        }, "Insights to take in the submission");
        (fact.FieldsCorrected, fact.ManualLines, fact.Category).ShouldBe((new object?[] { proposed.SellerName, proposed.BuyerName, proposed.BuyerTaxId, proposed.IssueDate }.Count(v => v is not null), 0, "meals"));
        fact.FieldsProposed.ShouldBeGreaterThan(6);
    }

    [Fact]
    public async Task AnotherEmployeesClaimAndReceipts_AreNeitherVisibleNorEditable()
    {
        using var owner = await app.SignInAsync("sales3");
        using var other = await app.SignInAsync("sales4");
        var receipt = (await owner.UploadAsync(("a.xml", "<x/>"u8.ToArray()))).Single();
        var claim = await owner.CreateClaimAsync("自己的报销", ExpensesApi.Line("office", 50m));

        await (await other.GetAsync($"/api/expenses/claims/{claim.Id}")).ProblemAsync(404, "Expenses.ClaimNotFound");
        await (await other.PutAsJsonAsync($"/api/expenses/claims/{claim.Id}", new { title = "x", legalEntityId = claim.LegalEntityId, lines = Array.Empty<object>() }))
            .ProblemAsync(404, "Expenses.ClaimNotFound");
        await (await other.SubmitAsync(claim.Id)).ProblemAsync(404, "Expenses.ClaimNotFound");
        await (await other.DeleteAsync($"/api/expenses/claims/{claim.Id}")).ProblemAsync(404, "Expenses.ClaimNotFound");
        await (await other.GetAsync($"/api/expenses/receipts/{receipt.Id}")).ProblemAsync(404, "Expenses.ReceiptNotFound");
        await (await other.GetAsync($"/api/expenses/receipts/{receipt.Id}/content")).ProblemAsync(404, "Expenses.ReceiptNotFound");
        // Someone else's receipt cannot be put on your own claim either.
        var response = await other.PostAsJsonAsync("/api/expenses/claims", new
        {
            title = "借用票据", legalEntityId = claim.LegalEntityId, lines = new[] { ExpensesApi.Line("office", 10m, null, [receipt.Id]) },
        });
        await response.ProblemAsync(404, "Expenses.ReceiptNotFound");
        (await other.GetFromJsonAsync<PagedResult<ClaimListItemDto>>("/api/expenses/claims"))!.Items.ShouldNotContain(c => c.Id == claim.Id);
    }

    [Fact]
    public async Task TheSameInvoiceSubmittedTwiceAtOnce_ExactlyOneWins()
    {
        using var first = await app.SignInAsync("dev1");
        using var second = await app.SignInAsync("dev2");
        var invoice = ExpensesApi.CompanyInvoice("55550001");
        var a = await first.CreateClaimAsync("A", ExpensesApi.Line("hotel", 100m, invoice));
        var b = await second.CreateClaimAsync("B", ExpensesApi.Line("hotel", 100m, invoice));

        var responses = await Task.WhenAll(first.SubmitAsync(a.Id), second.SubmitAsync(b.Id));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
        var body = await loser.ProblemAsync(409, "Expenses.DuplicateInvoice");
        body.GetProperty("detail").GetString()!.ShouldContain("55550001");
        await app.WithScopeAsync(async sp => (await sp.GetRequiredService<ExpensesDbContext>().ClaimedInvoices.CountAsync(c => c.InvoiceKey.EndsWith("55550001"))).ShouldBe(1));
    }

    [Fact]
    public async Task Submit_WithTheSameIdempotencyKey_ReturnsTheFirstResult_AndSubmitsOnce()
    {
        using var employee = await app.SignInAsync("dev3");
        var claim = await employee.CreateClaimAsync("幂等", ExpensesApi.Line("office", 20m));
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => employee.SubmitAsync(claim.Id, key)));
        var again = await employee.SubmitAsync(claim.Id, key);

        responses.Concat([again]).ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var bodies = await Task.WhenAll(responses.Concat([again]).Select(r => r.Content.ReadFromJsonAsync<ClaimDto>()));
        bodies.Select(b => b!.Status).Distinct().ShouldBe(["Submitted"]);
        var detail = await employee.GetFromJsonAsync<ClaimDto>($"/api/expenses/claims/{claim.Id}");
        detail!.Timeline.Count(e => e.Type == "Submitted").ShouldBe(1);
        // Without the key a second submit is a state conflict, not a second submission.
        await (await employee.SubmitAsync(claim.Id)).ProblemAsync(409, "Expenses.InvalidTransition");
    }

    [Fact]
    public async Task Cancel_WhileAnotherModuleUpdatesTheClaim_AppliesToItsLatestState()
    {
        // The approval starting (ApprovalStarted → InApproval through the outbox) may update the claim while the employee
        // cancels it. Here a transaction holds such an update open while the cancel arrives: the cancel must wait and
        // then apply, not fail on the concurrent change.
        using var employee = await app.SignInAsync("dev3");
        var claim = await employee.CreateClaimAsync("撤回竞争", ExpensesApi.Line("hotel", 100m, ExpensesApi.CompanyInvoice("77770001")));
        string connectionString = null!;
        await app.WithScopeAsync(sp =>
        {
            connectionString = sp.GetRequiredService<ExpensesDbContext>().Database.GetConnectionString()!;
            return Task.CompletedTask;
        });
        await using var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("UPDATE expenses.claims SET updated_at = updated_at WHERE id = @id", other, tx))
        {
            update.Parameters.AddWithValue("id", claim.Id);
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var cancelling = employee.PostAsJsonAsync($"/api/expenses/claims/{claim.Id}/cancel", new { reason = "竞争" });
        await Task.Delay(500);
        cancelling.IsCompleted.ShouldBeFalse("the cancel waits for the other update");
        await tx.CommitAsync();
        var cancelled = await cancelling;

        ((int)cancelled.StatusCode).ShouldBe(200, await cancelled.Content.ReadAsStringAsync());
        (await cancelled.Content.ReadFromJsonAsync<ClaimDto>())!.Status.ShouldBe("Cancelled");
    }

    [Fact]
    public async Task Cancel_ReleasesTheInvoice_ForAnotherClaim()
    {
        using var employee = await app.SignInAsync("dev4");
        var invoice = ExpensesApi.CompanyInvoice("66660001");
        var first = await employee.CreateClaimAsync("先提交", ExpensesApi.Line("hotel", 100m, invoice));
        (await employee.SubmitAsync(first.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await employee.CreateClaimAsync("再提交", ExpensesApi.Line("hotel", 100m, invoice));
        (await employee.PostAsync($"/api/expenses/claims/{second.Id}/check", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await employee.SubmitAsync(second.Id)).ProblemAsync(409, "Expenses.DuplicateInvoice");

        var cancelled = await employee.PostAsJsonAsync($"/api/expenses/claims/{first.Id}/cancel", new { reason = "重复提交" });
        (await cancelled.Content.ReadFromJsonAsync<ClaimDto>())!.Timeline[^1].Reason.ShouldBe("重复提交");

        (await employee.SubmitAsync(second.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PolicyWarning_NeedsAJustification_ThenSubmits()
    {
        using var employee = await app.SignInAsync("office");
        var claim = await employee.CreateClaimAsync("招待", ExpensesApi.Line("meals", 150m), ExpensesApi.Line("meals", 160m));
        var findings = await (await employee.PostAsync($"/api/expenses/claims/{claim.Id}/check", null)).Content.ReadFromJsonAsync<List<PolicyFindingDto>>();
        var warning = findings!.ShouldHaveSingleItem();
        warning.Rule.ShouldBe("CategoryLimitPerDay");

        await (await employee.SubmitAsync(claim.Id)).ProblemAsync(422, "Expenses.JustificationRequired");
        var ok = await employee.SubmitAsync(claim.Id, body: new { justifications = new[] { new { rule = warning.Rule, line = warning.Line, text = "两位客户" } } });

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadFromJsonAsync<ClaimDto>())!.Findings.Single().Justification.ShouldBe("两位客户");
    }

    [Fact]
    public async Task TheEventLog_IsAppendOnly_InTheDatabase()
    {
        using var employee = await app.SignInAsync("assistant");
        var claim = await employee.CreateClaimAsync("日志", ExpensesApi.Line("office", 10m));
        (await employee.SubmitAsync(claim.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        foreach (var sql in new[] { "UPDATE expenses.claim_events SET reason = 'x' WHERE claim_id = @id", "DELETE FROM expenses.claim_events WHERE claim_id = @id" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            cmd.Parameters.AddWithValue("id", claim.Id);
            var ex = await Should.ThrowAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            ex.MessageText.ShouldContain("append-only");
        }

        // A never-submitted draft may still be deleted, log and all.
        var draft = await employee.CreateClaimAsync("草稿", ExpensesApi.Line("office", 10m));
        (await employee.DeleteAsync($"/api/expenses/claims/{draft.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await employee.GetAsync($"/api/expenses/claims/{draft.Id}")).ProblemAsync(404, "Expenses.ClaimNotFound");
    }

    [Fact]
    public async Task MyClaims_FiltersSortsAndPages()
    {
        using var employee = await app.SignInAsync("analyst");
        for (var i = 1; i <= 3; i++)
        {
            await employee.CreateClaimAsync($"列表{i}", ExpensesApi.Line("office", 10m * i));
        }

        var submitted = await employee.CreateClaimAsync("列表已提交", ExpensesApi.Line("office", 99m));
        (await employee.SubmitAsync(submitted.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var drafts = await employee.GetFromJsonAsync<PagedResult<ClaimListItemDto>>("/api/expenses/claims?status=Draft&sort=-total&pageSize=2");
        drafts!.TotalCount.ShouldBe(3);
        drafts.Items.Select(c => c.TotalInBase).ShouldBe([30m, 20m]);
        var search = await employee.GetFromJsonAsync<PagedResult<ClaimListItemDto>>("/api/expenses/claims?search=已提交");
        // The approval starts in the background, so the submitted claim may already be in approval.
        search!.Items.ShouldHaveSingleItem().Status.ShouldBeOneOf("Submitted", "InApproval");
    }
}
