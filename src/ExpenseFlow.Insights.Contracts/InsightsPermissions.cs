using ExpenseFlow.BuildingBlocks.Security;

namespace ExpenseFlow.Insights.Contracts;

public static class InsightsPermissions
{
    /// <summary>Read the dashboard, breakpoints, baselines and the ROI report, and export it.</summary>
    public const string View = "Insights.View";

    /// <summary>Enter survey scores (soft metrics), which the report shows labelled as entered.</summary>
    public const string EnterSurvey = "Insights.EnterSurvey";

    /// <summary>Create baseline versions (entered or measured from imported history) and rebuild the KPI store.</summary>
    public const string ManageBaseline = "Insights.ManageBaseline";

    public static readonly IReadOnlyList<PermissionGrant> Grants =
    [
        new("Management", [View, EnterSurvey]),
        new("Admin", [View, EnterSurvey, ManageBaseline]),
    ];
}
