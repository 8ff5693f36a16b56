namespace ExpenseFlow.Insights.Contracts;

/// <summary>Text column lengths of the module, declared once for the EF mappings and the request records.</summary>
public static class InsightsLimits
{
    public const int BaselineName = 200;
    public const int Currency = 3;
}
