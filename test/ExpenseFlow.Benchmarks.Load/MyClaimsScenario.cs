using System.Diagnostics;
using ExpenseFlow.Organization.Contracts;
using Npgsql;
using System.Net.Http.Json;

namespace ExpenseFlow.Benchmarks.Load;

/// <summary>My-claims list latency with 100,000 claims in the database (spread over the demo employees).</summary>
internal static class MyClaimsScenario
{
    public static async Task RunAsync(LoadHost host, int claims, int requests)
    {
        using var client = await host.ClientAsync("sales1");
        var me = (await client.GetFromJsonAsync<CurrentUserDto>("/api/organization/account/me"))!.PersonId!.Value;
        var sw = Stopwatch.StartNew();
        await using (var conn = new NpgsqlConnection(host.ConnectionString))
        {
            await conn.OpenAsync();
            // A quarter of the claims are the measured employee's; the rest belong to the other demo people.
            const string sql = """
                WITH people AS (SELECT array_agg(id) AS ids FROM organization.people),
                     le AS (SELECT id FROM organization.legal_entities LIMIT 1)
                INSERT INTO expenses.claims (id, number, employee_id, legal_entity_id, title, base_currency, status, total_in_base, created_at, updated_at, submitted_at)
                SELECT gen_random_uuid(), 'LOAD-' || g, CASE WHEN g % 4 = 0 THEN @me ELSE people.ids[1 + g % array_length(people.ids, 1)] END, le.id,
                       '差旅报销 ' || g, 'CNY', (ARRAY['Draft','Submitted','InApproval','Approved','Paid','Returned'])[1 + g % 6],
                       (g % 5000) + 0.5, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
                FROM generate_series(1, @n) g, people, le;
                INSERT INTO expenses.claim_lines (id, claim_id, position, category, amount, currency, exchange_rate, amount_in_base, expense_date, receipt_ids, invoice)
                SELECT gen_random_uuid(), c.id, 0, 'travel', c.total_in_base, 'CNY', 1, c.total_in_base, current_date, '{}', '{}'
                FROM expenses.claims c WHERE c.number LIKE 'LOAD-%';
                ANALYZE expenses.claims; ANALYZE expenses.claim_lines;
                """;
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
            cmd.Parameters.AddWithValue("me", me);
            cmd.Parameters.AddWithValue("n", claims);
            await cmd.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"seeded {claims} claims in {sw.Elapsed.TotalSeconds:F1} s");
        Stats.Header();
        foreach (var (name, url) in new[]
        {
            ("my claims, first page", "/api/expenses/claims?page=1&pageSize=20"),
            ("my claims, page 500", "/api/expenses/claims?page=500&pageSize=20"),
            ("my claims, status filter", "/api/expenses/claims?status=Submitted,InApproval&pageSize=20"),
            ("my claims, search", "/api/expenses/claims?search=报销%201234&pageSize=20"),
            ("my claims, sort by total", "/api/expenses/claims?sort=-total&pageSize=20"),
        })
        {
            await Stats.MeasureGetAsync(client, name, url, requests);
        }
    }
}
