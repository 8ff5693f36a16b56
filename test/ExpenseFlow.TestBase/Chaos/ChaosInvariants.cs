using Npgsql;

namespace ExpenseFlow.TestBase.Chaos;

/// <summary>
/// What a crash-and-race run checks at its end: the money invariants (<see cref="MoneyInvariants"/>), every outbox
/// drained, and every receipt row with its bytes.
/// </summary>
public static class ChaosInvariants
{
    public static async Task<List<string>> CheckAsync(string connectionString, string receiptStoragePath)
    {
        var violations = (await MoneyInvariants.ViolationsAsync(connectionString)).ToList();
        violations.AddRange((await MoneyInvariants.PendingOutboxAsync(connectionString, TimeSpan.FromMinutes(2))).Select(p => "outbox not drained: " + p));
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        // In the file store under its hash, or in the database store where there is one.
        var databaseStore = (await StringsAsync(conn, "SELECT 'yes' WHERE to_regclass('expenses.receipt_blobs') IS NOT NULL")).Count > 0;
        var inDatabase = databaseStore ? (await StringsAsync(conn, "SELECT sha256 FROM expenses.receipt_blobs")).ToHashSet() : [];
        foreach (var hash in await StringsAsync(conn, "SELECT DISTINCT content_hash FROM expenses.receipts"))
        {
            var file = Path.Combine(receiptStoragePath, "objects", hash[..2], hash[2..4], hash);
            if (!File.Exists(file) && !inDatabase.Contains(hash))
            {
                violations.Add($"receipt bytes missing: {hash}");
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
