using System.Globalization;
using System.Text.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.Organization.Contracts;

namespace ExpenseFlow.Approvals.Application.Flows;

/// <summary>The definition's shape (parser), then what only the directory knows: roles, people and grades must exist.</summary>
internal sealed class FlowValidation(IOrganizationDirectory directory)
{
    public async Task<(FlowDefinition? Definition, List<DefinitionErrorDto> Errors)> ValidateAsync(JsonElement json, bool isDefault, CancellationToken ct)
    {
        var (definition, parseErrors) = FlowDefinitionParser.Parse(json);
        var errors = parseErrors.ToList();
        if (definition is not null)
        {
            if (isDefault && definition.When is not null)
            {
                errors.Add(new DefinitionError("when", "DefaultHasCondition", "The default flow applies to every claim, so it cannot have a condition.", "默认流程适用于所有报销单，不能设置条件。"));
            }

            var grades = (await directory.GetGradesAsync(ct)).Select(g => g.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            CheckCondition(definition.When, "when", grades, errors);
            await CheckRuleAsync(definition.Fallback, "fallback", errors, ct);
            for (var i = 0; i < definition.Steps.Count; i++)
            {
                var step = definition.Steps[i];
                for (var j = 0; j < step.Approvers.Count; j++)
                {
                    await CheckRuleAsync(step.Approvers[j], $"steps[{i}].approvers[{j}]", errors, ct);
                }

                if (step.Sla?.EscalateTo is { } to)
                {
                    await CheckRuleAsync(to, $"steps[{i}].sla.escalateTo", errors, ct);
                }

                CheckCondition(step.When, $"steps[{i}].when", grades, errors);
            }
        }

        var culture = CultureInfo.CurrentUICulture;
        return (errors.Count == 0 ? definition : null, errors.Select(e => new DefinitionErrorDto(e.Path, e.Code, e.Message(culture))).ToList());
    }

    private async Task CheckRuleAsync(ApproverRule rule, string path, List<DefinitionError> errors, CancellationToken ct)
    {
        if (rule.Type == ApproverType.Role && !Roles.All.Contains(rule.Role!, StringComparer.Ordinal))
        {
            errors.Add(new DefinitionError($"{path}.role", "UnknownRole", $"There is no role '{rule.Role}'; roles: {string.Join(", ", Roles.All)}.",
                $"没有角色“{rule.Role}”；可用角色：{string.Join("、", Roles.All)}。"));
        }

        if (rule.Type == ApproverType.Person && await directory.FindPersonAsync(rule.PersonId!.Value, ct) is not { IsActive: true })
        {
            errors.Add(new DefinitionError($"{path}.personId", "UnknownPerson", "No active person has this id.", "没有该ID对应的在职人员。"));
        }
    }

    private static void CheckCondition(Condition? condition, string path, HashSet<string> grades, List<DefinitionError> errors)
    {
        switch (condition)
        {
            case AllOf all:
                for (var i = 0; i < all.Conditions.Count; i++)
                {
                    CheckCondition(all.Conditions[i], $"{path}.all[{i}]", grades, errors);
                }

                break;
            case AnyOf any:
                for (var i = 0; i < any.Conditions.Count; i++)
                {
                    CheckCondition(any.Conditions[i], $"{path}.any[{i}]", grades, errors);
                }

                break;
            case NotOf not:
                CheckCondition(not.Condition, $"{path}.not", grades, errors);
                break;
            case Compare { Field: ConditionField.Grade } c when c.Values.FirstOrDefault(v => !grades.Contains(v)) is { } unknown:
                errors.Add(new DefinitionError($"{path}.value", "UnknownGrade", $"There is no grade '{unknown}'.", $"没有职级“{unknown}”。"));
                break;
        }
    }
}
