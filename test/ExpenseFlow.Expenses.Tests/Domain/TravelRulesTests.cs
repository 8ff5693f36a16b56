using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using Shouldly;
using Xunit;
using static ExpenseFlow.Expenses.Tests.Domain.ClaimTests;

namespace ExpenseFlow.Expenses.Tests.Domain;

/// <summary>差标 from ticket fields: seat class / cabin by grade, the traveller, the ticket's date within the trip.</summary>
public class TravelRulesTests
{
    private static readonly TravelClassRule Staff = TravelClassRule.Create(Guid.NewGuid(), null, ["二等座", "硬座", "硬卧"], ["economy"]);
    private static readonly TravelClassRule Directors = TravelClassRule.Create(Guid.NewGuid(), "G5", ["二等座", "一等座", "商务座", "硬座"], ["economy", "business"]);

    private static PolicyContext Context(Claim claim, string? grade, params TicketFacts[] tickets) =>
        new(PolicySettings.Default(),
            new Dictionary<string, ExpenseCategory> { ["travel"] = ExpenseCategory.Create("travel", "交通", "Travel") },
            [], grade, "上海示例科技有限公司", "91310115MA1K4B2C3J", new DateOnly(2026, 11, 2), new Dictionary<(string, DateOnly), decimal>(), new Dictionary<(string, int, int), decimal>())
        {
            EmployeeName = "王小明",
            TravelClasses = [Staff, Directors],
            Tickets = claim.Lines.Zip(tickets).ToDictionary(p => p.First.Id, p => p.Second),
        };

    private static Claim Trip(int lines) => NewClaim(Enumerable.Range(0, lines).Select(_ => Line("travel", 300m, receipts: 1)).ToArray());

    [Fact]
    public void SeatClassAboveTheGrade_IsAFinding_TheGradesOwnRuleBeforeEveryonesRule()
    {
        var claim = Trip(3);
        TicketFacts[] tickets =
        [
            new("train-ticket", "王小明", "一等座", null),
            new("train-ticket", "王小明", "新空调硬座", null),
            new("air-itinerary", "王小明", "C", null),
        ];

        var staff = PolicyEvaluator.Evaluate(claim, Context(claim, "G1", tickets));
        var director = PolicyEvaluator.Evaluate(claim, Context(claim, "G5", tickets));

        staff.Where(f => f.Rule == "TravelClass").Select(f => f.Line).ShouldBe([0, 2]);
        staff.ShouldAllBe(f => f.Severity == PolicySeverity.Warn);
        staff.First(f => f.Line == 2).Chinese.ShouldContain("公务舱");
        director.ShouldNotContain(f => f.Rule == "TravelClass");
    }

    [Fact]
    public void SomeoneElsesTicket_IsAFinding_UnlessTheyAreListedOnTheClaim()
    {
        var claim = Trip(2);
        TicketFacts[] tickets = [new("train-ticket", "王 小明", "二等座", null), new("train-ticket", "李雷", "二等座", null)];

        PolicyEvaluator.Evaluate(claim, Context(claim, null, tickets)).Where(f => f.Rule == "TravellerNotClaimant").Select(f => f.Line).ShouldBe([1]);

        claim.SetTrip(null, null, ["李雷"]);
        PolicyEvaluator.Evaluate(claim, Context(claim, null, tickets)).ShouldNotContain(f => f.Rule == "TravellerNotClaimant");
    }

    [Fact]
    public void TicketOutsideTheTrip_IsAFinding_OnlyWhenTheClaimHasTripDates()
    {
        var claim = Trip(2);
        TicketFacts[] tickets = [new("train-ticket", null, null, new DateOnly(2026, 10, 30)), new("train-ticket", null, null, new DateOnly(2026, 11, 5))];

        PolicyEvaluator.Evaluate(claim, Context(claim, null, tickets)).ShouldNotContain(f => f.Rule == "TicketOutsideTrip");

        claim.SetTrip(new DateOnly(2026, 10, 29), new DateOnly(2026, 11, 1), null);
        PolicyEvaluator.Evaluate(claim, Context(claim, null, tickets)).Where(f => f.Rule == "TicketOutsideTrip").Select(f => f.Line).ShouldBe([1]);
    }

