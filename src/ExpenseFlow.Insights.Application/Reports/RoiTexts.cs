using System.Globalization;
using ExpenseFlow.Insights.Contracts;

namespace ExpenseFlow.Insights.Application.Reports;

/// <summary>The report's words in one language, and how its numbers are written.</summary>
internal sealed class RoiTexts(bool chinese, RoiReportDto report)
{
    public const string Missing = "—";
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public bool Chinese { get; } = chinese;

    string T(string zh, string en) => Chinese ? zh : en;

    public string Colon => T("：", ": ");
    public string Comma => T("，", ", ");
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
    public string ComparisonChartTitle => T("实施前后对比（实施前 = 100，标注为实际值）", "Before vs after (before = 100; labels show the values)");
    public string BeforeIndex => T("实施前（指数）", "Before (index)");
    public string AfterIndex => T("实施后（指数）", "After (index)");
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
        "computed" => T("计算", "computed"),
        _ => origin,
    };

    /// <summary>A ratio (0.125) is shown as a percentage; the unit column then says "%".</summary>
    public static bool IsRatio(string unit) => string.Equals(unit, "ratio", StringComparison.OrdinalIgnoreCase);

    /// <summary>A unit code as people read it, in the portal's words: <c>currency/h</c> → "CNY / hour"; unknown codes as sent.</summary>
    public string UnitText(string unit) =>
        (Chinese ? UnitsZh : UnitsEn).TryGetValue(unit, out var text) ? text.Replace("{currency}", report.Currency, StringComparison.Ordinal) : unit;

    static readonly Dictionary<string, string> UnitsEn = new(StringComparer.Ordinal)
    {
        ["ratio"] = "%", ["%"] = "%", ["minutes"] = "minutes", ["days"] = "days", ["months"] = "months", ["h"] = "hours",
        ["claims"] = "claims", ["claims/month"] = "claims / month", ["min/claim"] = "min / claim", ["min/error"] = "min / error",
        ["currency"] = "{currency}", ["currency/h"] = "{currency} / hour", ["currency/year"] = "{currency} / year",
    };

    static readonly Dictionary<string, string> UnitsZh = new(StringComparer.Ordinal)
    {
        ["ratio"] = "%", ["%"] = "%", ["minutes"] = "分钟", ["days"] = "天", ["months"] = "个月", ["h"] = "小时",
        ["claims"] = "单", ["claims/month"] = "单/月", ["min/claim"] = "分钟/单", ["min/error"] = "分钟/次差错",
        ["currency"] = "{currency}", ["currency/h"] = "{currency}/小时", ["currency/year"] = "{currency}/年",
    };

    /// <summary>
    /// A warning of the report in words. The calculator sends codes (<c>not-measured:&lt;input key&gt;</c> names the
    /// input, shown by its name when the report has it); any other text is shown as sent.
    /// </summary>
    public string WarningText(string warning)
    {
        var (code, key) = warning.Split(':', 2) is [var c, var k] ? (c, k) : (warning, "");
        var input = report.Comparison.Concat(report.Hard).SelectMany(f => f.Inputs).FirstOrDefault(i => i.Key == key);
        var subject = input is null ? key : Name(input);
        return code switch
        {
            "roi-needs-running-cost" => T("基线中没有年运行成本，无法计算 ROI。", "No annual running cost in the baseline: ROI cannot be computed."),
            "no-payback" => T("净节省不为正，没有回收期。", "The net saving is not positive: there is no payback period."),
            "no-claims-in-period" => T("本期间没有提交任何报销单。", "No claims were submitted in this period."),
            "not-measured" => T($"本期间无法实测{subject}，改用基线估算值。", $"{subject} could not be measured in this period; the baseline estimate is used."),
            _ => warning,
        };
    }

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,##0.00", Invariant) : Missing;

    public static string Number(double? value) => value is { } v ? v.ToString("#,##0.00", Invariant) : Missing;

    public static string Percent(double? ratio) => ratio is { } v ? (v * 100).ToString("#,##0.0#", Invariant) + "%" : Missing;

    /// <summary>A value in its unit: ratios as percentages, everything else with two decimals.</summary>
    public static string Format(decimal? value, string unit) =>
        value is { } v && IsRatio(unit) ? (v * 100).ToString("#,##0.0#", Invariant) + "%" : Number(value);

    /// <summary>One input as a line: name = value unit (origin; source).</summary>
    public string InputLine(RoiInputDto input)
    {
        var unit = IsRatio(input.Unit) ? "" : " " + UnitText(input.Unit);
        var source = string.IsNullOrWhiteSpace(input.Source) ? "" : "; " + input.Source;
        return $"{Name(input)} = {Format(input.Value, input.Unit)}{unit.TrimEnd()} ({OriginText(input.Origin)}{source})";
    }

    /// <summary>
    /// Comparison figures whose before and after are both known and whose before is not zero: the ones the before/after
    /// chart draws. Their units differ (minutes, days, ratios, claims), so the chart draws each after as an index of its
    /// before (= 100) and labels the bars with the values themselves.
    /// </summary>
    public static IReadOnlyList<RoiFigureDto> Chartable(RoiReportDto r) =>
        r.Comparison.Where(f => f.Before is { } b && b != 0 && f.After is not null).ToList();

    /// <summary>The after value as an index of the before value (before = 100), to one decimal.</summary>
    public static decimal AfterAsIndex(RoiFigureDto f) => Math.Round(f.After!.Value / f.Before!.Value * 100, 1, MidpointRounding.AwayFromZero);
}
