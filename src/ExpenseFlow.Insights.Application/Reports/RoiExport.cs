using System.Globalization;
using ExpenseFlow.Insights.Contracts;

namespace ExpenseFlow.Insights.Application.Reports;

/// <summary>
/// Renders the ROI report, exactly as the API returns it, to an Excel workbook (with native charts) or a PDF, in zh-CN or
/// en. Every figure is followed by its formula and inputs, soft metrics are kept apart and labelled as entered by
/// management, decimals show two places, ratios (<c>Unit</c> = <c>ratio</c>) show as percentages and missing values as "—".
/// </summary>
/// <remarks>
/// Both outputs take their dates from <see cref="RoiReportDto.GeneratedAt"/>, so the same report exports to the same
/// bytes. The PDF needs the TrueType CJK font of the Debian package <c>fonts-wqy-microhei</c>.
/// </remarks>
public static class RoiExport
{
    /// <summary>The workbook: the report sheet, the formulas-and-inputs sheet and a chart sheet with two native charts.</summary>
    public static byte[] ToXlsx(RoiReportDto report, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(report);
        return RoiXlsxWriter.Write(report, new RoiTexts(chinese));
    }

    /// <summary>The PDF: header, before/after and hard tables with formulas and inputs, soft metrics, and two drawn charts.</summary>
    public static byte[] ToPdf(RoiReportDto report, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(report);
        return RoiPdfWriter.Write(report, new RoiTexts(chinese));
    }
}

/// <summary>The report's words in one language, and how its numbers are written.</summary>
internal sealed class RoiTexts(bool chinese)
{
    public const string Missing = "—";
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public bool Chinese { get; } = chinese;

    string T(string zh, string en) => Chinese ? zh : en;

    public string Colon => T("：", ": ");
    public string Title => T("报销流程投资回报报告", "Expense reimbursement ROI report");
    public string Period => T("期间", "Period");
    public string BaselineLabel => T("基线", "Baseline");
    public string CurrencyLabel => T("币种", "Currency");
    public string GeneratedAtLabel => T("生成时间", "Generated at");
    public string WarningLabel => T("警告", "Warning");
    public string ComparisonHeading => T("实施前后对比", "Before and after");
    public string HardHeading => T("硬性指标（由事件与基线计算）", "Hard metrics (computed from events and the baseline)");
    public string SoftHeading => T("软性指标（管理层录入）", "Soft metrics (entered by management)");
    public string SoftNote => T("以下分数为管理层录入，未参与上方任何计算。", "These scores are entered by management and take no part in any figure above.");
    public string EnteredByManagement => T("管理层录入", "entered by management");
    public string ChartsHeading => T("图表", "Charts");
    public string TrendChartTitle => T("月度趋势：报销单数与中位周期", "Monthly trend: claims and median cycle time");
    public string ComparisonChartTitle => T("实施前后对比", "Before vs after");
    public string Figure => T("指标", "Figure");
    public string Before => T("实施前", "Before");
    public string After => T("实施后", "After");
    public string Value => T("数值", "Value");
    public string Unit => T("单位", "Unit");
    public string Formula => T("公式", "Formula");
    public string Inputs => T("输入", "Inputs");
    public string Input => T("输入项", "Input");
    public string Key => T("指标键", "Figure key");
    public string InputKey => T("输入键", "Input key");
    public string Origin => T("来源类型", "Origin");
    public string Source => T("出处", "Source");
    public string Scale => T("量表", "Scale");
    public string EnteredBy => T("录入人", "Entered by");
    public string EnteredAt => T("录入时间", "Entered at");
    public string Month => T("月份", "Month");
    public string Claims => T("报销单数", "Claims");
    public string MedianCycleDays => T("中位周期（天）", "Median cycle time (days)");
    public string ErrorRate => T("差错率", "Error rate");
    public string TouchlessRate => T("无接触率", "Touchless rate");
    public string None => T("（无）", "(none)");
    public string ReportSheet => T("投资回报", "ROI");
    public string FormulasSheet => T("公式与输入", "Formulas");
    public string ChartsSheet => T("图表", "Charts");

    public string Baseline(RoiReportDto r) => $"{BaselineLabel} v{r.BaselineVersion} {r.BaselineName}";
    public string PeriodText(RoiReportDto r) => T($"{r.From} – {r.To}（{r.Months} 个月）", $"{r.From} – {r.To} ({r.Months} months)");
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);
    public string Name(RoiFigureDto f) => Chinese ? f.NameZh : f.NameEn;
    public string Name(RoiInputDto i) => Chinese ? i.NameZh : i.NameEn;
    public string Name(SurveyScoreDto s) => Chinese ? s.NameZh : s.NameEn;
    public string FormulaOf(RoiFigureDto f) => Chinese ? f.FormulaZh : f.FormulaEn;

    public string OriginText(string origin) => origin switch
    {
        "measured" => T("实测", "measured"),
        "estimated" => T("估算", "estimated"),
        "baseline" => T("基线", "baseline"),
        "entered" => T("录入", "entered"),
        _ => origin,
    };

    /// <summary>A ratio (0.125) is shown as a percentage; the unit column then says "%".</summary>
    public static bool IsRatio(string unit) => string.Equals(unit, "ratio", StringComparison.OrdinalIgnoreCase);

    public static string UnitText(string unit) => IsRatio(unit) ? "%" : unit;

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,##0.00", Invariant) : Missing;

    public static string Number(double? value) => value is { } v ? v.ToString("#,##0.00", Invariant) : Missing;

    public static string Percent(double? ratio) => ratio is { } v ? (v * 100).ToString("#,##0.0#", Invariant) + "%" : Missing;

    /// <summary>A value in its unit: ratios as percentages, everything else with two decimals.</summary>
    public static string Format(decimal? value, string unit) =>
        value is { } v && IsRatio(unit) ? (v * 100).ToString("#,##0.0#", Invariant) + "%" : Number(value);

    /// <summary>One input as a line: name = value unit (origin; source).</summary>
    public string InputLine(RoiInputDto input)
    {
        var unit = IsRatio(input.Unit) ? "" : " " + input.Unit;
        var source = string.IsNullOrWhiteSpace(input.Source) ? "" : "; " + input.Source;
        return $"{Name(input)} = {Format(input.Value, input.Unit)}{unit.TrimEnd()} ({OriginText(input.Origin)}{source})";
    }

    /// <summary>Comparison figures whose before and after are both known: the ones a before/after chart can draw.</summary>
    public static IReadOnlyList<RoiFigureDto> Chartable(RoiReportDto r) =>
        r.Comparison.Where(f => f.Before is not null && f.After is not null).ToList();
}
