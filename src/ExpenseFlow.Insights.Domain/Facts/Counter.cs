namespace ExpenseFlow.Insights.Domain.Facts;

/// <summary>
/// Positions in a rollup cell's counter vector. Claim cells (dimensions all / department / category / legal entity,
/// by month of first submission) use the claim counters; task cells (dimensions node / approver, by month of completion)
/// use the task counters. Sums of durations are in seconds, amounts in cents.
/// </summary>
public static class Counter
{
    // Claim cells.
    public const int Submitted = 0;
    public const int AmountCents = 1;
    public const int Completed = 2;
    public const int FirstPass = 3;
    public const int Returned = 4;
    public const int Rejected = 5;
    public const int Paid = 6;
    public const int Touchless = 7;
    public const int FieldsProposed = 8;
    public const int FieldsCorrected = 9;
    public const int SlaBreaches = 10;

    /// <summary>Per metric 1–8: count of claims with the duration, then the sum of seconds.</summary>
    public static int MetricCount(Metric metric) => 11 + (((int)metric - 1) * 2);

    public static int MetricSum(Metric metric) => MetricCount(metric) + 1;

    public const int ClaimLength = 27;

    // Task cells.
    public const int Tasks = 0;
    public const int Approved = 1;
    public const int TaskRejected = 2;
    public const int TaskReturned = 3;
    public const int Other = 4;
    public const int WaitCount = 5;
    public const int WaitSeconds = 6;
    public const int Breaches = 7;
    public const int Reminded = 8;
    public const int TaskLength = 9;
}

/// <summary>The dimensions a cell is kept for.</summary>
public static class Dimension
{
    public const string All = "all";
    public const string Department = "department";
    public const string Category = "category";
    public const string LegalEntity = "legalEntity";
    public const string Node = "node";
    public const string Approver = "approver";

    /// <summary>One cell (month 0001-01, key empty) counting the events the log took in.</summary>
    public const string Log = "log";
}

/// <summary>A cell of the rollup: a month, a dimension and its key (empty for <see cref="Dimension.All"/>).</summary>
public readonly record struct CellKey(DateOnly Month, string Dim, string Key);

/// <summary>A histogram entry: how many observations of <see cref="Metric"/> fell in <see cref="Bucket"/>.</summary>
public readonly record struct HistKey(Metric Metric, DateOnly Month, string Dim, string Key, int Bucket);

/// <summary>What one fact adds to the rollup; the difference of two contributions is what an event changes.</summary>
public sealed class Contribution
{
    public Dictionary<CellKey, long[]> Cells { get; } = [];

    public Dictionary<HistKey, long> Histograms { get; } = [];

    public Dictionary<CellKey, (string Label, string? Kind)> Labels { get; } = [];

    public void Add(CellKey key, int length, int index, long value)
    {
        if (value == 0)
        {
            return;
        }

        if (!Cells.TryGetValue(key, out var counters))
        {
            Cells[key] = counters = new long[length];
        }

        counters[index] += value;
    }

    public void Observe(Metric metric, CellKey cell, TimeSpan duration)
    {
        var key = new HistKey(metric, cell.Month, cell.Dim, cell.Key, Buckets.Of(duration));
        Histograms[key] = Histograms.GetValueOrDefault(key) + 1;
    }

    /// <summary>Adds <paramref name="other"/> times <paramref name="sign"/> (+1 or −1) into this contribution.</summary>
    public void Merge(Contribution other, int sign = 1)
    {
        foreach (var (key, counters) in other.Cells)
        {
            if (!Cells.TryGetValue(key, out var mine))
            {
                Cells[key] = mine = new long[counters.Length];
            }

            for (var i = 0; i < counters.Length; i++)
            {
                mine[i] += sign * counters[i];
            }
        }

        foreach (var (key, n) in other.Histograms)
        {
            Histograms[key] = Histograms.GetValueOrDefault(key) + (sign * n);
        }

        if (sign > 0)
        {
            foreach (var (key, label) in other.Labels)
            {
                Labels[key] = label;
            }
        }
    }

    /// <summary>Drops cells and histogram entries that did not change.</summary>
    public Contribution Compact()
    {
        foreach (var key in Cells.Where(c => c.Value.All(v => v == 0)).Select(c => c.Key).ToList())
        {
            Cells.Remove(key);
        }

        foreach (var key in Histograms.Where(h => h.Value == 0).Select(h => h.Key).ToList())
        {
            Histograms.Remove(key);
        }

        return this;
    }

    public static Contribution Difference(Contribution before, Contribution after)
    {
        var delta = new Contribution();
        delta.Merge(after);
        delta.Merge(before, -1);
        return delta.Compact();
    }
}
