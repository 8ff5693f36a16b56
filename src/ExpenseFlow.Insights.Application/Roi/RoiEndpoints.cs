using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Insights.Application.Baselines;
using ExpenseFlow.Insights.Application.Kpis;
using ExpenseFlow.Insights.Application.Projection;
using ExpenseFlow.Insights.Application.Reports;
using ExpenseFlow.Insights.Contracts;
using ExpenseFlow.Insights.Domain.Facts;
using ExpenseFlow.Insights.Domain.Roi;
using ExpenseFlow.Insights.Infrastructure;
using ExpenseFlow.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Insights.Application.Roi;

/// <summary>The before/after ROI report, its exports, and the survey scores management enters.</summary>
internal static class RoiEndpoints
{
    private static readonly Metric[] Needed = [Metric.Cycle, Metric.EmployeeActive, Metric.ApproverActive, Metric.FinanceActive];

    public static async Task<Ok<RoiReportDto>> GetAsync(
        string? from, string? to, int? baselineVersion, InsightsDbContext db, IOrganizationDirectory directory, InsightsCalendar calendar, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await BuildAsync(from, to, baselineVersion, db, directory, calendar, clock, ct));

    public static async Task<FileContentHttpResult> ExportAsync(
        string? format, string? from, string? to, int? baselineVersion, string? lang, InsightsDbContext db, IOrganizationDirectory directory, InsightsCalendar calendar,
        TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var kind = (format ?? "xlsx").Trim().ToLowerInvariant();
        if (kind is not ("xlsx" or "pdf"))
        {
            throw new DomainException(InsightsErrors.InvalidExportFormat);
        }

        var report = await BuildAsync(from, to, baselineVersion, db, directory, calendar, clock, ct);
        var language = string.IsNullOrWhiteSpace(lang) ? request.Headers.AcceptLanguage.ToString() : lang;
        var chinese = !language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var name = $"roi-{report.From}-{report.To}-baseline-v{report.BaselineVersion}.{kind}";
        return kind == "xlsx"
            ? TypedResults.File(RoiExport.ToXlsx(report, chinese), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name)
            : TypedResults.File(RoiExport.ToPdf(report, chinese), "application/pdf", name);
    }

    public static async Task<RoiReportDto> BuildAsync(
        string? from, string? to, int? baselineVersion, InsightsDbContext db, IOrganizationDirectory directory, InsightsCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var period = Period.Parse(from, to, calendar, clock);
        var row = baselineVersion is { } v
            ? await db.Baselines.AsNoTracking().FirstOrDefaultAsync(b => b.Version == v, ct) ?? throw new DomainException(InsightsErrors.BaselineNotFound)
            : await BaselineEndpoints.LatestRowAsync(db, ct) ?? throw new DomainException(InsightsErrors.NoBaseline);
        var baseline = BaselineEndpoints.Figures(row).ToDictionary(f => f.Key, StringComparer.Ordinal);

        var store = new KpiStore(db);
        var months = await store.LoadAsync(Dimension.All, period, true, Counter.ClaimLength, Needed, ct);
        var total = KpiEndpoints.Total(months);
        static Measured Minutes(GroupFigures g, Metric m) =>
            new(g.Percentile(m, 0.5) is { } h ? (decimal)Math.Round(h * 60, 2) : null, g[Counter.MetricCount(m)]);
        var measured = new MeasuredInputs(
            total[Counter.Submitted], period.Months, Minutes(total, Metric.EmployeeActive), Minutes(total, Metric.ApproverActive),
            Minutes(total, Metric.FinanceActive), total[Counter.Returned],
            new Measured(total.Percentile(Metric.Cycle, 0.5) is { } c ? (decimal)c : null, total[Counter.MetricCount(Metric.Cycle)]),
            total[Counter.Touchless], total[Counter.Paid]);
        var (comparison, hard, warnings) = RoiCalculator.Compute(baseline, measured);
        var trend = period.EachMonth().Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Select(m =>
        {
            var g = months.GetValueOrDefault(m);
            return g is null
                ? new RoiMonthDto(m, 0, null, null, null)
                : new RoiMonthDto(m, g[Counter.Submitted], g.Percentile(Metric.Cycle, 0.5),
                    g[Counter.Submitted] == 0 ? null : Math.Round((double)g[Counter.Returned] / g[Counter.Submitted], 4),
                    g[Counter.Paid] == 0 ? null : Math.Round((double)g[Counter.Touchless] / g[Counter.Paid], 4));
        }).ToList();

        return new RoiReportDto(period.FromText, period.ToText, period.Months, row.Currency, row.Version, row.Id, row.Name,
            comparison.Select(ToDto).ToList(), hard.Select(ToDto).ToList(), await SurveyAsync(db, directory, ct), trend, clock.GetUtcNow(), warnings);
    }

    public static async Task<Ok<IReadOnlyList<SurveyScoreDto>>> GetSurveyAsync(InsightsDbContext db, IOrganizationDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await SurveyAsync(db, directory, ct));

    public static async Task<Ok<IReadOnlyList<SurveyScoreDto>>> PutSurveyAsync(
        IReadOnlyList<SurveyScoreInput> scores, InsightsDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        foreach (var score in scores ?? [])
        {
            var item = SurveyCatalog.Items.FirstOrDefault(i => i.Key == score.Key) ?? throw new DomainException(InsightsErrors.InvalidSurvey(score.Key ?? string.Empty));
            if (score.Before is { } b && (b < item.Min || b > item.Max) || score.After is { } a && (a < item.Min || a > item.Max))
            {
                throw new DomainException(InsightsErrors.InvalidSurvey(item.Key));
            }

            var row = await db.Survey.FirstOrDefaultAsync(s => s.Key == item.Key, ct);
            if (row is null)
            {
                row = new SurveyRow { Key = item.Key };
                db.Survey.Add(row);
            }

            row.Before = score.Before;
            row.After = score.After;
            row.EnteredBy = me;
            row.EnteredAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await SurveyAsync(db, directory, ct));
    }

    private static async Task<IReadOnlyList<SurveyScoreDto>> SurveyAsync(InsightsDbContext db, IOrganizationDirectory directory, CancellationToken ct)
    {
        var rows = await db.Survey.AsNoTracking().ToListAsync(ct);
        var names = await directory.GetNamesAsync(rows.Where(r => r.EnteredBy is not null).Select(r => r.EnteredBy!.Value).Distinct().ToList(), ct);
        return SurveyCatalog.Items.Select(i =>
        {
            var r = rows.FirstOrDefault(x => x.Key == i.Key);
            return new SurveyScoreDto(i.Key, i.NameEn, i.NameZh, r?.Before, r?.After, i.Scale, r?.EnteredBy,
                r?.EnteredBy is { } by ? names.GetValueOrDefault(by) : null, r?.EnteredAt);
        }).ToList();
    }

    private static RoiFigureDto ToDto(RoiFigure f) => new(
        f.Key, f.NameEn, f.NameZh, f.Before, f.After, f.Value, f.Unit, f.FormulaEn, f.FormulaZh,
        f.Inputs.Select(i => new RoiInputDto(i.Key, i.NameEn, i.NameZh, i.Value, i.Unit, i.Origin, i.Source)).ToList());
}
