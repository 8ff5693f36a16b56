using System.Text;
using ExpenseFlow.Insights.Domain.Baselines;
using ExpenseFlow.Insights.Domain.Breakpoints;
using ExpenseFlow.Insights.Domain.Facts;
using ExpenseFlow.Insights.Domain.History;
using ExpenseFlow.Insights.Domain.Roi;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Insights.Tests.Domain;

/// <summary>Every formula on a dataset small enough to work out by hand (the expected numbers are derived in the comments).</summary>
public class FactsAndFormulasTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(59, 0)]
    [InlineData(60, 1)]
    [InlineData(119 * 60 + 59, 119)]
    [InlineData(2 * 3600, 120)]
    [InlineData(3 * 3600 + 1800, 121)]
    [InlineData(48 * 3600, 166)]
    public void Buckets_AreMinutesBelowTwoHours_AndHoursAbove(long seconds, int bucket)
    {
        Buckets.Of(seconds).ShouldBe(bucket);
        Buckets.LowerBoundHours(Buckets.Of(seconds)).ShouldBe(bucket < 120 ? bucket / 60.0 : bucket - 118);
    }

    [Fact]
    public void Percentile_IsNearestRank_OverTheBuckets()
    {
        // Waits of 1, 2, 3, 10 and 30 hours: median = 3rd of 5 = 3 h; P90 = ceil(4.5) = 5th = 30 h.
        var h = new[] { 1, 2, 3, 10, 30 }.Select(x => Buckets.Of(x * 3600L)).GroupBy(b => b).ToDictionary(g => g.Key, g => (long)g.Count());
        Buckets.Percentile(h, 0.5).ShouldBe(3);
        Buckets.Percentile(h, 0.9).ShouldBe(30);
        Buckets.Percentile(new Dictionary<int, long>(), 0.5).ShouldBeNull();
    }

    private static ClaimFact Claim(int returns, bool paid, bool automatically, int proposed = 10, int corrected = 0, int manual = 0)
    {
        var c = new ClaimFact { ClaimId = Guid.NewGuid() };
        c.Submitted("EXP-1", Guid.NewGuid(), Guid.Parse("00000000-0000-0000-0000-0000000000d1"), "销售部", Guid.Parse("00000000-0000-0000-0000-0000000000e1"), "总公司",
            "travel", 1000m, "CNY", T0, T0.AddMinutes(-12), proposed, corrected, manual);
        for (var i = 0; i < returns; i++)
        {
            c.Returned();
        }

        c.Approved(T0.AddHours(30));
        if (paid)
        {
            c.Paid(T0.AddHours(54), automatically);
        }

        return c;
    }

    [Fact]
    public void AClaim_ContributesOneCellPerDimension_InTheMonthOfItsFirstSubmission()
    {
        var c = Claim(returns: 0, paid: true, automatically: true);
        var task = new TaskFact
        {
            TaskId = Guid.NewGuid(), ClaimId = c.ClaimId, FlowName = "标准", StepKey = "finance", StepName = "财务审核", StepKind = "FinanceReview",
            AssigneeId = Guid.NewGuid(), DecidedById = Guid.NewGuid(), Outcome = "Approved", CreatedAt = T0.AddHours(20), OpenedAt = T0.AddHours(25), CompletedAt = T0.AddHours(26),
        };
        c.TaskCompleted(task);

        var contribution = c.Contribute(Shanghai);

        contribution.Cells.Keys.Select(k => k.Dim).Order().ShouldBe([Dimension.All, Dimension.Category, Dimension.Department, Dimension.LegalEntity]);
        var all = contribution.Cells[new CellKey(new DateOnly(2026, 3, 1), Dimension.All, string.Empty)];
        (all[Counter.Submitted], all[Counter.Paid], all[Counter.FirstPass], all[Counter.Touchless], all[Counter.AmountCents]).ShouldBe((1L, 1L, 1L, 1L, 100_000L));
        // Cycle 54 h; finance review waited 6 h (20 → 26); approval = 30 − 6 = 24 h; payment = 54 − 30 = 24 h; recognition 12 min.
        all[Counter.MetricSum(Metric.Cycle)].ShouldBe(54 * 3600);
        all[Counter.MetricSum(Metric.Finance)].ShouldBe(6 * 3600);
        all[Counter.MetricSum(Metric.Approval)].ShouldBe(24 * 3600);
        all[Counter.MetricSum(Metric.Payment)].ShouldBe(24 * 3600);
        all[Counter.MetricSum(Metric.Recognition)].ShouldBe(12 * 60);
        all[Counter.MetricSum(Metric.FinanceActive)].ShouldBe(3600, "opened 25 h → decided 26 h");
    }

    [Fact]
    public void Touchless_NeedsRecognisedUntouchedFields_NoReturn_AndAnAutomaticStatementMatch()
    {
        Claim(0, true, true).IsTouchless.ShouldBeTrue();
        Claim(1, true, true).IsTouchless.ShouldBeFalse("returned once");
        Claim(0, true, false).IsTouchless.ShouldBeFalse("resolved by hand in reconciliation");
        Claim(0, true, true, corrected: 1).IsTouchless.ShouldBeFalse("a recognised field was changed");
        Claim(0, true, true, manual: 1).IsTouchless.ShouldBeFalse("a line was typed by hand");
        Claim(0, false, true).IsTouchless.ShouldBeFalse("not paid yet");
    }

    [Fact]
    public void AReturnedPayment_UnpaysTheClaim_UntilItIsPaidAgain_WhateverTheOrderEventsArriveIn()
    {
        var c = Claim(0, true, true);
        c.PaymentReopened(T0.AddHours(60));
        c.PaidAt.ShouldBeNull();
        c.Paid(T0.AddHours(80), automatically: true);
        c.PaidAt.ShouldBe(T0.AddHours(80));

        // The same events in another order fold to the same fact.
        var d = Claim(0, false, true);
        d.Paid(T0.AddHours(80), true);
        d.PaymentReopened(T0.AddHours(60));
        d.Paid(T0.AddHours(54), true);
        d.PaidAt.ShouldBe(T0.AddHours(80));
    }

    [Fact]
    public void Difference_OfContributions_IsWhatAnEventChanges()
    {
        var c = Claim(0, false, true);
        var before = c.Contribute(Shanghai);
        c.Paid(T0.AddHours(54), true);
        var delta = Contribution.Difference(before, c.Contribute(Shanghai));

        var all = delta.Cells[new CellKey(new DateOnly(2026, 3, 1), Dimension.All, string.Empty)];
        (all[Counter.Submitted], all[Counter.Paid], all[Counter.MetricCount(Metric.Cycle)]).ShouldBe((0L, 1L, 1L));
        delta.Histograms.Keys.Where(k => k.Dim == Dimension.All).Select(k => k.Metric).Order().ShouldBe([Metric.Cycle, Metric.Payment]);
    }

    private static Dictionary<string, BaselineFigure> Baseline(params (string Key, decimal Value)[] overrides)
    {
        var b = BaselineCatalog.Defaults.ToDictionary(d => d.Key);
        foreach (var (k, v) in overrides)
        {
            b[k] = b[k] with { Value = v, Kind = "entered" };
        }

        return b;
    }

    [Fact]
    public void Roi_WorkedOutByHand()
    {
        // Baseline: employee 15, approver 5, finance 20 min; finance still 2 min (estimated); error rate 19%, 18 min to fix;
        // hourly costs employee 120, approver 200, finance 100; running cost 60,000 a year; one-off 100,000.
        // Measured over 6 months, 1,200 claims: employee 3 min, approver 1 min, finance review 1 min; 60 claims returned (5%).
        var m = new MeasuredInputs(1200, 6, new Measured(3m, 1200), new Measured(1m, 1100), new Measured(1m, 1000), 60, new Measured(50m, 1000), 700, 1000);

        var (comparison, hard, warnings) = RoiCalculator.Compute(Baseline(), m);

        var value = hard.ToDictionary(f => f.Key, f => f.Value);
        // Hours: employee (15−3)×1200/60 = 240; approver (5−1)×1200/60 = 80; finance (20−1−2)×1200/60 = 340 → 660 h.
        value["hoursSaved"].ShouldBe(660m);
        // Labour: 240×120 + 80×200 + 340×100 = 28,800 + 16,000 + 34,000 = 78,800.
        value["laborSaved"].ShouldBe(78_800m);
        // Errors avoided: (0.19 − 0.05) × 1200 × 18/60 × 100 = 0.14 × 1200 × 30 = 5,040.
        value["errorCostAvoided"].ShouldBe(5_040m);
        // Annualised: (78,800 + 5,040) × 12 / 6 = 167,680.
        value["annualSavings"].ShouldBe(167_680m);
        // ROI: (167,680 − 60,000) / 60,000 × 100 = 179.47%.
        value["roiPercent"].ShouldBe(179.47m);
        // Payback: 100,000 / ((167,680 − 60,000) / 12) = 100,000 / 8,973.33 = 11.14 months.
        value["paybackMonths"].ShouldBe(11.14m);
        var minutes = comparison.Single(f => f.Key == "minutesPerClaim");
        (minutes.Before, minutes.After).ShouldBe((40m, 7m));
        comparison.Single(f => f.Key == "cycleTimeDays").After.ShouldBe(2.08m, "50 h ÷ 24");
        comparison.Single(f => f.Key == "errorRate").After.ShouldBe(0.05m);
        comparison.Single(f => f.Key == "touchlessRate").After.ShouldBe(0.7m);
        minutes.Inputs.Single(i => i.Key == "financeMinutesAfter").Origin.ShouldBe("estimated");
        minutes.Inputs.Single(i => i.Key == "employeeMinutesMeasured").Origin.ShouldBe("measured");
        hard.Single(f => f.Key == "hoursSaved").Inputs.Single(i => i.Key == "financeMinutes").Source!.ShouldContain("GBTA");
        warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Roi_WithoutNetSavings_HasNoPayback_AndSaysWhatWasNotMeasured()
    {
        var m = new MeasuredInputs(10, 1, new Measured(null, 0), new Measured(null, 0), new Measured(null, 0), 0, new Measured(null, 0), 0, 0);

        var (_, hard, warnings) = RoiCalculator.Compute(Baseline((BaselineCatalog.AnnualRunningCost, 1_000_000m)), m);

        hard.Single(f => f.Key == "paybackMonths").Value.ShouldBeNull();
        warnings.ShouldContain("no-payback");
        warnings.ShouldContain("not-measured:employeeMinutesMeasured");
        // Nothing measured: employee and approver fall back to the baseline (no saving); finance review 0 + 2 estimated → 18 min saved × 10 / 60 = 3 h.
        hard.Single(f => f.Key == "hoursSaved").Value.ShouldBe(3m);
    }

    [Fact]
    public void RedundantNodes_AreThoseThatNeverOrRarelyReject_ButMakeClaimsWait()
    {
        var rule = new RedundantNodeRule();
        var nodes = new[]
        {
            new NodeFigures("标准", "dept-head", "部门负责人", "Approval", 40, 40, 0, 20, 900, 3),
            new NodeFigures("标准", "manager", "直属上级", "Approval", 50, 50, 1, 6, 300, 3),
            new NodeFigures("标准", "cfo", "CFO", "Approval", 50, 50, 5, 30, 1500, 3),
            new NodeFigures("标准", "quick", "快速", "Approval", 50, 50, 0, 1, 50, 3),
            new NodeFigures("标准", "finance", "财务审核", "FinanceReview", 50, 50, 0, 30, 1500, 3),
            new NodeFigures("标准", "few", "少量", "Approval", 5, 5, 0, 30, 150, 3),
        };

        var suggestions = rule.Evaluate(nodes);

        suggestions.Select(s => (s.Node.StepKey, s.Action)).ShouldBe([("dept-head", "remove"), ("manager", "notify-only")]);
        suggestions[0].WaitHoursPerMonth.ShouldBe(300, "900 waiting hours over 3 months");
        suggestions[0].ReasonZh.ShouldContain("建议删除");
        suggestions[1].RejectRate.ShouldBe(0.02);
    }

    [Fact]
    public void History_MeasuresClaimsPerMonth_ErrorRate_AndMedianCycle_AndSkipsBadRows()
    {
        const string csv = """
            claimNumber,submittedAt,approvedAt,paidAt,returned,department
            H-1,2025-01-05,2025-01-07,2025-01-10,false,销售部
            H-2,2025-01-20,2025-01-25,2025-01-30,true,销售部
            H-3,2025-02-03,2025-02-04,2025-02-07,0,研发部
            H-4,2025-02-10,,,是,研发部
            H-5,not a date,,,false,
            H-1,2025-02-11,,,false,
            """;

        var result = HistoryImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Shanghai);

        (result.Claims.Count, result.Skipped).ShouldBe((4, 2));
        result.Warnings.ShouldContain(w => w.Contains("submittedAt"));
        result.Warnings.ShouldContain(w => w.Contains("repeated"));
        var f = result.Figures.ToDictionary(x => x.Key, x => x.Value);
        f[BaselineCatalog.ClaimsPerMonth].ShouldBe(2m, "4 claims over January and February");
        f[BaselineCatalog.ErrorRate].ShouldBe(0.5m, "H-2 and H-4 returned");
        f[BaselineCatalog.CycleDays].ShouldBe(5m, "paid − submitted: 5, 10, 4 days → median 5");
        result.Figures.ShouldAllBe(x => x.Kind == "measured");
        (result.From, result.To).ShouldBe((new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28)));
    }

    [Fact]
    public void History_WithoutTheRequiredColumns_IsRefused()
    {
        Should.Throw<FormatException>(() => HistoryImport.Read(new MemoryStream("number,date\n1,2025-01-01\n"u8.ToArray()), Shanghai)).Message.ShouldBe("missing-column:claimnumber");
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31T23:00:00Z")]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    public void History_DateOutsideTheProductsYears_SkipsTheRow_InsteadOfThrowing(string submitted)
    {
        // 0001-01-01 in UTC+8 was before DateTimeOffset.MinValue: ArgumentOutOfRangeException, a 500 of the import; the
        // other years were taken and spread the claims-per-month figure over centuries.
        var csv = $"claimNumber,submittedAt,approvedAt,paidAt,returned\nH-1,{submitted},,,false\nH-2,2025-01-05,,2025-01-10,false\n";

        var result = HistoryImport.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Shanghai);

        (result.Claims.Count, result.Skipped).ShouldBe((1, 1));
        result.Warnings.ShouldContain(w => w.Contains("row 2", StringComparison.Ordinal) && w.Contains("2000 to 2100", StringComparison.Ordinal));
    }
}
