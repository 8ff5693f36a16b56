using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExpenseFlow.Benchmarks.Load;

/// <summary>
/// Issue 7 item 6: KPIs, breakpoints and the ROI report over 1,000,000 generated claims with their events. The events are
/// written into Insights' log as the modules would have sent them (submitted, approval tasks, returns and resubmissions,
/// approved, scheduled, paid), the KPI store is rebuilt from the log through the product's replay, then the read
/// endpoints are timed over HTTP as a manager.
/// </summary>
internal static class InsightsScenario
{
    public static async Task RunAsync(LoadHost host, int claims, int requests)
    {
        Console.WriteLine($"insights at scale: {claims} claims; load {File.ReadAllText("/proc/loadavg").Trim()}");
        var sw = Stopwatch.StartNew();
        long events;
        await using (var conn = new NpgsqlConnection(host.ConnectionString))
        {
            await conn.OpenAsync();
            // Per claim: the submission, the manager's task, a department head's task above 3,000, the finance review,
            // approval, scheduling and payment; one in ten is returned once and resubmitted a day later; the newest 3% are
            // still waiting for payment; one in ten payments was matched by hand. Times spread over the last 12 months.
            const string sql = """
                CREATE TEMP TABLE c AS
                WITH people AS (SELECT array_agg(id ORDER BY employee_no) AS ids, array_agg(display_name ORDER BY employee_no) AS names FROM organization.people),
                     depts AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(name ORDER BY code) AS names FROM organization.departments),
                     les AS (SELECT array_agg(id ORDER BY tax_id) AS ids, array_agg(name ORDER BY tax_id) AS names FROM organization.legal_entities)
                SELECT g, gen_random_uuid() AS claim_id, gen_random_uuid() AS approval_id,
                       people.ids[1 + g % 20] AS employee_id, people.ids[1 + (g * 7) % 20] AS manager_id, people.names[1 + (g * 7) % 20] AS manager_name,
                       people.ids[1 + (g * 11) % 20] AS head_id, people.names[1 + (g * 11) % 20] AS head_name,
                       people.ids[3 + g % 2] AS finance_id, people.names[3 + g % 2] AS finance_name,
                       depts.ids[1 + g % array_length(depts.ids, 1)] AS dept_id, depts.names[1 + g % array_length(depts.ids, 1)] AS dept_name,
                       les.ids[1 + g % array_length(les.ids, 1)] AS le_id, les.names[1 + g % array_length(les.ids, 1)] AS le_name,
                       (ARRAY['travel','meals','hotel','transport','office','entertainment','training','other'])[1 + g % 8] AS category,
                       (50 + (g * 37 % 900000) / 100.0)::numeric(18,2) AS amount,
                       now() - ((g % 360) || ' days')::interval - ((g % 600) || ' minutes')::interval AS submitted_at,
                       (g % 10 = 3) AS returned, (g % 360 < 11) AS unpaid, (g % 10 = 5) AS by_hand,
                       ((g % 48) + 1) * interval '37 minutes' AS manager_wait, ((g % 30) + 2) * interval '1 hour' AS head_wait,
                       ((g % 12) + 1) * interval '25 minutes' AS finance_wait, ((g % 5) + 1) * interval '1 day' AS pay_wait
                FROM generate_series(1, @n) g, people, depts, les;

                INSERT INTO insights.events (event_id, type, claim_id, occurred_at, received_at, payload, context)
                SELECT gen_random_uuid(), e.type, c.claim_id, e.at, e.at, e.payload, e.context
                FROM c CROSS JOIN LATERAL (
                  SELECT 1 AS seq, 'ClaimSubmitted' AS type, c.submitted_at AS at,
                    jsonb_build_object('claimId', c.claim_id, 'number', 'EXP-B-' || c.g, 'employeeId', c.employee_id, 'legalEntityId', c.le_id, 'totalAmount', c.amount,
                      'currency', 'CNY', 'categories', jsonb_build_array(c.category), 'costCentres', '[]'::jsonb, 'isResubmission', false, 'submittedAt', c.submitted_at,
                      'title', '报销 ' || c.g, 'mainCategory', c.category, 'firstUploadAt', c.submitted_at - ((c.g % 20) + 2) * interval '1 minute',
                      'recognisedFieldsProposed', 12, 'recognisedFieldsCorrected', CASE WHEN c.g % 10 = 1 THEN 1 ELSE 0 END, 'manualLines', CASE WHEN c.g % 7 = 0 THEN 1 ELSE 0 END) AS payload,
                    jsonb_build_object('departmentId', c.dept_id, 'departmentName', c.dept_name, 'legalEntityName', c.le_name) AS context
                  UNION ALL
                  SELECT 2, 'ApprovalTaskCompleted', c.submitted_at + c.manager_wait,
                    jsonb_build_object('approvalId', c.approval_id, 'claimId', c.claim_id, 'taskId', gen_random_uuid(), 'stepKey', 'manager', 'stepKind', 'Approval',
                      'assigneeId', c.manager_id, 'decidedById', c.manager_id, 'outcome', CASE WHEN c.returned THEN 'Returned' ELSE 'Approved' END,
                      'createdAt', c.submitted_at, 'openedAt', c.submitted_at + c.manager_wait - interval '3 minutes', 'completedAt', c.submitted_at + c.manager_wait,
                      'flowName', '标准报销', 'stepName', '直属上级审批', 'waitingSince', c.submitted_at),
                    jsonb_build_object('assigneeName', c.manager_name)
                  UNION ALL
                  SELECT 3, 'ClaimReturned', c.submitted_at + c.manager_wait,
                    jsonb_build_object('claimId', c.claim_id, 'approvalId', c.approval_id, 'deciderId', c.manager_id, 'comment', '请补充发票', 'returnedAt', c.submitted_at + c.manager_wait), NULL
                  WHERE c.returned
                  UNION ALL
                  SELECT 4, 'ClaimSubmitted', c.submitted_at + interval '1 day',
                    jsonb_build_object('claimId', c.claim_id, 'number', 'EXP-B-' || c.g, 'employeeId', c.employee_id, 'legalEntityId', c.le_id, 'totalAmount', c.amount,
                      'currency', 'CNY', 'categories', jsonb_build_array(c.category), 'costCentres', '[]'::jsonb, 'isResubmission', true,
                      'submittedAt', c.submitted_at + interval '1 day', 'title', '报销 ' || c.g, 'mainCategory', c.category,
                      'recognisedFieldsProposed', 12, 'recognisedFieldsCorrected', 2, 'manualLines', 0),
                    jsonb_build_object('departmentId', c.dept_id, 'departmentName', c.dept_name, 'legalEntityName', c.le_name)
                  WHERE c.returned
                  UNION ALL
                  SELECT 5, 'ApprovalTaskCompleted', c.submitted_at + interval '1 day' + c.manager_wait,
                    jsonb_build_object('approvalId', c.approval_id, 'claimId', c.claim_id, 'taskId', gen_random_uuid(), 'stepKey', 'manager', 'stepKind', 'Approval',
                      'assigneeId', c.manager_id, 'decidedById', c.manager_id, 'outcome', 'Approved', 'createdAt', c.submitted_at + interval '1 day',
                      'openedAt', c.submitted_at + interval '1 day' + c.manager_wait - interval '2 minutes', 'completedAt', c.submitted_at + interval '1 day' + c.manager_wait,
                      'flowName', '标准报销', 'stepName', '直属上级审批'),
                    jsonb_build_object('assigneeName', c.manager_name)
                  WHERE c.returned
                  UNION ALL
                  SELECT 6, 'ApprovalTaskCompleted', c.submitted_at + interval '1 day' + c.manager_wait + c.head_wait,
                    jsonb_build_object('approvalId', c.approval_id, 'claimId', c.claim_id, 'taskId', gen_random_uuid(), 'stepKey', 'dept-head', 'stepKind', 'Approval',
                      'assigneeId', c.head_id, 'decidedById', c.head_id, 'outcome', 'Approved', 'createdAt', c.submitted_at + interval '1 day' + c.manager_wait,
                      'openedAt', c.submitted_at + interval '1 day' + c.manager_wait + c.head_wait - interval '1 minute',
                      'completedAt', c.submitted_at + interval '1 day' + c.manager_wait + c.head_wait, 'flowName', '标准报销', 'stepName', '部门负责人审批'),
                    jsonb_build_object('assigneeName', c.head_name)
                  WHERE c.amount > 3000
                  UNION ALL
                  SELECT 7, 'ApprovalTaskCompleted', c.submitted_at + interval '2 days' + c.finance_wait,
                    jsonb_build_object('approvalId', c.approval_id, 'claimId', c.claim_id, 'taskId', gen_random_uuid(), 'stepKey', 'finance', 'stepKind', 'FinanceReview',
                      'assigneeId', c.finance_id, 'decidedById', c.finance_id, 'outcome', 'Approved', 'createdAt', c.submitted_at + interval '2 days',
                      'openedAt', c.submitted_at + interval '2 days' + c.finance_wait - interval '4 minutes', 'completedAt', c.submitted_at + interval '2 days' + c.finance_wait,
                      'flowName', '标准报销', 'stepName', '财务审核'),
                    jsonb_build_object('assigneeName', c.finance_name)
                  UNION ALL
                  SELECT 8, 'ClaimApproved', c.submitted_at + interval '2 days' + c.finance_wait,
                    jsonb_build_object('claimId', c.claim_id, 'approvalId', c.approval_id, 'lastDeciderId', c.finance_id, 'approvedAt', c.submitted_at + interval '2 days' + c.finance_wait), NULL
                  UNION ALL
                  SELECT 9, 'ClaimPaymentScheduled', c.submitted_at + interval '2 days' + c.finance_wait + interval '2 hours',
                    jsonb_build_object('claimId', c.claim_id, 'batchId', c.approval_id, 'batchNumber', 'PAY-B', 'endToEndId', 'EXP-B-' || c.g || '-1', 'releasedBy', c.finance_id,
                      'scheduledAt', c.submitted_at + interval '2 days' + c.finance_wait + interval '2 hours'), NULL
                  WHERE NOT c.unpaid
                  UNION ALL
                  SELECT 10, 'ClaimPaid', c.submitted_at + interval '2 days' + c.finance_wait + c.pay_wait,
                    jsonb_build_object('claimId', c.claim_id, 'batchId', c.approval_id, 'endToEndId', 'EXP-B-' || c.g || '-1', 'amount', c.amount, 'currency', 'CNY',
                      'bookingDate', to_char(c.submitted_at + interval '2 days' + c.finance_wait + c.pay_wait, 'YYYY-MM-DD'),
                      'recordedAt', c.submitted_at + interval '2 days' + c.finance_wait + c.pay_wait, 'resolvedBy', CASE WHEN c.by_hand THEN c.finance_id END), NULL
                  WHERE NOT c.unpaid
                ) e
                ORDER BY c.g, e.seq;
                DROP TABLE c;
                ANALYZE insights.events;
                """;
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 3600 };
            cmd.Parameters.AddWithValue("n", claims);
            await cmd.ExecuteNonQueryAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM insights.events", conn);
            events = (long)(await count.ExecuteScalarAsync())!;
        }

