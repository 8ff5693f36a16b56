using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ExpenseFlow.Approvals.Domain.Definitions;

/// <summary>
/// Reads a flow definition from JSON and reports every invalid part at once, each with its path. The accepted shape is
/// published as a JSON Schema (<c>GET /api/approvals/flows/schema</c>); this parser is the schema's enforcement.
/// </summary>
public static partial class FlowDefinitionParser
{
    private const int MaxSteps = 30;
    private const int MaxDepth = 8;

    public static (FlowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Parse(JsonElement json)
    {
        var errors = new List<DefinitionError>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(DefinitionError.WrongType("$", "an object", "对象"));
            return (null, errors);
        }

        Known(json, "$", errors, "when", "dedupe", "fallback", "steps");
        var when = Optional(json, "when", out var w) ? ParseCondition(w, "when", errors, 0) : null;
        var dedupe = !Optional(json, "dedupe", out var d) || Bool(d, "dedupe", errors);
        var fallback = Optional(json, "fallback", out var fb) ? ParseApprover(fb, "fallback", errors) : ApproverRule.AdminRole;
        var steps = new List<StepDefinition>();
        if (!json.TryGetProperty("steps", out var stepsJson) || stepsJson.ValueKind == JsonValueKind.Null)
        {
            errors.Add(DefinitionError.Required("steps"));
        }
        else if (stepsJson.ValueKind != JsonValueKind.Array)
        {
            errors.Add(DefinitionError.WrongType("steps", "a list of steps", "步骤列表"));
        }
        else if (stepsJson.GetArrayLength() is 0 or > MaxSteps)
        {
            errors.Add(DefinitionError.OutOfRange("steps", $"a list of 1 to {MaxSteps} steps"));
        }
        else
        {
            var i = 0;
            foreach (var step in stepsJson.EnumerateArray())
            {
                if (ParseStep(step, $"steps[{i}]", errors) is { } parsed)
                {
                    steps.Add(parsed);
                }

                i++;
            }

            foreach (var duplicate in steps.GroupBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                errors.Add(new DefinitionError($"steps[{steps.FindLastIndex(s => s.Key.Equals(duplicate.Key, StringComparison.OrdinalIgnoreCase))}].key", "DuplicateKey",
                    $"Step key '{duplicate.Key}' is used twice.", $"步骤编码“{duplicate.Key}”重复。"));
            }

            if (errors.Count == 0 && steps.All(s => s.Kind == StepKind.Notify))
            {
                errors.Add(new DefinitionError("steps", "NoDecisionStep", "At least one step must decide (approval or finance review); notify-only steps never block.",
                    "至少需要一个审批或财务审核步骤；知会步骤不会阻塞流程。"));
            }
        }

        return errors.Count == 0 ? (new FlowDefinition(when, dedupe, fallback!, steps), errors) : (null, errors);
    }

    private static StepDefinition? ParseStep(JsonElement json, string path, List<DefinitionError> errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(DefinitionError.WrongType(path, "a step object", "步骤对象"));
            return null;
        }

        var before = errors.Count;
        Known(json, path, errors, "key", "name", "nameEn", "kind", "mode", "approvers", "when", "sla");
        var key = RequiredText(json, "key", path, errors, 40);
        if (key is not null && !KeyPattern().IsMatch(key))
        {
            errors.Add(new DefinitionError($"{path}.key", "InvalidKey", "Use letters, digits, '-' or '_' only.", "只能使用字母、数字、“-”或“_”。"));
        }

        var name = RequiredText(json, "name", path, errors, 100);
        var nameEn = Optional(json, "nameEn", out var ne) ? Text(ne, $"{path}.nameEn", errors, 100) : null;
        var kind = Optional(json, "kind", out var k) ? Enum<StepKind>(k, $"{path}.kind", errors) : StepKind.Approval;
        var mode = Optional(json, "mode", out var m) ? Enum<StepMode>(m, $"{path}.mode", errors) : StepMode.Sequential;
        var approvers = new List<ApproverRule>();
        if (Optional(json, "approvers", out var a))
        {
            if (a.ValueKind != JsonValueKind.Array)
            {
                errors.Add(DefinitionError.WrongType($"{path}.approvers", "a list of approver rules", "审批人规则列表"));
            }
            else
            {
                var i = 0;
                foreach (var rule in a.EnumerateArray())
                {
                    if (ParseApprover(rule, $"{path}.approvers[{i++}]", errors) is { } parsed)
                    {
                        approvers.Add(parsed);
                    }
                }
            }
        }

        if (approvers.Count == 0 && kind == StepKind.FinanceReview && errors.Count == before)
        {
            approvers.Add(new ApproverRule(ApproverType.Role, Role: "Finance"));
        }
        else if (approvers.Count == 0 && errors.Count == before)
        {
            errors.Add(DefinitionError.Required($"{path}.approvers"));
        }

