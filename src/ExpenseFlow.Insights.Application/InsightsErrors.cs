using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Insights.Application;

/// <summary>Every rule of the Insights module a caller can break, with its stable code.</summary>
public static class InsightsErrors
{
    public static readonly Error InvalidPeriod = new("Insights.InvalidPeriod", ErrorKind.Validation,
        "Give the period as months yyyy-MM with from ≤ to, at most 120 months.", "请以 yyyy-MM 月份给出期间，起始不晚于结束，最长 120 个月。");

    public static readonly Error InvalidBreakdown = new("Insights.InvalidBreakdown", ErrorKind.Validation,
        "Break down by month, department, category or legalEntity.", "细分维度只能是 month、department、category 或 legalEntity。");

    public static readonly Error BaselineNotFound = Error.NotFound("Insights.BaselineNotFound", "The baseline version", "基线版本");

    public static readonly Error NoBaseline = new("Insights.NoBaseline", ErrorKind.Unprocessable,
        "No baseline has been captured yet: an administrator saves one (defaults are pre-filled) before the ROI report can compare.",
        "尚未建立基线：请管理员先保存一个基线版本（已预填默认值），ROI 报告才能对比。");

    public static Error InvalidFigure(string key, string reasonEn, string reasonZh) => new("Insights.InvalidBaselineFigure", ErrorKind.Validation,
        $"Baseline figure '{key}': {reasonEn}", $"基线数值“{key}”：{reasonZh}");

    public static readonly Error InvalidBaseline = new("Insights.InvalidBaseline", ErrorKind.Validation,
        "Give the baseline a name (up to 200 characters) and a three-letter currency.", "请为基线填写名称（不超过 200 字）和三位货币代码。");

    public static Error InvalidHistory(string reasonEn, string reasonZh) => new("Insights.InvalidHistory", ErrorKind.Validation,
        $"The history file cannot be read: {reasonEn}", $"无法读取历史文件：{reasonZh}");

    public static Error InvalidSurvey(string key) => new("Insights.InvalidSurveyScore", ErrorKind.Validation,
        $"Survey score '{key}' is unknown or outside its scale.", $"调查评分“{key}”未知或超出量表范围。");

    public static readonly Error InvalidExportFormat = new("Insights.InvalidExportFormat", ErrorKind.Validation,
        "Export as xlsx or pdf.", "导出格式只能是 xlsx 或 pdf。");
}
