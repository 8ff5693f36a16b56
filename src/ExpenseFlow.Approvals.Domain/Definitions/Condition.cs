namespace ExpenseFlow.Approvals.Domain.Definitions;

/// <summary>A typed condition over the facts of a claim; there is no expression language, so nothing can run code.</summary>
public abstract record Condition
{
    public abstract bool Evaluate(ClaimFacts facts);
}

public sealed record AllOf(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Evaluate(ClaimFacts facts) => Conditions.All(c => c.Evaluate(facts));
}

public sealed record AnyOf(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Evaluate(ClaimFacts facts) => Conditions.Any(c => c.Evaluate(facts));
}

public sealed record NotOf(Condition Condition) : Condition
{
    public override bool Evaluate(ClaimFacts facts) => !Condition.Evaluate(facts);
}

public enum ConditionField
{
    Amount,
    Category,
    Department,
    CostCentre,
    LegalEntity,
    Grade,
}

public enum ConditionOp
{
    Eq,
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,
    In,
    NotIn,
}

/// <summary>
/// A comparison. Fields that hold several values on a claim (categories, cost centres, the department and its parents)
/// match when any of them is among <see cref="Values"/>; <c>ne</c>/<c>notIn</c> when none is.
/// Grades compare by rank for gt/gte/lt/lte.
/// </summary>
public sealed record Compare(ConditionField Field, ConditionOp Op, decimal? Number, IReadOnlyList<string> Values) : Condition
{
    public override bool Evaluate(ClaimFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Field switch
        {
            ConditionField.Amount => Ordered(facts.Amount.CompareTo(Number ?? 0m)),
            ConditionField.Grade when Op is ConditionOp.Gt or ConditionOp.Gte or ConditionOp.Lt or ConditionOp.Lte =>
                facts.GradeRank is { } rank && facts.GradeRanks.TryGetValue(Values.Count > 0 ? Values[0] : string.Empty, out var other) && Ordered(rank.CompareTo(other)),
            _ => Membership(Candidates(facts)),
        };
    }

    private IEnumerable<string> Candidates(ClaimFacts f) => Field switch
    {
        ConditionField.Category => f.Categories,
        ConditionField.CostCentre => f.CostCentres,
        ConditionField.Department => f.DepartmentCodes,
        ConditionField.LegalEntity => [f.LegalEntityId.ToString(), f.LegalEntityTaxId ?? string.Empty],
        ConditionField.Grade => f.GradeCode is null ? [] : [f.GradeCode],
        _ => [],
    };

    private bool Membership(IEnumerable<string> candidates)
    {
        var hit = candidates.Any(c => Values.Contains(c, StringComparer.OrdinalIgnoreCase));
        return Op is ConditionOp.Ne or ConditionOp.NotIn ? !hit : hit;
    }

    private bool Ordered(int sign) => Op switch
    {
        ConditionOp.Eq or ConditionOp.In => sign == 0,
        ConditionOp.Ne or ConditionOp.NotIn => sign != 0,
        ConditionOp.Gt => sign > 0,
        ConditionOp.Gte => sign >= 0,
        ConditionOp.Lt => sign < 0,
        _ => sign <= 0,
    };
}

/// <summary>What conditions can see of a claim and its submitter, fixed when the approval starts.</summary>
public sealed record ClaimFacts(
    decimal Amount, string Currency, IReadOnlyList<string> Categories, IReadOnlyList<string> CostCentres, IReadOnlyList<string> DepartmentCodes,
    Guid LegalEntityId, string? LegalEntityTaxId, string? GradeCode, int? GradeRank, IReadOnlyDictionary<string, int> GradeRanks);
