namespace ExpenseFlow.BuildingBlocks.Infrastructure;

/// <summary>
/// Named places where a test may make the process die at once (EXPENSEFLOW_FAULT=name), to prove crash safety with a
/// real process: receipt-stored, receipt-committed, outbox-committed.
/// </summary>
public static class FaultInjection
{
    private static readonly string? Armed = Environment.GetEnvironmentVariable("EXPENSEFLOW_FAULT");

    public static void Point(string name)
    {
        if (Armed is not null && string.Equals(Armed, name, StringComparison.Ordinal))
        {
            Environment.FailFast($"fault injected at {name}");
        }
    }
}
