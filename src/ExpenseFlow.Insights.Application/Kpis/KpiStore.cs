using ExpenseFlow.Insights.Domain.Facts;
using ExpenseFlow.Insights.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpenseFlow.Insights.Application.Kpis;

/// <summary>Counters and histograms of a group (a month, a department, … or the whole period).</summary>
internal sealed class GroupFigures(int length)
{
    public string Label { get; set; } = string.Empty;

    public string? Kind { get; set; }

    public long[] Counters { get; } = new long[length];

    public Dictionary<Metric, Dictionary<int, long>> Histograms { get; } = [];

    public long this[int index] => Counters[index];

    public void Add(long[] counters)
    {
        for (var i = 0; i < Math.Min(counters.Length, Counters.Length); i++)
        {
            Counters[i] += counters[i];
        }
    }

    public void Observe(Metric metric, int bucket, long n)
    {
        if (!Histograms.TryGetValue(metric, out var h))
        {
            Histograms[metric] = h = [];
        }

        h[bucket] = h.GetValueOrDefault(bucket) + n;
    }

    public double? Percentile(Metric metric, double q) => Histograms.TryGetValue(metric, out var h) ? Buckets.Percentile(h, q) : null;
}

/// <summary>Reads the rollup: a handful of rows per month and key, whatever the number of claims behind them.</summary>
internal sealed class KpiStore(InsightsDbContext db)
{
    /// <summary>Groups of <paramref name="dim"/> over the period; <paramref name="byMonth"/> groups the 'all' cells by month instead of key.</summary>
    public async Task<Dictionary<string, GroupFigures>> LoadAsync(string dim, Period period, bool byMonth, int length, IReadOnlyCollection<Metric> metrics, CancellationToken ct)
    {
        var groups = new Dictionary<string, GroupFigures>(StringComparer.Ordinal);
        GroupFigures Group(string key) => groups.TryGetValue(key, out var g) ? g : groups[key] = new GroupFigures(length);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var cells = new NpgsqlCommand("SELECT month, key, counters, label, kind FROM insights.cells WHERE dim = $1 AND month BETWEEN $2 AND $3", connection))
            {
                cells.Parameters.Add(new NpgsqlParameter { Value = dim });
                cells.Parameters.Add(new NpgsqlParameter { Value = period.From });
                cells.Parameters.Add(new NpgsqlParameter { Value = period.To });
                await using var reader = await cells.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var key = byMonth ? reader.GetFieldValue<DateOnly>(0).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : reader.GetString(1);
                    var group = Group(key);
                    group.Add(reader.GetFieldValue<long[]>(2));
                    if (!reader.IsDBNull(3))
                    {
                        group.Label = reader.GetString(3);
                    }

                    if (!reader.IsDBNull(4))
                    {
                        group.Kind = reader.GetString(4);
                    }
                }
            }

            var groupBy = byMonth ? "to_char(month, 'YYYY-MM')" : "key";
            await using var hist = new NpgsqlCommand(
                $"SELECT metric, {groupBy}, bucket, sum(n)::bigint FROM insights.histograms WHERE dim = $1 AND month BETWEEN $2 AND $3 AND metric = ANY($4) GROUP BY metric, {groupBy}, bucket",
                connection);
            hist.Parameters.Add(new NpgsqlParameter { Value = dim });
            hist.Parameters.Add(new NpgsqlParameter { Value = period.From });
            hist.Parameters.Add(new NpgsqlParameter { Value = period.To });
            hist.Parameters.Add(new NpgsqlParameter { Value = metrics.Select(m => (short)m).ToArray() });
            await using var histReader = await hist.ExecuteReaderAsync(ct);
            while (await histReader.ReadAsync(ct))
            {
                Group(histReader.GetString(1)).Observe((Metric)histReader.GetInt16(0), histReader.GetInt32(2), histReader.GetInt64(3));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return groups;
    }

    public async Task<(DateTimeOffset? Last, long Count)> LogStateAsync(CancellationToken ct)
    {
        var last = await db.Events.AsNoTracking().OrderByDescending(e => e.Id).Select(e => (DateTimeOffset?)e.ReceivedAt).FirstOrDefaultAsync(ct);
        // Every event taken in adds one to the log cell, so this is exact without counting millions of rows.
        var counters = await db.Cells.AsNoTracking().Where(c => c.Dim == Dimension.Log && c.Month == DateOnly.MinValue && c.Key == string.Empty)
            .Select(c => c.Counters).FirstOrDefaultAsync(ct);
        return (last, counters is { Length: > 0 } ? counters[0] : 0);
    }
}
