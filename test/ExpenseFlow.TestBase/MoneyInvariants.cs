using Npgsql;

namespace ExpenseFlow.TestBase;

/// <summary>
/// The money invariants checked in SQL across the module schemas, the way an auditor would: whatever arrived in which
/// order, a claim that is Cancelled, Rejected or Returned has no payable that is not Closed and no pending or paid batch
/// line; a claim's state agrees with its latest approval; an Approved claim has its payable.
/// </summary>
public static class MoneyInvariants
{
    private static readonly string[] Checks =
    [
        """
        SELECT c.number || ' is ' || c.status || ' but its payable is ' || p.status
        FROM expenses.claims c JOIN payments.payables p ON p.claim_id = c.id
        WHERE c.status IN ('Cancelled', 'Rejected', 'Returned') AND p.status <> 'Closed'
        """,
        """
        SELECT c.number || ' is ' || c.status || ' but has a ' || l.status || ' line in batch ' || b.number || ' (' || b.status || ')'
        FROM expenses.claims c JOIN payments.batch_lines l ON l.claim_id = c.id JOIN payments.batches b ON b.id = l.batch_id
        WHERE c.status IN ('Cancelled', 'Rejected', 'Returned') AND l.status IN ('Pending', 'Paid')
        """,
        """
        SELECT c.number || ' is ' || c.status || ' but its approval (round ' || a.round || ') is ' || a.status
        FROM expenses.claims c
        JOIN approvals.approvals a ON a.claim_id = c.id AND a.round = (SELECT max(x.round) FROM approvals.approvals x WHERE x.claim_id = c.id)
        WHERE (c.status = 'Cancelled' AND a.status NOT IN ('Cancelled', 'Returned'))
           OR (c.status IN ('Approved', 'Scheduled', 'Paid') AND a.status <> 'Approved')
           OR (c.status = 'Rejected' AND a.status <> 'Rejected')
        """,
        """
        SELECT c.number || ' is ' || c.status || ' but has ' || count(p.id) || ' payables'
        FROM expenses.claims c LEFT JOIN payments.payables p ON p.claim_id = c.id
        WHERE c.status IN ('Approved', 'Scheduled', 'Paid') GROUP BY c.number, c.status HAVING count(p.id) <> 1
        """,
        """
        SELECT c.number || ' is ' || c.status || ' but its payable is ' || p.status
        FROM expenses.claims c JOIN payments.payables p ON p.claim_id = c.id
        WHERE (c.status = 'Paid') <> (p.status = 'Paid')
        """,
        """
        SELECT claim_number || ' was paid ' || count(*) || ' times' FROM payments.batch_lines WHERE status = 'Paid' GROUP BY claim_number HAVING count(*) > 1
        """,
        // Money that went out (paid lines, and lines paid then returned) is what the bank's statements debited.
        """
        SELECT 'payment lines ' || l.total || ' but matched statement debits ' || e.total
        FROM (SELECT coalesce(sum(amount), 0) AS total FROM payments.batch_lines WHERE status IN ('Paid', 'Returned')) l,
             (SELECT coalesce(sum(amount), 0) AS total FROM payments.statement_entries WHERE match = 'Matched' AND NOT is_credit) e
        WHERE l.total <> e.total
        """,
    ];

    /// <summary>Every violation found in the database, one line each; empty when the invariants hold.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var found = new List<string>();
        foreach (var sql in Checks)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    /// <summary>Every violation found in the app's database.</summary>
    public static Task<IReadOnlyList<string>> ViolationsAsync(this ExpenseFlowApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return ViolationsAsync(app.ConnectionString);
    }

    /// <summary>
    /// Waits until every module's outbox has delivered everything it holds, so that "nothing happened" means nothing will.
    /// A message that keeps failing keeps the outbox from draining, and the wait ends in a failure naming it.
    /// </summary>
    public static async Task OutboxDrainedAsync(this ExpenseFlowApp app, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pending = await PendingOutboxAsync(app.ConnectionString, within ?? TimeSpan.FromSeconds(30));
        if (pending.Count > 0)
        {
            throw new Shouldly.ShouldAssertException($"The outboxes did not drain; still pending:\n{string.Join("\n", pending.Take(10))}");
        }
    }

    /// <summary>Waits up to <paramref name="within"/> for every outbox to drain; returns what is still pending then.</summary>
    public static async Task<List<string>> PendingOutboxAsync(string connectionString, TimeSpan within)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var schemas = new List<string>();
        await using (var find = new NpgsqlCommand("SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox_messages'", connection))
        await using (var reader = await find.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                schemas.Add(reader.GetString(0));
            }
        }

        // The schema names come from the catalogue, never from input.
        var sql = string.Join(" UNION ALL ", schemas.Select(s =>
            $"SELECT '{s}' || ': ' || type || coalesce(' — ' || left(last_error, 300), '') FROM \"{s}\".outbox_messages WHERE processed_at IS NULL"));
        var deadline = DateTime.UtcNow + within;
        List<string> pending;
        do
        {
            pending = [];
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                pending.Add(reader.GetString(0));
            }

            if (pending.Count == 0)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return pending;
    }
}
