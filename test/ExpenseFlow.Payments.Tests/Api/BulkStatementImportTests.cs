using System.Net.Http.Json;
using ExpenseFlow.Payments.Application.Statements;
using ExpenseFlow.TestBase;
using Npgsql;
using Shouldly;
using Xunit;
using Entry = ExpenseFlow.TestBase.DemoStatements.Entry;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// Issue 16: the statement import settles in memory and writes in bulk (COPY, set-based UPDATEs re-checked against what
/// was read). These pin what it writes at a size where writing row by row and in bulk could differ: entries that settle,
/// return, repeat, fit loosely or several lines at once, in one file, and two imports or an import and a hand resolution
/// at once. Through the real host on PostgreSQL.
/// </summary>
public class BulkStatementImportTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task MixedStatement_SettlesEachEntryAsTheRulesSay_AndItsReimportChangesNothing()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        // Lines 50 and 51: the same payee and amount, so an entry naming neither fits both.
        var lines = await app.ReleasedAsync(maker, checker, 2091, [40, 20], i => i == 51 ? 1050.11m : 1000.11m + i, i => i == 51 ? 50 : i);
        var earlier = await maker.ImportAsync(DemoStatements.Camt053("BULK-S0", [.. lines.Take(5).Select((l, i) => Debit(l, $"S0-{i}"))]));
        earlier.Matched.ShouldBe(5);
        var entries = new List<Entry>();
        entries.AddRange(lines.Skip(5).Take(35).Select(l => Debit(l, $"E2E-{l.ClaimNumber}")));
        entries.Add(Debit(lines[5], "REPEAT-5"));
        entries.Add(Debit(lines[6], "RETURN-6") with { Credit = true, Booked = lines[6].ExecutionDate.AddDays(1) });
        entries.AddRange(lines.Skip(40).Take(10).Select(l => Debit(l, $"LOOSE-{l.ClaimNumber}") with { EndToEndId = null }));
        entries.Add(Debit(lines[0], "PAID-BEFORE-0"));
        entries.Add(Debit(lines[1], "LOOSE-CREDIT-1") with { EndToEndId = null, Credit = true });
        entries.Add(Debit(lines[50], "TWO-FIT") with { EndToEndId = null });
        entries.Add(new Entry(99_999.99m, false, lines[0].ExecutionDate, null, "外部供应商", "FOREIGN"));
        var statement = DemoStatements.Camt053("BULK-S1", [.. entries]);

        var imported = await maker.ImportAsync(statement);

        (imported.EntryCount, imported.Matched, imported.Returned, imported.Unmatched, imported.Ambiguous, imported.ProbableReturns).ShouldBe((51, 45, 1, 3, 1, 1));
        var stored = await RowsAsync($"SELECT reference, match || ':' || coalesce(batch_line_id::text, '-') FROM payments.statement_entries WHERE import_id = '{imported.Id}'");
        foreach (var l in lines.Skip(5).Take(35))
        {
            stored[$"E2E-{l.ClaimNumber}"].ShouldBe($"Matched:{l.Id}");
        }

        foreach (var l in lines.Skip(40).Take(10))
        {
            stored[$"LOOSE-{l.ClaimNumber}"].ShouldBe($"Matched:{l.Id}", "amount + payee within the date window");
        }

        stored["REPEAT-5"].ShouldBe("Unmatched:-", "a line is paid by one debit; the same payment twice in a file waits for a person");
        stored["RETURN-6"].ShouldBe($"Returned:{lines[6].Id}", "a credit naming a payment the same file paid reopens it");
        stored["PAID-BEFORE-0"].ShouldBe("Unmatched:-", "a payment settled by an earlier statement is not paid again");
        stored["LOOSE-CREDIT-1"].ShouldBe("ProbableReturn:-", "a credit that does not name the payment reopens nothing");
        stored["TWO-FIT"].ShouldBe("Ambiguous:-");
        stored["FOREIGN"].ShouldBe("Unmatched:-");

        var lineStates = await RowsAsync("SELECT l.claim_number, l.status || '/' || p.status || '/' || coalesce(l.statement_reference, '-') FROM payments.batch_lines l " +
                                         "JOIN payments.payables p ON p.id = l.payable_id WHERE l.claim_number LIKE 'EXP-2091-%'");
        for (var i = 0; i < lines.Count; i++)
        {
            var expected = i switch
            {
                < 5 => $"Paid/Paid/S0-{i}",
                6 => "Returned/Open/RETURN-6",
                < 40 => $"Paid/Paid/E2E-{lines[i].ClaimNumber}",
                < 50 => $"Paid/Paid/LOOSE-{lines[i].ClaimNumber}",
                _ => "Pending/Scheduled/-",
            };
            lineStates[lines[i].ClaimNumber].ShouldBe(expected, $"line {i}");
        }

        var batches = await RowsAsync("SELECT b.id::text, b.status FROM payments.batches b JOIN payments.batch_lines l ON l.batch_id = b.id WHERE l.claim_number LIKE 'EXP-2091-%' GROUP BY b.id");
        (batches[lines[0].BatchId.ToString()], batches[lines[59].BatchId.ToString()]).ShouldBe(("Closed", "Released"), "a batch closes when its last pending line is settled");
        var paid = await app.OutboxCountsAsync("ClaimPaid");
        var reopened = await app.OutboxCountsAsync("ClaimPaymentReopened");
        for (var i = 0; i < lines.Count; i++)
        {
            (paid.GetValueOrDefault(lines[i].ClaimId), reopened.GetValueOrDefault(lines[i].ClaimId)).ShouldBe((i < 50 ? 1 : 0, i == 6 ? 1 : 0), $"events of line {i}");
        }

        await app.OutboxDrainedAsync(TimeSpan.FromSeconds(60));
        var claims = await RowsAsync("SELECT number, status FROM expenses.claims WHERE number LIKE 'EXP-2091-%'");
        claims.Values.Count(s => s == "Paid").ShouldBe(49);
        claims[lines[6].ClaimNumber].ShouldBe("Approved", "the returned payment made the claim payable again");
        (await app.ViolationsAsync()).ShouldBeEmpty();

        var again = await maker.ImportAsync(statement);

        (again.Duplicate, again.Id, again.EntryCount, again.Matched).ShouldBe((true, imported.Id, 51, 45));
        (await app.OutboxCountsAsync("ClaimPaid")).ShouldBe(paid, ignoreOrder: true, "a re-import publishes nothing");
        (await RowsAsync($"SELECT count(*)::text, '' FROM payments.statement_entries WHERE import_id = '{imported.Id}'")).Keys.Single().ShouldBe("51");
    }

    [Fact]
    public async Task TwoImportsOfTheSameStatementAtOnce_AnswerTheSameImport_AndPayEachClaimOnce()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        var lines = await app.ReleasedAsync(maker, checker, 2092, [30], i => 2000.22m + i, i => i);
        var statement = DemoStatements.Camt053("BULK-SAME", [.. lines.Select(l => Debit(l, $"SAME-{l.ClaimNumber}"))]);

        var answers = await Task.WhenAll(maker.ImportAsync(statement), checker.ImportAsync(statement));

        answers.Count(a => !a.Duplicate).ShouldBe(1, "one import is the import, the other finds it");
        answers.Select(a => (a.Id, a.Matched, a.EntryCount)).Distinct().Single().ShouldBe((answers[0].Id, 30, 30));
        await AssertPaidOnceAsync(lines);
    }

    [Fact]
    public async Task TwoStatementsOfTheSamePaymentsAtOnce_PayEachClaimOnce_AndTheSecondLeavesItsEntriesToAPerson()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        var lines = await app.ReleasedAsync(maker, checker, 2093, [30], i => 3000.33m + i, i => i);
        var camt = DemoStatements.Camt053("BULK-A", [.. lines.Select(l => Debit(l, $"A-{l.ClaimNumber}"))]);
        var other = DemoStatements.Camt053("BULK-B", [.. lines.Select(l => Debit(l, $"B-{l.ClaimNumber}"))]);

        var answers = await Task.WhenAll(maker.ImportAsync(camt), checker.ImportAsync(other));

        answers.Select(a => $"{a.Matched} matched, {a.Unmatched} unmatched").Order().ShouldBe(["0 matched, 30 unmatched", "30 matched, 0 unmatched"], Case.Sensitive, "the second import sees what the first settled");
        await AssertPaidOnceAsync(lines);
    }

    [Fact]
    public async Task AnImportAndAHandResolutionOfTheSamePaymentAtOnce_PayItOnce()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        var lines = await app.ReleasedAsync(maker, checker, 2094, [2], i => 4000.44m + i, i => i);
        // An entry nothing identifies waits in the queue for a person.
        var queued = await maker.ImportAsync(DemoStatements.Camt053("BULK-Q", new Entry(lines[0].Amount, false, lines[0].ExecutionDate, null, null, "Q-0")));
        var entry = (await maker.GetFromJsonAsync<List<ReconciliationEntryDto>>("/api/payments/reconciliation"))!.Single(e => e.ImportId == queued.Id);
        var statement = DemoStatements.Camt053("BULK-R", [.. lines.Select(l => Debit(l, $"R-{l.ClaimNumber}"))]);

        var resolving = checker.PostAsJsonAsync($"/api/payments/reconciliation/{entry.Id}/resolve", new { batchLineId = lines[0].Id });
        var importing = maker.PostStatementAsync(statement);
        var (resolved, imported) = (await resolving, await importing);

        ((int)imported.StatusCode).ShouldBe(200, await imported.Content.ReadAsStringAsync());
        var summary = (await imported.Content.ReadFromJsonAsync<StatementImportDto>())!;
        if ((int)resolved.StatusCode == 200)
        {
            (summary.Matched, summary.Unmatched).ShouldBe((1, 1), "the hand resolution came first");
        }
        else
        {
            await resolved.ProblemAsync(400, "Payments.LineDoesNotFit");
            summary.Matched.ShouldBe(2);
        }

        await AssertPaidOnceAsync(lines);
    }

    private static Entry Debit(SeededPayments.Line line, string reference) => new(line.Amount, false, line.ExecutionDate, line.EndToEndId, line.Payee, reference);

    private async Task AssertPaidOnceAsync(List<SeededPayments.Line> lines)
    {
        var paid = await app.OutboxCountsAsync("ClaimPaid");
        lines.Select(l => paid.GetValueOrDefault(l.ClaimId)).ShouldAllBe(n => n == 1, "one ClaimPaid per claim");
        var matched = await RowsAsync("SELECT batch_line_id::text, count(*)::text FROM payments.statement_entries WHERE match = 'Matched' AND batch_line_id IS NOT NULL GROUP BY 1");
        lines.Select(l => matched.GetValueOrDefault(l.Id.ToString())).ShouldAllBe(n => n == "1", "one matched debit per line");
        await app.OutboxDrainedAsync(TimeSpan.FromSeconds(60));
        (await app.ViolationsAsync()).ShouldBeEmpty();
    }

    /// <summary>The first two columns of a query's rows, as a dictionary (keys unique).</summary>
    private async Task<Dictionary<string, string>> RowsAsync(string sql)
    {
        var rows = new Dictionary<string, string>();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0), reader.GetString(1));
        }

        return rows;
    }
}
