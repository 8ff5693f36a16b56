using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace ExpenseFlow.Benchmarks.Load;

/// <summary>
/// Issue 6 at scale through the real host: 50,000 approved claims become payables; finance builds batches of 5,000
/// (maker), another finance user releases them (checker), one pain.001 is downloaded, then one camt.053 statement with
/// an entry for every payment (most by EndToEndId, some by amount + payee only, some returned, some foreign) is
/// imported in one request. Afterwards the outbox carries ClaimPaid to Expenses until every paid claim shows Paid.
/// </summary>
internal static class PaymentsScenario
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task RunAsync(LoadHost host, int claims)
    {
        Console.WriteLine($"payments at scale: {claims} claims; load {File.ReadAllText("/proc/loadavg").Trim()}");
        var sw = Stopwatch.StartNew();
        Guid legalEntity;
        string account;
        await using (var conn = new NpgsqlConnection(host.ConnectionString))
        {
            await conn.OpenAsync();
            // Approved claims of the demo employees, each with the payable ClaimApproved would have made.
            const string sql = """
                CREATE TEMP TABLE seed AS
                WITH people AS (SELECT array_agg(id ORDER BY employee_no) AS ids, array_agg(display_name ORDER BY employee_no) AS names FROM organization.people),
                     le AS (SELECT id FROM organization.legal_entities ORDER BY tax_id LIMIT 1)
                SELECT gen_random_uuid() AS claim_id, g, 'EXP-2099-' || lpad(g::text, 6, '0') AS number,
                       people.ids[1 + g % 20] AS employee_id, people.names[1 + g % 20] AS name, le.id AS le_id, (10 + (g * 37 % 100000) / 100.0)::numeric(18,2) AS amount
                FROM generate_series(1, @n) g, people, le;
                INSERT INTO expenses.claims (id, number, employee_id, legal_entity_id, title, base_currency, status, total_in_base, created_at, updated_at, submitted_at)
                SELECT claim_id, number, employee_id, le_id, '差旅报销 ' || g, 'CNY', 'Approved', amount, now() - interval '3 days', now() - interval '1 day', now() - interval '3 days' FROM seed;
                INSERT INTO payments.payables (id, claim_id, claim_number, employee_id, payee_name, legal_entity_id, amount, currency, approved_at, updated_at,
                                               account_name, account_number, bank_name, cnaps_code, status)
                SELECT gen_random_uuid(), claim_id, number, employee_id, name, le_id, amount, 'CNY', now() - interval '1 day' + (g || ' milliseconds')::interval, now(),
                       name, '6222' || lpad(g::text, 15, '0'), '中国工商银行', '102100099996', 'Open' FROM seed;
                DROP TABLE seed;
                ANALYZE expenses.claims; ANALYZE payments.payables;
                """;
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 900 };
            cmd.Parameters.AddWithValue("n", claims);
            await cmd.ExecuteNonQueryAsync();
            await using var le = new NpgsqlCommand("SELECT id, bank_account_number FROM organization.legal_entities ORDER BY tax_id LIMIT 1", conn);
            await using var row = await le.ExecuteReaderAsync();
            await row.ReadAsync();
            (legalEntity, account) = (row.GetGuid(0), row.GetString(1));
        }

        Console.WriteLine($"seeded {claims} approved claims with payables in {sw.Elapsed.TotalSeconds:F1} s");
        using var maker = await host.ClientAsync("finance1", TimeSpan.FromMinutes(15));
        using var checker = await host.ClientAsync("finance2", TimeSpan.FromMinutes(15));

        var build = new List<double>();
        var release = new List<double>();
        var batches = new List<Guid>();
        var total = Stopwatch.StartNew();
        while (true)
        {
            var t = Stopwatch.StartNew();
            using var built = await maker.PostAsJsonAsync("/api/payments/batches", new { legalEntityId = legalEntity, currency = "CNY" });
            if (!built.IsSuccessStatusCode)
            {
                // Nothing left to batch.
                break;
            }

            build.Add(t.Elapsed.TotalMilliseconds);
            var id = (await built.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            batches.Add(id);
            t.Restart();
            (await checker.PostAsync($"/api/payments/batches/{id}/release", null)).EnsureSuccessStatusCode();
            release.Add(t.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"{batches.Count} batches built (maker) and released (checker) in {total.Elapsed.TotalSeconds:F1} s; " +
                          $"build per batch median {Median(build):F0} ms, release per batch median {Median(release):F0} ms");

        var file = Stopwatch.StartNew();
        var pain = await maker.GetByteArrayAsync($"/api/payments/batches/{batches[0]}/files/pain.001.001.09");
        Console.WriteLine($"pain.001.001.09 for one batch: {pain.Length / 1024} KiB in {file.Elapsed.TotalMilliseconds:F0} ms (first download generates and stores it)");

        // The statement: one entry per payment line; 1 in 20 without EndToEndId (amount + payee name), 1 in 100 returned
        // after being paid, and 1 in 50 extra entries that are not ours.
        var lines = new List<(string EndToEnd, decimal Amount, string Payee, DateOnly Date)>();
        await using (var conn = new NpgsqlConnection(host.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "SELECT l.end_to_end_id, l.amount, l.account_name, b.execution_date FROM payments.batch_lines l JOIN payments.batches b ON b.id = l.batch_id WHERE b.status = 'Released' ORDER BY l.end_to_end_id", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add((reader.GetString(0), reader.GetDecimal(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3)));
            }
        }

        var (camt, entries, expectedPaid, expectedReturned) = Statement(lines, account);
        Console.WriteLine($"statement: camt.053.001.08, {entries} entries, {camt.Length / (1024 * 1024)} MiB");
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var import = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(camt);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(content, "file", "camt053-bench.xml");
        using var imported = await maker.PostAsync("/api/payments/statements", form);
        import.Stop();
        var summary = await imported.Content.ReadAsStringAsync();
        process.Refresh();
        Console.WriteLine($"import: HTTP {(int)imported.StatusCode} in {import.Elapsed.TotalSeconds:F1} s ({entries / import.Elapsed.TotalSeconds:F0} entries/s); " +
                          $"host process working set {before / (1024 * 1024)} → {process.WorkingSet64 / (1024 * 1024)} MiB, peak {process.PeakWorkingSet64 / (1024 * 1024)} MiB");
        Console.WriteLine($"  {summary}");
        Console.WriteLine($"  expected: {expectedPaid} matched, {expectedReturned} returned");

        var again = Stopwatch.StartNew();
        using var form2 = new MultipartFormDataContent();
        form2.Add(new ByteArrayContent(camt), "file", "camt053-bench.xml");
        using var second = await maker.PostAsync("/api/payments/statements", form2);
        Console.WriteLine($"same file again: HTTP {(int)second.StatusCode} in {again.Elapsed.TotalMilliseconds:F0} ms, duplicate={JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("duplicate")}");

        // The outbox delivers ClaimPaid / ClaimPaymentReopened to Expenses.
        var delivery = Stopwatch.StartNew();
        long paid = 0;
        await using (var conn = new NpgsqlConnection(host.ConnectionString))
        {
            await conn.OpenAsync();
            while (delivery.Elapsed < TimeSpan.FromMinutes(20))
            {
                await using var cmd = new NpgsqlCommand("SELECT count(*) FROM expenses.claims WHERE number LIKE 'EXP-2099-%' AND status = 'Paid'", conn);
                paid = (long)(await cmd.ExecuteScalarAsync())!;
                if (paid >= expectedPaid - expectedReturned)
                {
                    break;
                }

                await Task.Delay(1000);
            }
        }

        Console.WriteLine($"claims shown Paid in Expenses: {paid} after {delivery.Elapsed.TotalSeconds:F1} s of outbox delivery ({paid / Math.Max(1, delivery.Elapsed.TotalSeconds):F0} claims/s)");
    }

    // The statement of the paying entity's own account: Payments refuses a statement of any other account.
    private static (byte[] Bytes, int Entries, int Matched, int Returned) Statement(List<(string EndToEnd, decimal Amount, string Payee, DateOnly Date)> lines, string account)
    {
        var sb = new StringBuilder(lines.Count * 800);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>")
          .Append("<GrpHdr><MsgId>STMT-LOAD</MsgId><CreDtTm>2026-11-25T06:00:00+08:00</CreDtTm></GrpHdr>")
          .Append("<Stmt><Id>STMT-LOAD-1</Id><CreDtTm>2026-11-25T06:00:00+08:00</CreDtTm>")
          .Append("<Acct><Id><Othr><Id>").Append(account).Append("</Id></Othr></Id><Ccy>CNY</Ccy></Acct>");
        int entries = 0, matched = 0, returned = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var (e2e, amount, payee, date) = lines[i];
            Entry(sb, ++entries, amount, debit: true, date, i % 20 == 7 ? null : e2e, payee);
            matched++;
            if (i % 100 == 3)
            {
                Entry(sb, ++entries, amount, debit: false, date.AddDays(2), e2e, payee);
                returned++;
            }

            if (i % 50 == 11)
            {
                Entry(sb, ++entries, amount + 0.01m, debit: true, date, null, "外部供应商 " + i.ToString(Inv));
            }
        }

        sb.Append("</Stmt></BkToCstmrStmt></Document>");
        return (Encoding.UTF8.GetBytes(sb.ToString()), entries, matched, returned);
    }

    private static void Entry(StringBuilder sb, int n, decimal amount, bool debit, DateOnly date, string? e2e, string payee)
    {
        var side = debit ? "Cdtr" : "Dbtr";
        sb.Append("<Ntry><NtryRef>").Append(n.ToString(Inv)).Append("</NtryRef><Amt Ccy=\"CNY\">").Append(amount.ToString("0.00", Inv))
          .Append("</Amt><CdtDbtInd>").Append(debit ? "DBIT" : "CRDT").Append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>")
          .Append("<BookgDt><Dt>").Append(date.ToString("yyyy-MM-dd", Inv)).Append("</Dt></BookgDt><AcctSvcrRef>BANK-").Append(n.ToString(Inv)).Append("</AcctSvcrRef>")
          .Append("<NtryDtls><TxDtls><Refs><EndToEndId>").Append(e2e ?? "NOTPROVIDED").Append("</EndToEndId></Refs>")
          .Append("<RltdPties><").Append(side).Append("><Pty><Nm>").Append(payee).Append("</Nm></Pty></").Append(side).Append("></RltdPties>")
          .Append("</TxDtls></NtryDtls></Ntry>");
    }

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);
}
