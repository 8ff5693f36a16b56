using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Insights.Application.Baselines;
using ExpenseFlow.Insights.Application.Projection;
using ExpenseFlow.Insights.Contracts;
using ExpenseFlow.Insights.Domain.Baselines;
using ExpenseFlow.Insights.Domain.Facts;
using ExpenseFlow.Insights.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExpenseFlow.Insights.Application.Kpis;

/// <summary>KPIs over a period, in total and broken down by month, department, category or legal entity.</summary>
internal static class KpiEndpoints
{
    private static readonly Metric[] AllClaimMetrics =
        [Metric.Cycle, Metric.Recognition, Metric.Approval, Metric.Finance, Metric.Payment, Metric.EmployeeActive, Metric.ApproverActive, Metric.FinanceActive];

    private static readonly Metric[] GroupMetrics = [Metric.Cycle, Metric.Recognition, Metric.Approval, Metric.Finance, Metric.Payment];

    public static async Task<Ok<KpiReportDto>> GetAsync(
        string? from, string? to, string? by, InsightsDbContext db, InsightsCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var period = Period.Parse(from, to, calendar, clock);
        var breakdown = string.IsNullOrWhiteSpace(by) ? "month" : by.Trim();
        var dim = breakdown switch
        {
            "month" => Dimension.All,
            "department" => Dimension.Department,
            "category" => Dimension.Category,
            "legalEntity" => Dimension.LegalEntity,
            _ => throw new DomainException(InsightsErrors.InvalidBreakdown),
        };
        var store = new KpiStore(db);
        var total = Total(await store.LoadAsync(Dimension.All, period, false, Counter.ClaimLength, AllClaimMetrics, ct));
        var groups = await store.LoadAsync(dim, period, breakdown == "month", Counter.ClaimLength, GroupMetrics, ct);
        if (breakdown == "month")
        {
            // Every month of the period appears, empty ones included, so a trend has no gaps.
            foreach (var month in period.EachMonth().Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)))
            {
                if (!groups.ContainsKey(month))
                {
                    groups[month] = new GroupFigures(Counter.ClaimLength);
                }
            }
        }

        var baseline = await BaselineEndpoints.LatestAsync(db, ct);
        var (lastAt, events) = await store.LogStateAsync(ct);
        return TypedResults.Ok(new KpiReportDto(
            period.FromText, period.ToText, breakdown, Values(total), ActiveMinutes(total, baseline),
            groups.OrderBy(g => breakdown == "month" ? g.Key : g.Value.Label, StringComparer.Ordinal)
                .Select(g => new KpiGroupDto(g.Key, breakdown == "month" ? g.Key : (g.Value.Label.Length > 0 ? g.Value.Label : g.Key), Values(g.Value))).ToList(),
            lastAt, events));
    }

    public static GroupFigures Total(Dictionary<string, GroupFigures> groups)
    {
        var total = new GroupFigures(Counter.ClaimLength);
        foreach (var g in groups.Values)
        {
            total.Add(g.Counters);
            foreach (var (metric, h) in g.Histograms)
            {
                foreach (var (bucket, n) in h)
                {
                    total.Observe(metric, bucket, n);
                }
            }
        }

        return total;
    }

    public static KpiValuesDto Values(GroupFigures g) => new(
        g[Counter.Submitted], g[Counter.Paid], Duration(g, Metric.Cycle),
        [
            new StageDto("recognition", "Receipts → submit", "上传票据 → 提交", Duration(g, Metric.Recognition)),
            new StageDto("approval", "Approval (finance review excluded)", "审批（不含财务审核）", Duration(g, Metric.Approval)),
            new StageDto("finance", "Finance review", "财务审核", Duration(g, Metric.Finance)),
            new StageDto("payment", "Approved → paid", "审批通过 → 付款", Duration(g, Metric.Payment)),
        ],
        Ratio(g[Counter.FirstPass], g[Counter.Completed]), Ratio(g[Counter.Returned], g[Counter.Submitted]),
        Ratio(g[Counter.FieldsCorrected], g[Counter.FieldsProposed]), Ratio(g[Counter.Touchless], g[Counter.Paid]), g[Counter.SlaBreaches],
        g[Counter.AmountCents] / 100m);

    public static DurationDto Duration(GroupFigures g, Metric metric)
    {
        var count = g[Counter.MetricCount(metric)];
        return new DurationDto(count, g.Percentile(metric, 0.5), g.Percentile(metric, 0.9),
            count == 0 ? null : Math.Round(g[Counter.MetricSum(metric)] / 3600.0 / count, 4));
    }

    public static RatioDto Ratio(long numerator, long denominator) =>
        new(numerator, denominator, denominator == 0 ? null : Math.Round((double)numerator / denominator, 4));

    public static IReadOnlyList<ActiveMinutesDto> ActiveMinutes(GroupFigures total, IReadOnlyDictionary<string, BaselineFigure>? baseline)
    {
        static double? Minutes(double? hours) => hours is { } h ? Math.Round(h * 60, 2) : null;
        var estimate = baseline?.GetValueOrDefault(BaselineCatalog.FinanceMinutesAfter);
        return
        [
            new("employee", Minutes(total.Percentile(Metric.EmployeeActive, 0.5)), "measured", total[Counter.MetricCount(Metric.EmployeeActive)],
                "median per claim of first receipt upload → submit", "每单中位数：首次上传票据 → 提交"),
            new("approver", Minutes(total.Percentile(Metric.ApproverActive, 0.5)), "measured", total[Counter.MetricCount(Metric.ApproverActive)],
                "median per claim of the approvers' opened → decided times, summed over the claim's tasks", "每单中位数：审批人打开 → 决定的时间，按单合计"),
            new("finance", Minutes(total.Percentile(Metric.FinanceActive, 0.5)), "measured", total[Counter.MetricCount(Metric.FinanceActive)],
                "median per claim of finance review opened → decided", "每单中位数：财务审核打开 → 决定"),
            new("finance-other", estimate is null ? null : (double)estimate.Value, "estimated", 0,
                "batch release, bank file and exceptions per claim: the baseline's estimate (the system cannot time it)",
                "每单批次复核、银行文件与异常处理时间：取基线估算值（系统无法计时）"),
        ];
    }
}
