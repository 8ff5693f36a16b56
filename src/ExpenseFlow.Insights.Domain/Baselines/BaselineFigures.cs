namespace ExpenseFlow.Insights.Domain.Baselines;

/// <summary>
/// A figure of the "before" picture. Kind: <c>default</c> (a published figure, cited), <c>assumption</c> (no published
/// figure exists: the company should replace it), <c>entered</c> (the company's own), <c>measured</c> (from imported history).
/// </summary>
public sealed record BaselineFigure(string Key, decimal Value, string Unit, string Kind, string? Source);

/// <summary>What a baseline holds: every key, its unit, and the value pre-filled before the company enters its own.</summary>
public static class BaselineCatalog
{
    public const string ClaimsPerMonth = "claimsPerMonth";
    public const string EmployeeMinutes = "employeeMinutes";
    public const string ApproverMinutes = "approverMinutes";
    public const string FinanceMinutes = "financeMinutes";
    public const string FinanceMinutesAfter = "financeMinutesAfter";
    public const string ErrorRate = "errorRate";
    public const string FixMinutes = "fixMinutes";
    public const string CycleDays = "cycleDays";
    public const string HourlyCostEmployee = "hourlyCostEmployee";
    public const string HourlyCostApprover = "hourlyCostApprover";
    public const string HourlyCostFinance = "hourlyCostFinance";
    public const string AnnualRunningCost = "annualRunningCost";
    public const string OneOffCost = "oneOffCost";

    private const string Gbta = "GBTA Foundation / HRS, 2015";
    private const string Assumption = "ExpenseFlow assumption — no published figure; replace it with your own measurement";

    public static readonly IReadOnlyList<BaselineFigure> Defaults =
    [
        new(ClaimsPerMonth, 200m, "claims/month", "assumption", Assumption),
        new(EmployeeMinutes, 15m, "min/claim", "assumption", Assumption),
        new(ApproverMinutes, 5m, "min/claim", "assumption", Assumption),
        new(FinanceMinutes, 20m, "min/claim", "default", Gbta + ": 20 minutes to process one expense report"),
        new(FinanceMinutesAfter, 2m, "min/claim", "assumption", "ExpenseFlow assumption — finance time per claim the system cannot measure (batch release, exceptions); replace it with your own"),
        new(ErrorRate, 0.19m, "ratio", "default", Gbta + ": 19% of reports have errors or missing information"),
        new(FixMinutes, 18m, "min/error", "default", Gbta + ": 18 minutes (and $52) to fix one"),
        new(CycleDays, 7m, "days", "default", "APQC: approve-and-schedule cycle time ≤ 3 days at the 25th percentile, ≥ 1 week at the 75th"),
        new(HourlyCostEmployee, 120m, "currency/h", "assumption", Assumption + " (loaded hourly cost)"),
        new(HourlyCostApprover, 200m, "currency/h", "assumption", Assumption + " (loaded hourly cost)"),
        new(HourlyCostFinance, 100m, "currency/h", "assumption", Assumption + " (loaded hourly cost)"),
        new(AnnualRunningCost, 60000m, "currency/year", "assumption", Assumption),
        new(OneOffCost, 100000m, "currency", "assumption", Assumption + " (implementation, one-off)"),
    ];

    public static readonly IReadOnlyDictionary<string, (string En, string Zh)> Names = new Dictionary<string, (string, string)>
    {
        [ClaimsPerMonth] = ("Claims per month", "每月报销单数"),
        [EmployeeMinutes] = ("Employee minutes per claim", "员工每单耗时（分钟）"),
        [ApproverMinutes] = ("Approver minutes per claim", "审批人每单耗时（分钟）"),
        [FinanceMinutes] = ("Finance minutes per claim", "财务每单耗时（分钟）"),
        [FinanceMinutesAfter] = ("Finance minutes per claim not measured (after)", "上线后财务未计量耗时（分钟）"),
        [ErrorRate] = ("Error rate", "差错率"),
        [FixMinutes] = ("Minutes to fix one error", "纠正一次差错耗时（分钟）"),
        [CycleDays] = ("Cycle time (days)", "报销周期（天）"),
        [HourlyCostEmployee] = ("Loaded hourly cost, employee", "员工小时成本"),
        [HourlyCostApprover] = ("Loaded hourly cost, approver", "审批人小时成本"),
        [HourlyCostFinance] = ("Loaded hourly cost, finance", "财务小时成本"),
        [AnnualRunningCost] = ("Yearly running cost of ExpenseFlow", "系统年运行成本"),
        [OneOffCost] = ("One-off implementation cost", "一次性实施成本"),
    };

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "default", "assumption", "entered", "measured" };

    public static string UnitOf(string key) => Defaults.First(d => d.Key == key).Unit;

    public static bool IsKnown(string key) => Defaults.Any(d => d.Key == key);

    /// <summary>The valid range of a figure; a rate is a ratio 0–1, everything else is ≥ 0.</summary>
    public static bool InRange(string key, decimal value) => key == ErrorRate ? value is >= 0m and <= 1m : value >= 0m && value < 1_000_000_000_000m;
}