        var when = Optional(json, "when", out var w) ? ParseCondition(w, $"{path}.when", errors, 0) : null;
        var sla = Optional(json, "sla", out var s) ? ParseSla(s, $"{path}.sla", kind, errors) : null;
        return errors.Count == before ? new StepDefinition(key!, name!, nameEn, kind ?? StepKind.Approval, mode ?? StepMode.Sequential, approvers, when, sla) : null;
    }

    private static SlaDefinition? ParseSla(JsonElement json, string path, StepKind? kind, List<DefinitionError> errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(DefinitionError.WrongType(path, "an object", "对象"));
            return null;
        }

        Known(json, path, errors, "remindAfterHours", "escalateAfterHours", "escalateTo", "autoAction");
        var remind = Optional(json, "remindAfterHours", out var r) ? Hours(r, $"{path}.remindAfterHours", errors) : null;
        var escalate = Optional(json, "escalateAfterHours", out var e) ? Hours(e, $"{path}.escalateAfterHours", errors) : null;
        var to = Optional(json, "escalateTo", out var t) ? ParseApprover(t, $"{path}.escalateTo", errors) : null;
        var auto = Optional(json, "autoAction", out var aa) ? Enum<AutoAction>(aa, $"{path}.autoAction", errors) : null;
        if (kind == StepKind.Notify)
        {
            errors.Add(new DefinitionError(path, "SlaOnNotify", "A notify-only step never waits, so it has no time limit.", "知会步骤不等待，不能设置时限。"));
        }

        if (to is not null && auto is not null)
        {
            errors.Add(new DefinitionError(path, "EscalateOrAuto", "On timeout either escalate or act automatically, not both.", "超时后只能升级或自动处理，不能两者兼有。"));
        }

        if (escalate is null && (to is not null || auto is not null))
        {
            errors.Add(DefinitionError.Required($"{path}.escalateAfterHours"));
        }

        if (escalate is not null && to is null && auto is null)
        {
            errors.Add(new DefinitionError($"{path}.escalateTo", "Required", "Say whom to escalate to (or set autoAction).", "请指定升级对象（或设置自动处理）。"));
        }

        if (remind is not null && escalate is not null && remind >= escalate)
        {
            errors.Add(new DefinitionError($"{path}.remindAfterHours", "RemindAfterEscalate", "The reminder must come before the escalation.", "提醒时间必须早于升级时间。"));
        }

        return new SlaDefinition(remind, escalate, to, auto);
    }

    private static ApproverRule? ParseApprover(JsonElement json, string path, List<DefinitionError> errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(DefinitionError.WrongType(path, "an approver rule object", "审批人规则对象"));
            return null;
        }

        Known(json, path, errors, "type", "levels", "role", "personId");
        if (!json.TryGetProperty("type", out var typeJson))
        {
            errors.Add(DefinitionError.Required($"{path}.type"));
            return null;
        }

        var type = Enum<ApproverType>(typeJson, $"{path}.type", errors);
        switch (type)
        {
            case ApproverType.Manager:
                var levels = Optional(json, "levels", out var l) ? Integer(l, $"{path}.levels", 1, 10, errors) : 1;
                return levels is null ? null : new ApproverRule(ApproverType.Manager, levels.Value);
            case ApproverType.DepartmentHead:
                return new ApproverRule(ApproverType.DepartmentHead);
            case ApproverType.Role:
                var role = RequiredText(json, "role", path, errors, 50);
                return role is null ? null : new ApproverRule(ApproverType.Role, Role: role);
            case ApproverType.Person:
                if (!json.TryGetProperty("personId", out var p) || p.ValueKind != JsonValueKind.String || !Guid.TryParse(p.GetString(), out var id))
                {
                    errors.Add(new DefinitionError($"{path}.personId", "Required", "Give the person's id.", "请指定人员编号（ID）。"));
                    return null;
                }

                return new ApproverRule(ApproverType.Person, PersonId: id);
            default:
                return null;
        }
    }

    private static Condition? ParseCondition(JsonElement json, string path, List<DefinitionError> errors, int depth)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(DefinitionError.WrongType(path, "a condition object", "条件对象"));
            return null;
        }

        if (depth > MaxDepth)
        {
            errors.Add(DefinitionError.OutOfRange(path, $"nested at most {MaxDepth} deep"));
            return null;
        }

        if (json.TryGetProperty("all", out var all) || json.TryGetProperty("any", out all))
        {
            var isAll = json.TryGetProperty("all", out _);
            Known(json, path, errors, isAll ? "all" : "any");
            var name = isAll ? "all" : "any";
            if (all.ValueKind != JsonValueKind.Array || all.GetArrayLength() == 0)
            {
                errors.Add(DefinitionError.WrongType($"{path}.{name}", "a non-empty list of conditions", "非空条件列表"));
                return null;
            }

            var parts = all.EnumerateArray().Select((c, i) => ParseCondition(c, $"{path}.{name}[{i}]", errors, depth + 1)).ToList();
            return parts.Any(p => p is null) ? null : isAll ? new AllOf(parts!) : new AnyOf(parts!);
        }

        if (json.TryGetProperty("not", out var not))
        {
            Known(json, path, errors, "not");
            var inner = ParseCondition(not, $"{path}.not", errors, depth + 1);
            return inner is null ? null : new NotOf(inner);
        }

        Known(json, path, errors, "field", "op", "value");
        if (!json.TryGetProperty("field", out var fieldJson))
        {
            errors.Add(new DefinitionError(path, "Required", "A condition needs 'field', 'op' and 'value' (or 'all', 'any', 'not').", "条件需要 field、op 和 value（或 all、any、not）。"));
            return null;
        }

        var field = Enum<ConditionField>(fieldJson, $"{path}.field", errors);
        var op = json.TryGetProperty("op", out var opJson) ? Enum<ConditionOp>(opJson, $"{path}.op", errors) : ConditionOp.Eq;
        if (field is null || op is null)
        {
            return null;
        }

        if (!json.TryGetProperty("value", out var value))
        {
            errors.Add(DefinitionError.Required($"{path}.value"));
            return null;
        }

        var ordered = op is ConditionOp.Gt or ConditionOp.Gte or ConditionOp.Lt or ConditionOp.Lte;
        if (field == ConditionField.Amount)
        {
            if (op is ConditionOp.In or ConditionOp.NotIn || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                errors.Add(DefinitionError.WrongType($"{path}.value", "a number compared with eq, ne, gt, gte, lt or lte", "数字（比较符 eq、ne、gt、gte、lt、lte）"));
                return null;
            }

            return new Compare(field.Value, op.Value, number, []);
        }

        if (ordered && field != ConditionField.Grade)
        {
            errors.Add(DefinitionError.Unknown($"{path}.op", Lower(op.Value.ToString()), ["eq", "ne", "in", "notIn"]));
            return null;
        }

        var values = value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) => value.EnumerateArray().Select(v => v.GetString()!).ToList(),
            _ => (List<string>?)null,
        };
        if (values is null || values.Count == 0 || values.Any(string.IsNullOrWhiteSpace) || (ordered && values.Count != 1))
        {
            errors.Add(DefinitionError.WrongType($"{path}.value", ordered ? "one grade code" : "a code or a list of codes", ordered ? "一个职级编码" : "编码或编码列表"));
            return null;
        }

        return new Compare(field.Value, op.Value, null, values.Select(v => v.Trim()).ToList());
    }

    private static void Known(JsonElement json, string path, List<DefinitionError> errors, params string[] names)
    {
        foreach (var property in json.EnumerateObject().Where(p => !names.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add(DefinitionError.UnknownProperty(path == "$" ? property.Name : $"{path}.{property.Name}"));
        }
    }

    private static bool Optional(JsonElement json, string name, out JsonElement value) =>
        json.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string? RequiredText(JsonElement json, string name, string path, List<DefinitionError> errors, int max)
    {
        if (!Optional(json, name, out var value))
        {
            errors.Add(DefinitionError.Required($"{path}.{name}"));
            return null;
        }

        return Text(value, $"{path}.{name}", errors, max);
    }

    private static string? Text(JsonElement value, string path, List<DefinitionError> errors, int max)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (string.IsNullOrEmpty(text) || text.Length > max)
        {
            errors.Add(text is null ? DefinitionError.WrongType(path, "text", "文本") : DefinitionError.OutOfRange(path, $"1 to {max} characters"));
            return null;
        }

        return text;
    }

    private static bool Bool(JsonElement value, string path, List<DefinitionError> errors)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add(DefinitionError.WrongType(path, "true or false", "true 或 false"));
        return false;
    }

    private static int? Integer(JsonElement value, string path, int min, int max, List<DefinitionError> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors.Add(DefinitionError.OutOfRange(path, $"a whole number from {min} to {max}"));
        return null;
    }

    private static double? Hours(JsonElement value, string path, List<DefinitionError> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var h) && h > 0 && h <= 24 * 365)
        {
            return h;
        }

        errors.Add(DefinitionError.OutOfRange(path, "a number of hours above 0 and at most 8760"));
        return null;
    }

    private static TEnum? Enum<TEnum>(JsonElement value, string path, List<DefinitionError> errors)
        where TEnum : struct, Enum
    {
        var names = System.Enum.GetNames<TEnum>().Select(Lower).ToList();
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text is not null && names.Contains(text, StringComparer.Ordinal) && System.Enum.TryParse<TEnum>(text, true, out var parsed))
        {
            return parsed;
        }

        errors.Add(DefinitionError.Unknown(path, text ?? value.GetRawText(), names));
        return null;
    }

    /// <summary>camelCase of an enum name, as written in definitions.</summary>
    public static string Lower(string name) => string.Create(CultureInfo.InvariantCulture, $"{char.ToLowerInvariant(name[0])}{name[1..]}");

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex KeyPattern();
}
