namespace ExpenseFlow.Expenses.Domain.Policies;

public enum PolicySeverity
{
    Off,
    Warn,
    Block,
}

/// <summary>One rule's verdict on a claim or one of its lines, with the employee's justification for a warning.</summary>
public sealed record PolicyFinding(string Rule, PolicySeverity Severity, int? Line, string English, string Chinese)
{
    public string? Justification { get; init; }
}
