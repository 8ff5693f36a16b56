using System.Text.Json;
using ExpenseFlow.Approvals.Domain.Definitions;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Approvals.Tests.Domain;

public class FlowDefinitionParserTests
{
    private static (FlowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Parse(string json) =>
        FlowDefinitionParser.Parse(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Parse_FullDefinition_ReadsEveryPart()
    {
        var (definition, errors) = Parse("""
        { "dedupe": false, "fallback": { "type": "role", "role": "Finance" },
          "when": { "all": [ { "field": "amount", "op": "gte", "value": 100 }, { "not": { "field": "category", "op": "in", "value": ["meals"] } } ] },
          "steps": [
            { "key": "m2", "name": "二级上级", "approvers": [ { "type": "manager", "levels": 2 } ], "mode": "all",
              "sla": { "remindAfterHours": 4, "escalateAfterHours": 8.5, "autoAction": "reject" } },
            { "key": "hr", "name": "抄送", "kind": "notify", "approvers": [ { "type": "person", "personId": "0190f1f0-0000-7000-8000-000000000001" } ] },
            { "key": "fin", "name": "财务", "kind": "financeReview", "mode": "any" } ] }
        """);

        errors.ShouldBeEmpty();
        definition!.Dedupe.ShouldBeFalse();
        definition.Fallback.ShouldBe(new ApproverRule(ApproverType.Role, Role: "Finance"));
        definition.When.ShouldBeOfType<AllOf>().Conditions.Count.ShouldBe(2);
        definition.Steps.Select(s => s.Kind).ShouldBe([StepKind.Approval, StepKind.Notify, StepKind.FinanceReview]);
        definition.Steps[0].Approvers.Single().ShouldBe(new ApproverRule(ApproverType.Manager, 2));
        definition.Steps[0].Sla.ShouldBe(new SlaDefinition(4, 8.5, null, AutoAction.Reject));
        definition.Steps[1].Approvers.Single().PersonId.ShouldBe(Guid.Parse("0190f1f0-0000-7000-8000-000000000001"));
        definition.Steps[2].Approvers.Single().ShouldBe(new ApproverRule(ApproverType.Role, Role: "Finance"), "a finance review defaults to the Finance role");
    }

    [Theory]
    [InlineData("""{ "steps": [] }""", "steps", "OutOfRange")]
    [InlineData("""{ }""", "steps", "Required")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "boss" } ] } ] }""", "steps[0].approvers[0].type", "UnknownValue")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A" } ] }""", "steps[0].approvers", "Required")]
    [InlineData("""{ "steps": [ { "key": "a", "approvers": [ { "type": "manager" } ] } ] }""", "steps[0].name", "Required")]
    [InlineData("""{ "steps": [ { "key": "a b", "name": "A", "approvers": [ { "type": "manager" } ] } ] }""", "steps[0].key", "InvalidKey")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ] }, { "key": "A", "name": "B", "approvers": [ { "type": "manager" } ] } ] }""", "steps[1].key", "DuplicateKey")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "mode": "majority", "approvers": [ { "type": "manager" } ] } ] }""", "steps[0].mode", "UnknownValue")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager", "levels": 0 } ] } ] }""", "steps[0].approvers[0].levels", "OutOfRange")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "role" } ] } ] }""", "steps[0].approvers[0].role", "Required")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "person", "personId": "x" } ] } ] }""", "steps[0].approvers[0].personId", "Required")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "kind": "notify", "approvers": [ { "type": "manager" } ] } ] }""", "steps", "NoDecisionStep")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ], "sla": { "escalateAfterHours": 4, "escalateTo": { "type": "manager" }, "autoAction": "approve" } } ] }""", "steps[0].sla", "EscalateOrAuto")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ], "sla": { "remindAfterHours": 8, "escalateAfterHours": 4, "escalateTo": { "type": "manager" } } } ] }""", "steps[0].sla.remindAfterHours", "RemindAfterEscalate")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ], "sla": { "escalateAfterHours": 4 } } ] }""", "steps[0].sla.escalateTo", "Required")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ], "sla": { "remindAfterHours": -1 } } ] }""", "steps[0].sla.remindAfterHours", "OutOfRange")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ], "colour": "red" } ] }""", "steps[0].colour", "UnknownProperty")]
    [InlineData("""{ "when": { "field": "amount", "op": "in", "value": [1] }, "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ] } ] }""", "when.value", "WrongType")]
    [InlineData("""{ "when": { "field": "amount", "op": "gt", "value": "5000" }, "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ] } ] }""", "when.value", "WrongType")]
    [InlineData("""{ "when": { "field": "category", "op": "gt", "value": "meals" }, "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ] } ] }""", "when.op", "UnknownValue")]
    [InlineData("""{ "when": { "field": "weather", "value": "sunny" }, "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ] } ] }""", "when.field", "UnknownValue")]
    [InlineData("""{ "when": { "any": [] }, "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ] } ] }""", "when.any", "WrongType")]
    [InlineData("""{ "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ], "when": { "all": [ { "field": "grade", "op": "in", "value": [] } ] } } ] }""", "steps[0].when.all[0].value", "WrongType")]
    [InlineData("""[1, 2]""", "$", "WrongType")]
    public void Parse_InvalidPart_IsReportedAtItsPath(string json, string path, string code)
    {
        var (definition, errors) = Parse(json);

        definition.ShouldBeNull();
        errors.ShouldContain(e => e.Path == path && e.Code == code, string.Join("; ", errors.Select(e => $"{e.Path} {e.Code}")));
        errors.ShouldAllBe(e => e.English.Length > 0 && e.Chinese.Length > 0);
    }

    [Fact]
    public void Parse_SeveralInvalidParts_ReportsEachOfThem()
    {
        var (_, errors) = Parse("""{ "steps": [ { "key": "a", "name": "A", "kind": "vote", "approvers": [ { "type": "manager" } ] }, { "name": "B", "approvers": [ { "type": "role" } ] } ] }""");

        errors.Select(e => e.Path).ShouldBe(["steps[0].kind", "steps[1].key", "steps[1].approvers[0].role"], ignoreOrder: true);
    }

    [Fact]
    public void Parse_DeeplyNestedCondition_IsRefused()
    {
        var condition = """{ "field": "amount", "op": "gt", "value": 1 }""";
        for (var i = 0; i < 12; i++)
        {
            condition = $$"""{ "not": {{condition}} }""";
        }

        var (_, errors) = Parse($$"""{ "when": {{condition}}, "steps": [ { "key": "a", "name": "A", "approvers": [ { "type": "manager" } ] } ] }""");

        errors.ShouldContain(e => e.Code == "OutOfRange");
    }
}