        Console.WriteLine($"wrote {events} events for {claims} claims in {sw.Elapsed.TotalSeconds:F0} s");
        using var admin = await host.ClientAsync("admin", TimeSpan.FromMinutes(60));
        using var process = Process.GetCurrentProcess();
        var rebuild = Stopwatch.StartNew();
        using (var response = await admin.PostAsync("/api/insights/rebuild", null))
        {
            process.Refresh();
            Console.WriteLine($"rebuild from the log: HTTP {(int)response.StatusCode} in {rebuild.Elapsed.TotalSeconds:F1} s, peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB: {await response.Content.ReadAsStringAsync()}");
        }

        await using (var conn = new NpgsqlConnection(host.ConnectionString))
        {
            await conn.OpenAsync();
            await using var sizes = new NpgsqlCommand("SELECT (SELECT count(*) FROM insights.cells), (SELECT count(*) FROM insights.histograms)", conn);
            await using var reader = await sizes.ExecuteReaderAsync();
            await reader.ReadAsync();
            Console.WriteLine($"rollup: {reader.GetInt64(0)} cells, {reader.GetInt64(1)} histogram rows");
        }

        using var manager = await host.ClientAsync("analyst");
        Stats.Header();
        foreach (var (name, url) in new[]
        {
            ("KPIs, 12 months by month", "/api/insights/kpis"),
            ("KPIs, 12 months by department", "/api/insights/kpis?by=department"),
            ("KPIs, 12 months by category", "/api/insights/kpis?by=category"),
            ("breakpoints, 12 months", "/api/insights/breakpoints"),
            ("ROI report, 12 months", "/api/insights/roi"),
            ("ROI report as PDF", "/api/insights/roi/export?format=pdf&lang=zh-CN"),
            ("ROI report as xlsx", "/api/insights/roi/export?format=xlsx&lang=zh-CN"),
        })
        {
            await Stats.MeasureGetAsync(manager, name, url, requests);
        }

