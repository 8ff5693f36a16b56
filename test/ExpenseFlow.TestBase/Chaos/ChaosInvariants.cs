using Npgsql;

namespace ExpenseFlow.TestBase.Chaos;

/// <summary>
/// The money invariants, checked in SQL across the modules' schemas after a run. Each query lists what breaks its rule;
/// a clean database lists nothing.
/// </summary>
public static class ChaosInvariants
{
    private static readonly (string Rule, string Sql)[] Rules =
    [
        ("a claim approved in Expenses has an approved approval, and the other way round",
            """
            SELECT c.number || ' ' || c.status || ' / approval ' || a.status FROM expenses.claims c
            JOIN LATERAL (SELECT status FROM approvals.approvals WHERE claim_id = c.id ORDER BY round DESC, started_at DESC LIMIT 1) a ON true
            WHERE (c.status IN ('Approved', 'Scheduled', 'Paid')) <> (a.status = 'Approved')
            """),
        ("a claim that is not approved has no live payable",
            """
            SELECT c.number || ' ' || c.status || ' / payable ' || p.status FROM payments.payables p JOIN expenses.claims c ON c.id = p.claim_id
            WHERE c.status NOT IN ('Approved', 'Scheduled', 'Paid') AND p.status IN ('Open', 'Held', 'InBatch', 'Scheduled', 'Paid')
            """),
        ("a paid claim has a paid payable, and a paid payable a paid claim",
            """
            SELECT c.number || ' ' || c.status || ' / payable ' || coalesce(p.status, 'none') FROM expenses.claims c
            LEFT JOIN payments.payables p ON p.claim_id = c.id
            WHERE (c.status = 'Paid') <> (coalesce(p.status, '') = 'Paid') AND (c.status = 'Paid' OR p.status = 'Paid')
            """),
        ("an approved claim is payable exactly once",
            """
            SELECT c.number || ' has ' || count(p.id) || ' payables' FROM expenses.claims c LEFT JOIN payments.payables p ON p.claim_id = c.id
            WHERE c.status IN ('Approved', 'Scheduled', 'Paid') GROUP BY c.number HAVING count(p.id) <> 1
            """),
        ("no claim is paid twice",
            "SELECT claim_number || ' paid ' || count(*) || ' times' FROM payments.batch_lines WHERE status = 'Paid' GROUP BY claim_number HAVING count(*) > 1"),
        ("a pending payment line belongs to a claim that may be paid",
            """
            SELECT l.claim_number || ' line ' || l.status || ' / claim ' || c.status FROM payments.batch_lines l
            JOIN payments.batches b ON b.id = l.batch_id JOIN expenses.claims c ON c.id = l.claim_id
            WHERE l.status = 'Pending' AND b.status IN ('Draft', 'Released') AND c.status NOT IN ('Approved', 'Scheduled')
            """),
        ("what is paid equals what the statements debited",
            """
            SELECT 'paid lines ' || coalesce((SELECT sum(amount) FROM payments.batch_lines WHERE status = 'Paid'), 0)
                || ' vs matched debits ' || coalesce((SELECT sum(amount) FROM payments.statement_entries WHERE match = 'Matched' AND NOT is_credit), 0)
            WHERE coalesce((SELECT sum(amount) FROM payments.batch_lines WHERE status = 'Paid'), 0)
               <> coalesce((SELECT sum(amount) FROM payments.statement_entries WHERE match = 'Matched' AND NOT is_credit), 0)
            """),
        ("every outbox is drained",
            """
            SELECT 'expenses ' || count(*) FROM expenses.outbox_messages WHERE processed_at IS NULL HAVING count(*) > 0
            UNION ALL SELECT 'approvals ' || count(*) FROM approvals.outbox_messages WHERE processed_at IS NULL HAVING count(*) > 0
            UNION ALL SELECT 'payments ' || count(*) FROM payments.outbox_messages WHERE processed_at IS NULL HAVING count(*) > 0
            UNION ALL SELECT 'organization ' || count(*) FROM organization.outbox_messages WHERE processed_at IS NULL HAVING count(*) > 0
            """),
    ];

    /// <summary>Every broken rule, one line per offending row.</summary>
    public static async Task<List<string>> CheckAsync(string connectionString, string receiptStoragePath)
    {
        var violations = new List<string>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        foreach (var (rule, sql) in Rules)
        {
            foreach (var row in await StringsAsync(conn, sql))
            {
                violations.Add($"{rule}: {row}");
            }
        }

        // Every receipt row has its bytes: in the file store under its hash, or in the database store where there is one.
        var blobs = await StringsAsync(conn, "SELECT to_regclass('expenses.receipt_blobs')::text WHERE to_regclass('expenses.receipt_blobs') IS NOT NULL");
        var inDatabase = blobs.Count == 0 ? [] : (await StringsAsync(conn, "SELECT sha256 FROM expenses.receipt_blobs")).ToHashSet();
        foreach (var hash in await StringsAsync(conn, "SELECT DISTINCT content_hash FROM expenses.receipts"))
        {
            var file = Path.Combine(receiptStoragePath, "objects", hash[..2], hash[2..4], hash);
            if (!File.Exists(file) && !inDatabase.Contains(hash))
            {
                violations.Add($"every receipt row has its bytes: {hash} is missing");
            }
        }

        return violations;
    }

    public static async Task<Dictionary<string, int>> ClaimStatesAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        return (await StringsAsync(conn, "SELECT status || '=' || count(*) FROM expenses.claims WHERE title LIKE 'chaos-%' GROUP BY status"))
            .Select(s => s.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Approved claims whose money has not gone out yet.</summary>
    public static async Task<int> UnpaidApprovedAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM expenses.claims WHERE status IN ('Approved', 'Scheduled')", conn);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until every outbox is drained (events are delivered in the background after each commit).</summary>
    public static async Task WaitForQuietAsync(string connectionString, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        while (DateTime.UtcNow < deadline && (await StringsAsync(conn, Rules[^1].Sql)).Count > 0)
        {
            await Task.Delay(250);
        }
    }

    private static async Task<List<string>> StringsAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
