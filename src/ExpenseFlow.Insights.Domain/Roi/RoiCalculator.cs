using ExpenseFlow.Insights.Domain.Baselines;
using static ExpenseFlow.Insights.Domain.Baselines.BaselineCatalog;

namespace ExpenseFlow.Insights.Domain.Roi;

/// <summary>An input of a formula and where it comes from: measured | estimated | baseline | entered.</summary>
public sealed record RoiInput(string Key, string NameEn, string NameZh, decimal? Value, string Unit, string Origin, string? Source);

/// <summary>A figure with its formula and inputs; <c>Before</c>/<c>After</c> for comparisons, <c>Value</c> for results.</summary>
public sealed record RoiFigure(
    string Key, string NameEn, string NameZh, decimal? Before, decimal? After, decimal? Value, string Unit, string FormulaEn, string FormulaZh, IReadOnlyList<RoiInput> Inputs);

/// <summary>A measured figure with the number of observations behind it (0 = nothing measured).</summary>
public readonly record struct Measured(decimal? Value, long Samples);

/// <summary>What the event log measured over the report's period.</summary>
public sealed record MeasuredInputs(
    long Claims, int Months, Measured EmployeeMinutes, Measured ApproverMinutes, Measured FinanceMinutes, long ErrorClaims, Measured CycleHours,
    long TouchlessClaims, long PaidClaims);

