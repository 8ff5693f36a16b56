namespace ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Turns a user's search text into an ILIKE "contains" pattern in which %, _ and \ are literal.</summary>
public static class LikePattern
{
    public static string Contains(string search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return "%" + search.Trim()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}
