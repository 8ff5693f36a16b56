using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Domain;

public class ClaimTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Employee = Guid.NewGuid();

    internal static Claim NewClaim(params LineDraft[] lines)
    {
        var claim = Claim.Create(Guid.NewGuid(), "EXP-2026-000001", Employee, Guid.NewGuid(), "上海出差", "CNY", T0);
        claim.SetLines(lines, c => c == "USD" ? 7.1m : 1m, Employee, T0);
        return claim;
    }

    internal static LineDraft Line(string category, decimal amount, string currency = "CNY", DateOnly? date = null, InvoiceFields? invoice = null, int receipts = 0) =>
        new(category, amount, currency, date ?? new DateOnly(2026, 10, 30), null, null, Enumerable.Range(0, receipts).Select(_ => Guid.NewGuid()).ToList(), invoice);

    [Fact]
    public void SetLines_ConvertsToBaseCurrency_AndTotals()
    {
        var claim = NewClaim(Line("hotel", 400m), Line("meals", 12.345m, "usd"));

        claim.Lines[1].Currency.ShouldBe("USD");
        claim.Lines[1].Amount.ShouldBe(12.35m);
        claim.Lines[1].AmountInBase.ShouldBe(87.69m); // 12.35 × 7.1 = 87.685 → 87.69
        claim.TotalInBase.ShouldBe(487.69m);
        claim.Events.Select(e => e.Type).ShouldBe(["Created", "Edited"]);
    }

    [Fact]
    public void SetLines_RefusesTheSameInvoiceTwiceInOneClaim()
    {
        var invoice = new InvoiceFields { InvoiceCode = "031001900111", InvoiceNumber = "12345678" };
        var ex = Should.Throw<DomainException>(() => NewClaim(Line("hotel", 1m, invoice: invoice), Line("meals", 2m, invoice: invoice with { InvoiceCode = "0310 0190 0111" })));
        ex.Error.Code.ShouldBe("Expenses.DuplicateInvoice");
    }

    [Theory]
    [InlineData("031001900111", "12345678", "I:03100190011112345678")]
    [InlineData(null, "26312000000012345678", "I:26312000000012345678")]
    [InlineData(" ", " 2631 2000 0000 1234 5678 ", "I:26312000000012345678")]
    [InlineData("031001900111", null, null)]
    public void InvoiceKey_IsCodeAndNumber_OrTheNumberAloneForDigitalInvoices(string? code, string? number, string? key) =>
        new InvoiceFields { InvoiceCode = code, InvoiceNumber = number }.InvoiceKey.ShouldBe(key);

    [Fact]
    public void Submit_WithoutLines_IsRefused() =>
        Should.Throw<DomainException>(() => NewClaim().Submit([], Employee, T0, null)).Error.Code.ShouldBe("Expenses.NoLines");

    [Fact]
    public void Submit_WithBlockingFinding_IsRefused_WarningNeedsJustification()
    {
        var claim = NewClaim(Line("hotel", 400m));
        var block = new PolicyFinding("ReceiptRequired", PolicySeverity.Block, 0, "en", "zh");
        var warn = new PolicyFinding("CategoryLimitPerDay", PolicySeverity.Warn, 0, "en", "zh");

        Should.Throw<DomainException>(() => claim.Submit([block], Employee, T0, null)).Error.Code.ShouldBe("Expenses.PolicyBlocked");
        Should.Throw<DomainException>(() => claim.Submit([warn], Employee, T0, null)).Error.Code.ShouldBe("Expenses.JustificationRequired");
        claim.Submit([warn with { Justification = "客户指定酒店" }], Employee, T0, null);

        claim.Status.ShouldBe(ClaimStatus.Submitted);
        claim.Findings.Single().Justification.ShouldBe("客户指定酒店");
    }

    [Fact]
    public void LifeCycle_FollowsTheTransitionTable_AndLogsEveryStep()
    {
        var claim = NewClaim(Line("hotel", 400m));
        claim.Submit([], Employee, T0, null);
        Should.Throw<DomainException>(() => claim.SetLines([Line("hotel", 1m)], _ => 1m, Employee, T0)).Error.Code.ShouldBe("Expenses.NotEditable");
        claim.Record(ClaimStatus.InApproval, "ApprovalStarted", Employee, T0, null);
        claim.Record(ClaimStatus.Returned, "Returned", Guid.NewGuid(), T0.AddHours(1), "发票抬头错误");
        claim.SetLines([Line("hotel", 380m)], _ => 1m, Employee, T0.AddHours(2));
        claim.Submit([], Employee, T0.AddHours(3), null);
        Should.Throw<DomainException>(() => claim.Record(ClaimStatus.Paid, "Paid", Employee, T0, null)).Error.Code.ShouldBe("Expenses.InvalidTransition");

        claim.Events.Select(e => e.Type).ShouldBe(["Created", "Edited", "Submitted", "ApprovalStarted", "Returned", "Edited", "Resubmitted"]);
        claim.Events.Single(e => e.Type == "Returned").Reason.ShouldBe("发票抬头错误");
    }

    [Theory]
    [InlineData(ClaimStatus.Approved, false)]
    [InlineData(ClaimStatus.Paid, false)]
    [InlineData(ClaimStatus.Returned, true)]
    [InlineData(ClaimStatus.InApproval, true)]
    public void Cancel_IsPossibleOnlyBeforeADecision(ClaimStatus status, bool allowed) =>
        ClaimTransitions.CanMove(status, ClaimStatus.Cancelled).ShouldBe(allowed);
}
