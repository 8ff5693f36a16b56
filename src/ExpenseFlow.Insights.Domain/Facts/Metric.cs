namespace ExpenseFlow.Insights.Domain.Facts;

/// <summary>The durations the KPI store keeps distributions of (one histogram per metric).</summary>
public enum Metric : short
{
    /// <summary>Paid − first submitted.</summary>
    Cycle = 1,

    /// <summary>First receipt uploaded → first submitted (preparing the claim, recognition included).</summary>
    Recognition = 2,

    /// <summary>First submitted → approved, minus the time finance review tasks waited.</summary>
    Approval = 3,

    /// <summary>Time finance review tasks waited (created → completed).</summary>
    Finance = 4,

    /// <summary>Approved → paid.</summary>
    Payment = 5,

    /// <summary>Employee's active time per claim: first upload → submit (measured).</summary>
    EmployeeActive = 6,

    /// <summary>Approvers' active time per claim: task opened → decided, summed over the claim's tasks (measured).</summary>
    ApproverActive = 7,

    /// <summary>Finance's active time per claim: finance review opened → decided (measured).</summary>
    FinanceActive = 8,

    /// <summary>One approval task's wait: created (or waiting since) → completed.</summary>
    TaskWait = 9,
}

/// <summary>
/// Durations are counted in buckets: whole minutes below two hours, whole hours above. A percentile is the lower bound
/// of the bucket holding the nearest-rank element, so it is exact to the minute for short waits and to the hour for
/// long ones — reproducible from the stored counts, whatever order events came in.
/// </summary>
public static class Buckets
{
    private const int MinuteBuckets = 120;

    public static int Of(TimeSpan duration) => Of((long)Math.Max(0, duration.TotalSeconds));

    public static int Of(long seconds)
    {
        var minutes = Math.Max(0, seconds) / 60;
        return minutes < MinuteBuckets ? (int)minutes : (int)Math.Min(int.MaxValue, MinuteBuckets + (minutes / 60) - 2);
    }

    /// <summary>The bucket's lower bound in hours.</summary>
    public static double LowerBoundHours(int bucket) => bucket < MinuteBuckets ? bucket / 60.0 : bucket - MinuteBuckets + 2;

    /// <summary>
    /// Nearest-rank percentile (the smallest value with at least <paramref name="q"/> of the observations at or below it)
    /// over a histogram of bucket → count. Null when there is nothing.
    /// </summary>
    public static double? Percentile(IEnumerable<KeyValuePair<int, long>> histogram, double q)
    {
        var sorted = histogram.Where(h => h.Value > 0).OrderBy(h => h.Key).ToList();
        var total = sorted.Sum(h => h.Value);
        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(q * total);
        rank = Math.Clamp(rank, 1, total);
        long seen = 0;
        foreach (var (bucket, count) in sorted)
        {
            seen += count;
            if (seen >= rank)
            {
                return LowerBoundHours(bucket);
            }
        }

        return LowerBoundHours(sorted[^1].Key);
    }
}
