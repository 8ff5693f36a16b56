using Microsoft.Extensions.Configuration;

namespace ExpenseFlow.Approvals.Application.Runtime;

/// <summary>The company's calendar day, which delegation ranges are written in (Approvals:TimeZone, default Asia/Shanghai).</summary>
public sealed class CompanyCalendar(TimeProvider clock, IConfiguration configuration)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Approvals:TimeZone"] ?? "Asia/Shanghai");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);
}
