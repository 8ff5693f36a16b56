using System.Globalization;
using System.Net.Http.Json;
using ExpenseFlow.Payments.Application.Batches;
using ExpenseFlow.TestBase;
using Npgsql;
using Shouldly;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// Many released payment lines at once, for statements of a size where settling row by row and in bulk could differ:
/// approved claims with their payables are written in SQL (as ClaimApproved would have left them, like the load
/// scenario), then batched by one finance user and released by another through the real API.
/// </summary>
internal static class SeededPayments
{
    /// <summary>A released line: what a bank statement would show for it.</summary>
    public sealed record Line(Guid Id, Guid ClaimId, Guid BatchId, string ClaimNumber, string EndToEndId, decimal Amount, string Payee, DateOnly ExecutionDate);

    /// <summary>
    /// One released batch per entry of <paramref name="batches"/>; claim numbers EXP-{year}-000001… so each test's lines are
    /// its own. A line's payee is the demo person <c>person(i)</c> and its amount <c>amount(i)</c>.
    /// </summary>
    public static async Task<List<Line>> ReleasedAsync(this ExpenseFlowApp app, HttpClient maker, HttpClient checker, int year, int[] batches,
        Func<int, decimal> amount, Func<int, int> person)
    {
        var total = batches.Sum();
        const string seed = """
            WITH people AS (SELECT array_agg(id ORDER BY employee_no) AS ids, array_agg(display_name ORDER BY employee_no) AS names FROM organization.people),
                 le AS (SELECT id FROM organization.legal_entities ORDER BY tax_id LIMIT 1),
                 seed AS (SELECT gen_random_uuid() AS claim_id, s.i, 'EXP-' || @year || '-' || lpad(s.i::text, 6, '0') AS number,
                                 people.ids[s.p] AS employee_id, people.names[s.p] AS name, le.id AS le_id, s.amount
                          FROM unnest(@i, @p, @amount) AS s(i, p, amount), people, le),
                 claims AS (INSERT INTO expenses.claims (id, number, employee_id, legal_entity_id, title, base_currency, status, total_in_base, created_at, updated_at, submitted_at)
                            SELECT claim_id, number, employee_id, le_id, '批量对账 ' || i, 'CNY', 'Approved', amount, now() - interval '3 days', now() - interval '1 day',
                                   now() - interval '3 days' FROM seed)
            INSERT INTO payments.payables (id, claim_id, claim_number, employee_id, payee_name, legal_entity_id, amount, currency, approved_at, updated_at,
                                           account_name, account_number, bank_name, cnaps_code, status)
            SELECT gen_random_uuid(), claim_id, number, employee_id, name, le_id, amount, 'CNY', now() - interval '1 day', now(),
                   name, '6222' || lpad((@year::int * 1000000 + i)::text, 15, '0'), '中国工商银行', '102100099996', 'Open' FROM seed
            RETURNING id, claim_number
            """;
        var payables = new Dictionary<string, Guid>();
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(seed, connection);
            command.Parameters.AddWithValue("year", year.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("i", Enumerable.Range(1, total).ToArray());
            command.Parameters.AddWithValue("p", Enumerable.Range(0, total).Select(i => 1 + person(i) % 20).ToArray());
            command.Parameters.AddWithValue("amount", Enumerable.Range(0, total).Select(amount).ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                payables[reader.GetString(1)] = reader.GetGuid(0);
            }
        }

        var legalEntity = (await maker.GetFromJsonAsync<List<ExpenseFlow.Organization.Contracts.LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;
        var lines = new List<Line>();
        var next = 1;
        foreach (var size in batches)
        {
            var ids = Enumerable.Range(next, size).Select(i => payables[$"EXP-{year}-{i:000000}"]).ToArray();
            next += size;
            var built = await maker.PostAsJsonAsync("/api/payments/batches", new { legalEntityId = legalEntity, currency = "CNY", payableIds = ids });
            ((int)built.StatusCode).ShouldBe(201, await built.Content.ReadAsStringAsync());
            var batch = (await built.Content.ReadFromJsonAsync<BatchDto>())!;
            var released = await checker.PostAsync($"/api/payments/batches/{batch.Id}/release", null);
            ((int)released.StatusCode).ShouldBe(200, await released.Content.ReadAsStringAsync());
            lines.AddRange(batch.Lines.Select(l => new Line(l.Id, l.ClaimId, batch.Id, l.ClaimNumber, l.EndToEndId, l.Amount, l.AccountName, batch.ExecutionDate)));
        }

        return [.. lines.OrderBy(l => l.ClaimNumber, StringComparer.Ordinal)];
    }

    /// <summary>
    /// How many events of a kind the Payments outbox holds for a claim, in claim id order: GROUP BY alone returns its
    /// groups in whatever order the plan yields (it differed between two runs), and callers compare whole results.
    /// </summary>
    public static async Task<Dictionary<Guid, int>> OutboxCountsAsync(this ExpenseFlowApp app, string eventType)
    {
        var counts = new Dictionary<Guid, int>();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (payload->>'claimId')::uuid, count(*)::int FROM payments.outbox_messages WHERE type LIKE '%.' || @type GROUP BY 1 ORDER BY 1", connection);
        command.Parameters.AddWithValue("type", eventType);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetGuid(0)] = reader.GetInt32(1);
        }

        return counts;
    }
}