    [Fact]
    public void FieldsNotRead_AreNotChecked_AndTheRuleCanBeTurnedOffOrBlocking()
    {
        var claim = Trip(1);
        var context = Context(claim, null, new TicketFacts("train-ticket", "李雷", "商务座", null));
        PolicyEvaluator.Evaluate(claim, Context(claim, null, new TicketFacts("train-ticket", null, null, null))).ShouldBeEmpty();

        var settings = PolicySettings.Default();
        settings.Update("CNY", PolicySeverity.Block, PolicySeverity.Warn, 180, PolicySeverity.Warn, PolicySeverity.Block, 200m, PolicySeverity.Block);
        PolicyEvaluator.Evaluate(claim, context with { Settings = settings }).Where(f => f.Rule is "TravelClass" or "TravellerNotClaimant")
            .ShouldAllBe(f => f.Severity == PolicySeverity.Block);
        settings.Update("CNY", PolicySeverity.Block, PolicySeverity.Warn, 180, PolicySeverity.Warn, PolicySeverity.Block, 200m, PolicySeverity.Off);
        PolicyEvaluator.Evaluate(claim, context with { Settings = settings }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Y", "economy")]
    [InlineData("经济舱", "economy")]
    [InlineData("W", "premium-economy")]
    [InlineData("J", "business")]
    [InlineData("F", "first")]
    [InlineData("舱", null)]
    public void Cabin_FromTheClassLetterOrName(string printed, string? cabin) => TravelClassRule.CabinOf(printed).ShouldBe(cabin);

    [Fact]
    public void TripAndRules_RefuseWhatCannotBeRight()
    {
        var claim = Trip(1);
        Should.Throw<DomainException>(() => claim.SetTrip(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 1), null)).Error.Code.ShouldBe("Expenses.TripDatesInvalid");
        Should.Throw<DomainException>(() => claim.SetTrip(new DateOnly(2026, 11, 2), null, null)).Error.Code.ShouldBe("Expenses.TripDatesInvalid");
        Should.Throw<DomainException>(() => claim.SetTrip(null, null, Enumerable.Range(0, 21).Select(i => $"同事{i}").ToList())).Error.Code.ShouldBe("Expenses.TravellersInvalid");
        Should.Throw<DomainException>(() => TravelClassRule.Create(Guid.NewGuid(), null, ["second"], [])).Error.Code.ShouldBe("Expenses.TravelClassRuleInvalid");
        Should.Throw<DomainException>(() => TravelClassRule.Create(Guid.NewGuid(), null, [], ["cargo"])).Error.Code.ShouldBe("Expenses.TravelClassRuleInvalid");
        Should.Throw<DomainException>(() => NewClaim(Line("travel", 1m, receipts: 1) with { DocumentIndex = ClaimLine.MaxDocumentsPerFile }))
            .Error.Code.ShouldBe("Expenses.DocumentIndexInvalid");
        NewClaim(Line("travel", 1m) with { DocumentIndex = 2 }).Lines[0].DocumentIndex.ShouldBeNull("an index without a receipt names nothing");

        // One ticket of a sheet claimed on two lines is claimed twice; its neighbours on their own lines are not.
        var sheet = Guid.NewGuid();
        LineDraft Doc(int i) => Line("travel", 10m) with { ReceiptIds = [sheet], DocumentIndex = i };
        NewClaim(Doc(0), Doc(1), Doc(2)).Lines.Select(l => l.DocumentIndex).ShouldBe([0, 1, 2]);
        Should.Throw<DomainException>(() => NewClaim(Doc(0), Doc(1), Doc(1))).Error.Code.ShouldBe("Expenses.DuplicateInvoice");
    }

    [Fact]
    public void AnOldTicket_IsNamedByItsTravelDate_NotAsAnInvoice()
    {
        var day = new DateOnly(2019, 3, 10);
        var claim = NewClaim(Line("travel", 41m, date: day, invoice: new InvoiceFields { IssueDate = day }, receipts: 1), Line("travel", 41m, date: day, invoice: new InvoiceFields { IssueDate = day }, receipts: 1));

        var findings = PolicyEvaluator.Evaluate(claim, Context(claim, null, new TicketFacts("train-ticket", "王小明", "二等座", day))).Where(f => f.Rule == "InvoiceDateWindow").ToList();

        findings.Count.ShouldBe(2);
        findings.Single(f => f.Line == 0).Chinese.ShouldBe("第1行：出行已超过180天。");
        findings.Single(f => f.Line == 1).Chinese.ShouldBe("第2行：发票开具已超过180天。", "the second line has no ticket");
    }
}