        var check = await manager.GetFromJsonAsync<Insights.Contracts.KpiReportDto>("/api/insights/kpis");
        Console.WriteLine($"check: {check!.Total.ClaimsSubmitted} claims submitted, {check.Total.ClaimsPaid} paid, cycle median {check.Total.CycleTime.MedianHours} h, " +
                          $"error rate {check.Total.ErrorRate.Value}, touchless {check.Total.TouchlessRate.Value}, {check.EventsProcessed} events");
        await LiveIntakeAsync(host, 5_000);
    }

    /// <summary>
    /// The live path: events of the log taken in again as new deliveries (fresh event ids) through the handler the
    /// outbox calls, one at a time and with four at once: per-event transaction, claim lock, fact update, rollup upserts.
    /// </summary>
    private static async Task LiveIntakeAsync(LoadHost host, int count)
    {
        var stored = new List<(string Type, string Payload)>();
        await using (var conn = new NpgsqlConnection(host.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT type, payload::text FROM insights.events ORDER BY id DESC LIMIT @n", conn);
            cmd.Parameters.AddWithValue("n", count);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var parallel in new[] { 1, 4 })
        {
            var events = stored.Select(s => Insights.Application.Projection.EventFolding.Read(s.Type, s.Payload) with { EventId = Guid.NewGuid() }).ToList();
            var next = -1;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < events.Count)
                {
                    var e = events[i];
                    using var scope = host.Services.CreateScope();
                    var contract = typeof(BuildingBlocks.Events.IIntegrationEventHandler<>).MakeGenericType(e.GetType());
                    var handler = scope.ServiceProvider.GetRequiredService(contract);
                    await (Task)contract.GetMethod("HandleAsync")!.Invoke(handler, [e, CancellationToken.None])!;
                }
            })));
            Console.WriteLine($"live intake, {parallel} at once: {events.Count} events in {watch.Elapsed.TotalSeconds:F1} s = {events.Count / watch.Elapsed.TotalSeconds:F0} events/s");
        }
    }
}
