using ExpenseFlow.Insights.Domain.Facts;
using ExpenseFlow.Insights.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ExpenseFlow.Insights.Application.Projection;

/// <summary>
/// Adds a contribution to the rollup tables with upserts that commute, in one round trip. Rows are touched in one global
/// order (cells, then histograms, each sorted by key), so concurrent events never wait on each other in a cycle.
/// </summary>
internal static class RollupWriter
{
    public static async Task ApplyAsync(InsightsDbContext db, Contribution delta, CancellationToken ct)
    {
        if (delta.Cells.Count == 0 && delta.Histograms.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection) { Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction() };
        foreach (var (key, counters) in delta.Cells.OrderBy(c => c.Key.Dim, StringComparer.Ordinal).ThenBy(c => c.Key.Month).ThenBy(c => c.Key.Key, StringComparer.Ordinal))
        {
            var (label, kind) = delta.Labels.TryGetValue(key, out var l) ? l : (null, null);
            var command = new NpgsqlBatchCommand("""
                INSERT INTO insights.cells AS c (dim, month, key, counters, label, kind) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (dim, month, key) DO UPDATE SET counters = insights.add_counters(c.counters, excluded.counters),
                    label = coalesce(excluded.label, c.label), kind = coalesce(excluded.kind, c.kind)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = key.Dim });
            command.Parameters.Add(new NpgsqlParameter { Value = key.Month, NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter { Value = key.Key });
            command.Parameters.Add(new NpgsqlParameter { Value = counters, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)label ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }

        foreach (var (key, n) in delta.Histograms.OrderBy(h => h.Key.Dim, StringComparer.Ordinal).ThenBy(h => h.Key.Metric).ThenBy(h => h.Key.Month)
                     .ThenBy(h => h.Key.Key, StringComparer.Ordinal).ThenBy(h => h.Key.Bucket))
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO insights.histograms AS h (dim, metric, month, key, bucket, n) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (dim, metric, month, key, bucket) DO UPDATE SET n = h.n + excluded.n
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = key.Dim });
            command.Parameters.Add(new NpgsqlParameter { Value = (short)key.Metric });
            command.Parameters.Add(new NpgsqlParameter { Value = key.Month, NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new NpgsqlParameter { Value = key.Key });
            command.Parameters.Add(new NpgsqlParameter { Value = key.Bucket });
            command.Parameters.Add(new NpgsqlParameter { Value = n });
            batch.BatchCommands.Add(command);
        }

        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }
}
