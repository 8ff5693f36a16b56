using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using Shouldly;
using Xunit;
using static ExpenseFlow.Expenses.Tests.Domain.ClaimTests;

namespace ExpenseFlow.Expenses.Tests.Domain;

public class PolicyEvaluatorTests
{
    private const string Buyer = "上海示例科技有限公司";
    private const string BuyerTaxId = "91310115MA1K4B2C3J";

    private static PolicyContext Context(
        IReadOnlyList<CategoryLimit>? limits = null, string? grade = "G1",
        Dictionary<(string, DateOnly), decimal>? perDay = null, Dictionary<(string, int, int), decimal>? perMonth = null) =>
        new(PolicySettings.Default(),
            new Dictionary<string, ExpenseCategory>
            {
                ["hotel"] = ExpenseCategory.Create("hotel", "住宿", "Hotel"),
                ["meals"] = ExpenseCategory.Create("meals", "餐饮", "Meals", allowsPersonalInvoice: true),
            },
            limits ?? [], grade, Buyer, BuyerTaxId, new DateOnly(2026, 11, 2),
            perDay ?? [], perMonth ?? []);

    [Fact]
    public void Limits_ByGrade_PerItemPerDayPerMonth_IncludingOtherClaims()
    {
        var limits = new[]
        {
            CategoryLimit.Create(Guid.NewGuid(), "hotel", null, null, 500m, null),
            CategoryLimit.Create(Guid.NewGuid(), "hotel", "G4", null, 900m, null),
            CategoryLimit.Create(Guid.NewGuid(), "meals", null, 300m, null, 1000m),
        };
        var day = new DateOnly(2026, 10, 30);
        var claim = NewClaim(Line("hotel", 450m, receipts: 1, date: day), Line("meals", 320m, receipts: 1), Line("meals", 100m, receipts: 1, date: new DateOnly(2026, 10, 2)));
        var context = Context(limits, perDay: new() { [("hotel", day)] = 100m }, perMonth: new() { [("meals", 2026, 10)] = 600m });

        var findings = PolicyEvaluator.Evaluate(claim, context);

        findings.Select(f => (f.Rule, f.Line)).ShouldBe([("CategoryLimitPerDay", 0), ("CategoryLimitPerItem", 1), ("CategoryLimitPerMonth", 1)], ignoreOrder: true);
        findings.ShouldAllBe(f => f.Severity == PolicySeverity.Warn);
        findings.Single(f => f.Rule == "CategoryLimitPerMonth").English.ShouldContain("1,020.00 CNY");
        PolicyEvaluator.Evaluate(claim, context with { EmployeeGrade = "G4" }).ShouldNotContain(f => f.Rule == "CategoryLimitPerDay");
    }

    [Fact]
    public void Buyer_MustBeTheCompany_PersonalOnlyWhereTheCategoryAllowsIt()
    {
        var own = new InvoiceFields { BuyerName = "上海示例科技有限公司", BuyerTaxId = "91310115MA1K4B2C3J" };
        var other = new InvoiceFields { BuyerName = "别的公司", BuyerTaxId = "91110108MA01XY7D2H" };
        var personal = new InvoiceFields { BuyerName = "个人" };
        var claim = NewClaim(Line("hotel", 100m, invoice: own), Line("hotel", 100m, invoice: other), Line("hotel", 100m, invoice: personal), Line("meals", 100m, invoice: personal));

        var findings = PolicyEvaluator.Evaluate(claim, Context());

        findings.Where(f => f.Rule == "BuyerMismatch").Select(f => f.Line).ShouldBe([1, 2]);
        findings.First(f => f.Rule == "BuyerMismatch").Severity.ShouldBe(PolicySeverity.Block);
        findings[0].Chinese.ShouldStartWith("第2行：");
    }

    [Fact]
    public void ReceiptRequiredAboveThreshold_AndInvoiceDateWindow()
    {
        var recent = new InvoiceFields { InvoiceCode = "031001900111", InvoiceNumber = "00000001", IssueDate = new DateOnly(2026, 10, 1) };
        var old = new InvoiceFields { InvoiceNumber = "26312000000000000002", IssueDate = new DateOnly(2026, 1, 1) };
        var future = new InvoiceFields { InvoiceNumber = "26312000000000000003", IssueDate = new DateOnly(2026, 12, 1) };
        var claim = NewClaim(Line("hotel", 200m), Line("hotel", 200.01m), Line("hotel", 10m, invoice: recent), Line("hotel", 10m, invoice: old), Line("hotel", 10m, invoice: future));

        var findings = PolicyEvaluator.Evaluate(claim, Context());

        findings.Select(f => (f.Rule, f.Line)).ShouldBe([("ReceiptRequired", 1), ("InvoiceDateWindow", 3), ("InvoiceDateWindow", 4)], ignoreOrder: true);
    }

    [Fact]
    public void RulesSwitchedOff_ProduceNoFindings()
    {
        var settings = PolicySettings.Default();
        settings.Update("CNY", PolicySeverity.Off, PolicySeverity.Off, 30, PolicySeverity.Off, PolicySeverity.Off, 0m);
        var claim = NewClaim(Line("hotel", 999m, invoice: new InvoiceFields { BuyerName = "别的公司", IssueDate = new DateOnly(2020, 1, 1) }));

        PolicyEvaluator.Evaluate(claim, Context([CategoryLimit.Create(Guid.NewGuid(), "hotel", null, 1m, 1m, 1m)]) with { Settings = settings }).ShouldBeEmpty();
    }
}
