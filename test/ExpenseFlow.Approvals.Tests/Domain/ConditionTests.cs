using ExpenseFlow.Approvals.Domain.Definitions;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Approvals.Tests.Domain;

public class ConditionTests
{
    private static readonly Guid Entity = Guid.Parse("0190f1f0-0000-7000-8000-0000000000aa");

    private static ClaimFacts Facts(decimal amount = 1000m, string grade = "G2", params string[] categories) =>
        new(amount, "CNY", categories.Length == 0 ? ["travel"] : categories, ["CC-SALES"], ["SALES-E", "SALES", "HQ"], Entity, "91310115MA1K4B2C3J",
            grade, grade == "G2" ? 2 : 4, new Dictionary<string, int> { ["G1"] = 1, ["G2"] = 2, ["G3"] = 3, ["G4"] = 4 });

    private static Compare Amount(ConditionOp op, decimal value) => new(ConditionField.Amount, op, value, []);

    private static Compare Codes(ConditionField field, ConditionOp op, params string[] values) => new(field, op, null, values);

    [Theory]
    [InlineData(ConditionOp.Gt, 5000, 5000.01, true)]
    [InlineData(ConditionOp.Gt, 5000, 5000, false)]
    [InlineData(ConditionOp.Gte, 5000, 5000, true)]
    [InlineData(ConditionOp.Lt, 5000, 4999.99, true)]
    [InlineData(ConditionOp.Lte, 5000, 5000.01, false)]
    [InlineData(ConditionOp.Eq, 5000, 5000, true)]
    [InlineData(ConditionOp.Ne, 5000, 5000, false)]
    public void Amount_ComparesWithTheClaimTotal(ConditionOp op, double threshold, double amount, bool expected) =>
        Amount(op, (decimal)threshold).Evaluate(Facts((decimal)amount)).ShouldBe(expected);

    [Fact]
    public void Category_MatchesWhenAnyLineHasOneOfTheValues()
    {
        Codes(ConditionField.Category, ConditionOp.In, "entertainment", "gifts").Evaluate(Facts(categories: ["travel", "entertainment"])).ShouldBeTrue();
        Codes(ConditionField.Category, ConditionOp.NotIn, "entertainment").Evaluate(Facts(categories: ["travel", "entertainment"])).ShouldBeFalse();
        Codes(ConditionField.Category, ConditionOp.Eq, "hotel").Evaluate(Facts(categories: ["travel"])).ShouldBeFalse();
    }

    [Fact]
    public void Department_MatchesTheSubmittersDepartmentOrAnyParent()
    {
        Codes(ConditionField.Department, ConditionOp.Eq, "SALES").Evaluate(Facts()).ShouldBeTrue();
        Codes(ConditionField.Department, ConditionOp.In, "RND", "FIN").Evaluate(Facts()).ShouldBeFalse();
        Codes(ConditionField.Department, ConditionOp.Ne, "RND").Evaluate(Facts()).ShouldBeTrue();
    }

    [Fact]
    public void LegalEntity_MatchesByIdOrTaxId_CaseInsensitively()
    {
        Codes(ConditionField.LegalEntity, ConditionOp.Eq, Entity.ToString()).Evaluate(Facts()).ShouldBeTrue();
        Codes(ConditionField.LegalEntity, ConditionOp.Eq, "91310115ma1k4b2c3j").Evaluate(Facts()).ShouldBeTrue();
        Codes(ConditionField.LegalEntity, ConditionOp.Eq, "913100000000000000").Evaluate(Facts()).ShouldBeFalse();
    }

    [Fact]
    public void Grade_ComparesByRank_OrByCode()
    {
        Codes(ConditionField.Grade, ConditionOp.Gte, "G3").Evaluate(Facts(grade: "G4")).ShouldBeTrue();
        Codes(ConditionField.Grade, ConditionOp.Gte, "G3").Evaluate(Facts(grade: "G2")).ShouldBeFalse();
        Codes(ConditionField.Grade, ConditionOp.In, "G1", "G2").Evaluate(Facts(grade: "G2")).ShouldBeTrue();
        Codes(ConditionField.Grade, ConditionOp.Gt, "G9").Evaluate(Facts(grade: "G4")).ShouldBeFalse("an unknown grade matches nothing");
    }

    [Fact]
    public void Combinators_FollowBooleanLogic()
    {
        var big = Amount(ConditionOp.Gt, 5000);
        var travel = Codes(ConditionField.Category, ConditionOp.In, "travel");
        new AllOf([big, travel]).Evaluate(Facts(6000)).ShouldBeTrue();
        new AllOf([big, travel]).Evaluate(Facts(100)).ShouldBeFalse();
        new AnyOf([big, travel]).Evaluate(Facts(100)).ShouldBeTrue();
        new NotOf(new AnyOf([big, travel])).Evaluate(Facts(100)).ShouldBeFalse();
    }
}
