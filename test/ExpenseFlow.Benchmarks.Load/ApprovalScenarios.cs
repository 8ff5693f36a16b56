using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Npgsql;

namespace ExpenseFlow.Benchmarks.Load;

/// <summary>
/// Approvals under load: the inbox with 100,000 open tasks in the database (a quarter of them the measured approver's),
/// and 20 approvers deciding at once through the full decision path (row lock, next step resolved, outbox).
/// </summary>
internal static class ApprovalScenarios
{
    /// <summary>Approvals waiting at the manager step, as a started demo flow leaves them.</summary>
    private static async Task SeedAsync(LoadHost host, string prefix, string assigneeSql, int count)
    {
        await using var conn = new NpgsqlConnection(host.ConnectionString);
        await conn.OpenAsync();
        var sql = $$"""
            CREATE TEMP TABLE seed AS
            WITH people AS (SELECT array_agg(id ORDER BY employee_no) AS ids, array_agg(display_name ORDER BY employee_no) AS names FROM organization.people),
                 flow AS (SELECT f.id AS flow_id, f.name, v.id AS version_id, v.version FROM approvals.flows f JOIN approvals.flow_versions v ON v.flow_id = f.id AND v.version = f.current_version WHERE f.is_default)
            SELECT gen_random_uuid() AS approval_id, gen_random_uuid() AS claim_id, g,
                   {{assigneeSql}} AS assignee_idx, people.ids, people.names, flow.*
            FROM generate_series(1, @n) g, people, flow;
            INSERT INTO approvals.approvals (id, claim_id, claim_number, claim_title, submitter_id, submitter_name, amount, currency, flow_id, flow_name, flow_version_id, flow_version, round, dedupe, status, started_at, facts_json)
            SELECT approval_id, claim_id, '{{prefix}}-' || g, '差旅报销 ' || g, ids[20], names[20], (g % 5000) + 0.5, 'CNY', flow_id, name, version_id, version, 1, true, 'Running', now() - (g || ' seconds')::interval, '{}'
            FROM seed;
            INSERT INTO approvals.approval_steps (approval_id, index, key, name, kind, mode, status, activated_at)
            SELECT approval_id, s.i, (ARRAY['manager','dept-head','cfo','hr','finance'])[s.i + 1], (ARRAY['直属上级审批','部门负责人审批','会签','抄送人事','财务审核'])[s.i + 1],
                   (ARRAY['Approval','Approval','Approval','Notify','FinanceReview'])[s.i + 1], (ARRAY['Sequential','Sequential','All','Sequential','Any'])[s.i + 1],
                   (ARRAY['Active','Skipped','Skipped','Skipped','Pending'])[s.i + 1], CASE WHEN s.i = 0 THEN now() END
            FROM seed, generate_series(0, 4) s(i);
            INSERT INTO approvals.approval_tasks (id, approval_id, step_index, "order", kind, assignee_id, assignee_name, status, created_at, waiting_since)
            SELECT gen_random_uuid(), approval_id, 0, 0, 'Approval', ids[assignee_idx], names[assignee_idx], 'Waiting', now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
            FROM seed;
            DROP TABLE seed;
            ANALYZE approvals.approvals; ANALYZE approvals.approval_steps; ANALYZE approvals.approval_tasks;
            """;
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 900 };
        cmd.Parameters.AddWithValue("n", count);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task InboxAsync(LoadHost host, int openTasks, int requests)
    {
        var sw = Stopwatch.StartNew();
        // People are numbered by employee number: E0007 (sales.east) gets every fourth task, the others share the rest.
        await SeedAsync(host, "INBOX", "CASE WHEN g % 4 = 0 THEN 7 ELSE 1 + (g % 19) END", openTasks);
        Console.WriteLine($"seeded {openTasks} open approval tasks in {sw.Elapsed.TotalSeconds:F1} s");
        using var client = await host.ClientAsync("sales.east");
        Stats.Header();
        foreach (var (name, url) in new[]
        {
            ("inbox, longest waiting first", "/api/approvals/inbox?pageSize=20"),
            ("inbox, page 500", "/api/approvals/inbox?page=500&pageSize=20"),
            ("inbox, largest amount first", "/api/approvals/inbox?sort=-amount&pageSize=20"),
            ("inbox, amount ≥ 4,000", "/api/approvals/inbox?minAmount=4000&pageSize=20"),
            ("inbox, search", "/api/approvals/inbox?search=报销%201234&pageSize=20"),
        })
        {
            await Stats.MeasureGetAsync(client, name, url, requests);
        }
    }

    public static async Task DecisionsAsync(LoadHost host, int approvers, int decisionsEach)
    {
        var clients = await Task.WhenAll(LoadHost.DemoLogins.Take(approvers).Select(host.ClientAsync));
        await using (var conn = new NpgsqlConnection(host.ConnectionString))
        {
            await conn.OpenAsync();
            await using var clear = new NpgsqlCommand("UPDATE approvals.approval_tasks SET status = 'Closed' WHERE status = 'Waiting'", conn);
            await clear.ExecuteNonQueryAsync();
        }

        await SeedAsync(host, "DECIDE", $"1 + (g % {approvers})", approvers * decisionsEach);
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((client, u) => Task.Run(async () =>
        {
            var inbox = await client.GetFromJsonAsync<BuildingBlocks.PagedResult<Approvals.Contracts.InboxItemDto>>($"/api/approvals/inbox?pageSize=100&search=DECIDE");
            foreach (var task in inbox!.Items.Take(decisionsEach))
            {
                latencies.Add(await Stats.TimeAsync(
                    () => client.PostAsJsonAsync($"/api/approvals/tasks/{task.TaskId}/decision", new { decision = "approve", comment = "ok" }),
                    r =>
                    {
                        if (!r.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }));
            }
        })));
        wall.Stop();
        Stats.Header();
        Stats.Print($"decide, {approvers} concurrent approvers", latencies, wall.Elapsed, errors);
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }
}
