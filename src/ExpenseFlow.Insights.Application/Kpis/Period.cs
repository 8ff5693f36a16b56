using System.Globalization;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Insights.Application.Projection;

namespace ExpenseFlow.Insights.Application.Kpis;

/// <summary>A range of whole months (first days), inclusive.</summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    public int Months => ((To.Year - From.Year) * 12) + To.Month - From.Month + 1;

    public string FromText => From.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string ToText => To.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public IEnumerable<DateOnly> EachMonth()
    {
        for (var m = From; m <= To; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    /// <summary>yyyy-MM strings; by default the twelve months ending with the current one (company time).</summary>
    public static Period Parse(string? from, string? to, InsightsCalendar calendar, TimeProvider clock)
    {
        var end = string.IsNullOrWhiteSpace(to) ? calendar.MonthOf(clock.GetUtcNow()) : Month(to);
        var start = string.IsNullOrWhiteSpace(from) ? end.AddMonths(-11) : Month(from);
        var period = new Period(start, end);
        return start > end || period.Months > 120 ? throw new DomainException(InsightsErrors.InvalidPeriod) : period;
    }

    private static DateOnly Month(string text) =>
        DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new DomainException(InsightsErrors.InvalidPeriod);
}