/// <summary>
/// The before/after ROI (DOMAIN §5): hours saved = (baseline minutes − measured minutes) × claims ÷ 60, per role;
/// savings = hours × loaded hourly cost + avoided error cost; ROI = (annualised savings − annual running cost) ÷ annual
/// running cost; payback = one-off cost ÷ monthly net savings. Every figure carries its formula and inputs.
/// </summary>
public static class RoiCalculator
{
    public static (IReadOnlyList<RoiFigure> Comparison, IReadOnlyList<RoiFigure> Hard, IReadOnlyList<string> Warnings) Compute(
        IReadOnlyDictionary<string, BaselineFigure> baseline, MeasuredInputs m)
    {
        var warnings = new List<string>();
        RoiInput B(string key) => baseline.TryGetValue(key, out var f)
            ? new RoiInput(key, Names[key].En, Names[key].Zh, f.Value, f.Unit, f.Kind == "measured" ? "baseline (measured)" : "baseline", f.Kind + (f.Source is null ? string.Empty : ": " + f.Source))
            : new RoiInput(key, Names[key].En, Names[key].Zh, null, UnitOf(key), "baseline", "missing");
        decimal V(RoiInput i) => i.Value ?? 0m;

        var claims = new RoiInput("claims", "Claims submitted in the period", "期间提交的报销单", m.Claims, "claims", "measured", "event log: ClaimSubmitted (first submission)");
        var months = new RoiInput("months", "Months in the period", "期间月数", m.Months, "months", "measured", "report period");

        // Minutes per claim, per role: measured where the system can, else the estimate the baseline carries.
        var e0 = B(EmployeeMinutes);
        var a0 = B(ApproverMinutes);
        var f0 = B(FinanceMinutes);
        var fEst = B(FinanceMinutesAfter) with { Origin = "estimated" };
        var e1 = Minutes("employeeMinutesMeasured", "Employee minutes per claim (median, first upload → submit)", "员工每单耗时（中位数，首次上传 → 提交）", m.EmployeeMinutes, e0, warnings);
        var a1 = Minutes("approverMinutesMeasured", "Approver minutes per claim (median, opened → decided, summed per claim)", "审批人每单耗时（中位数，打开 → 决定，按单合计）", m.ApproverMinutes, a0, warnings);
        var f1 = Minutes("financeMinutesMeasured", "Finance review minutes per claim (median, opened → decided)", "财务审核每单耗时（中位数，打开 → 决定）", m.FinanceMinutes, null, warnings);
        var before = V(e0) + V(a0) + V(f0);
        var after = V(e1) + V(a1) + V(f1) + V(fEst);
        var minutes = new RoiFigure("minutesPerClaim", "Minutes of work per claim", "每单人工耗时（分钟）", R(before), R(after), R(before - after), "min/claim",
            "before = employee + approver + finance (baseline); after = measured employee + measured approver + measured finance review + estimated finance remainder",
            "上线前 = 员工 + 审批人 + 财务（基线）；上线后 = 实测员工 + 实测审批人 + 实测财务审核 + 估算财务其余耗时",
            [e0, a0, f0, e1, a1, f1, fEst]);

        var cycle0 = B(CycleDays);
        var cycle1 = new RoiInput("cycleDaysMeasured", "Cycle time, median (paid − submitted)", "报销周期中位数（付款 − 提交）",
            m.CycleHours.Value is { } h ? R(h / 24m) : null, "days", "measured", $"event log: {m.CycleHours.Samples} paid claims");
        var cycle = new RoiFigure("cycleTimeDays", "Cycle time (days)", "报销周期（天）", cycle0.Value, cycle1.Value,
            cycle1.Value is { } c1 ? R(V(cycle0) - c1) : null, "days", "median of (paid − first submitted) over claims paid; before = baseline", "已付款报销单（付款 − 首次提交）的中位数；上线前 = 基线", [cycle0, cycle1]);

        var r0 = B(ErrorRate);
        var r1 = new RoiInput("errorRateMeasured", "Error rate (claims returned ÷ claims submitted)", "差错率（被退回单数 ÷ 提交单数）",
            m.Claims > 0 ? Math.Round((decimal)m.ErrorClaims / m.Claims, 4) : null, "ratio", "measured", $"event log: {m.ErrorClaims} of {m.Claims} claims returned at least once");
        var errors = new RoiFigure("errorRate", "Error rate", "差错率", r0.Value, r1.Value, r1.Value is { } e ? V(r0) - e : null, "ratio",
            "claims returned at least once ÷ claims submitted", "至少被退回一次的报销单 ÷ 提交的报销单", [r0, r1]);

        var touchless = new RoiFigure("touchlessRate", "Touchless rate", "无接触率", null,
            m.PaidClaims > 0 ? Math.Round((decimal)m.TouchlessClaims / m.PaidClaims, 4) : null, null, "ratio",
            "claims paid with no field corrected, no line typed by hand, never returned, settled by an automatically matched statement entry ÷ claims paid",
            "无字段修改、无手工录入行、未被退回且由对账单自动匹配付款的报销单 ÷ 已付款报销单",
            [new("touchless", "Touchless claims", "无接触报销单", m.TouchlessClaims, "claims", "measured", "event log"), new("paid", "Claims paid", "已付款报销单", m.PaidClaims, "claims", "measured", "event log: ClaimPaid")]);

        var perMonth0 = B(ClaimsPerMonth);
        var volume = new RoiFigure("claimsPerMonth", "Claims per month", "每月报销单数", perMonth0.Value, m.Months > 0 ? R((decimal)m.Claims / m.Months) : null, null,
            "claims/month", "after = claims submitted in the period ÷ months", "上线后 = 期间提交单数 ÷ 月数", [perMonth0, claims, months]);

        // Hard figures.
        var ce = B(HourlyCostEmployee);
        var ca = B(HourlyCostApprover);
        var cf = B(HourlyCostFinance);
        var hoursE = (V(e0) - V(e1)) * m.Claims / 60m;
        var hoursA = (V(a0) - V(a1)) * m.Claims / 60m;
        var hoursF = (V(f0) - V(f1) - V(fEst)) * m.Claims / 60m;
        var hours = new RoiFigure("hoursSaved", "Hours saved", "节省工时", null, null, R(hoursE + hoursA + hoursF), "h",
            "Σ per role (baseline minutes − measured minutes) × claims ÷ 60", "按角色求和（基线分钟 − 实测分钟）× 单数 ÷ 60", [e0, e1, a0, a1, f0, f1, fEst, claims]);
        var labor = hoursE * V(ce) + hoursA * V(ca) + hoursF * V(cf);
        var laborFigure = new RoiFigure("laborSaved", "Labour cost saved", "节省人工成本", null, null, R(labor), "currency",
            "Σ per role hours saved × loaded hourly cost", "按角色求和 节省工时 × 小时成本", [e0, e1, a0, a1, f0, f1, fEst, claims, ce, ca, cf]);
        var fix = B(FixMinutes);
        var errorCost = (V(r0) - (r1.Value ?? V(r0))) * m.Claims * V(fix) / 60m * V(cf);
        var errorFigure = new RoiFigure("errorCostAvoided", "Error cost avoided", "避免的差错成本", null, null, R(errorCost), "currency",
            "(baseline error rate − measured error rate) × claims × minutes to fix one ÷ 60 × finance hourly cost",
            "（基线差错率 − 实测差错率）× 单数 × 纠错分钟 ÷ 60 × 财务小时成本", [r0, r1, claims, fix, cf]);
        var annual = m.Months > 0 ? (labor + errorCost) * 12m / m.Months : 0m;
        var annualFigure = new RoiFigure("annualSavings", "Annualised savings", "年化节省", null, null, R(annual), "currency/year",
            "(labour cost saved + error cost avoided) × 12 ÷ months", "（节省人工成本 + 避免的差错成本）× 12 ÷ 月数",
            [new("laborSaved", "Labour cost saved", "节省人工成本", R(labor), "currency", "computed", null), new("errorCostAvoided", "Error cost avoided", "避免的差错成本", R(errorCost), "currency", "computed", null), months]);
        var running = B(AnnualRunningCost);
        var runningFigure = new RoiFigure("annualRunningCost", "Annual running cost", "年运行成本", null, null, running.Value, "currency/year", "from the baseline", "取自基线", [running]);
        decimal? roi = V(running) > 0 ? R((annual - V(running)) / V(running) * 100m) : null;
        if (roi is null)
        {
            warnings.Add("roi-needs-running-cost");
        }

        var roiFigure = new RoiFigure("roiPercent", "ROI", "投资回报率", null, null, roi, "%",
            "(annualised savings − annual running cost) ÷ annual running cost × 100", "（年化节省 − 年运行成本）÷ 年运行成本 × 100",
            [new("annualSavings", "Annualised savings", "年化节省", R(annual), "currency/year", "computed", null), running]);
        var oneOff = B(OneOffCost);
        var monthlyNet = (annual - V(running)) / 12m;
        decimal? payback = monthlyNet > 0 ? R(V(oneOff) / monthlyNet) : null;
        if (payback is null)
        {
            warnings.Add("no-payback");
        }

        var paybackFigure = new RoiFigure("paybackMonths", "Payback", "回收期", null, null, payback, "months",
            "one-off cost ÷ ((annualised savings − annual running cost) ÷ 12); none when the net saving is not positive",
            "一次性成本 ÷ ((年化节省 − 年运行成本) ÷ 12)；净节省不为正时无回收期",
            [oneOff, new("annualSavings", "Annualised savings", "年化节省", R(annual), "currency/year", "computed", null), running]);
        if (m.Claims == 0)
        {
            warnings.Add("no-claims-in-period");
        }

        return ([minutes, cycle, errors, touchless, volume], [hours, laborFigure, errorFigure, annualFigure, runningFigure, roiFigure, paybackFigure], warnings);
    }

    private static RoiInput Minutes(string key, string en, string zh, Measured measured, RoiInput? fallback, List<string> warnings)
    {
        if (measured is { Value: { } v, Samples: > 0 })
        {
            return new RoiInput(key, en, zh, R(v), "min/claim", "measured", $"event log: {measured.Samples} claims");
        }

        if (fallback is null)
        {
            return new RoiInput(key, en, zh, 0m, "min/claim", "measured", "event log: nothing measured");
        }

        warnings.Add($"not-measured:{key}");
        return fallback with { Key = key, NameEn = en + " — not measured, baseline used", NameZh = zh + "（未实测，沿用基线）", Origin = "estimated" };
    }

    private static decimal R(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
