using System.Collections;
using System.Globalization;
using System.Text.Json;
using ExpenseFlow.BuildingBlocks.Input;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web.Input;

/// <summary>
/// Walks one bound request value (a parameter, a body with its nested objects and lists) and applies the declared
/// rules and the defaults of <see cref="InputLimits"/>; collects every problem under the value's path and gives back
/// the value with its text normalised.
/// </summary>
internal sealed class InputChecker
{
    private const int MaxDepth = 32;
    private readonly Dictionary<string, List<string>> _problems = new(StringComparer.Ordinal);
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public bool HasProblems => _problems.Count > 0;

    public IReadOnlyDictionary<string, string[]> Problems => _problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string path, InputProblem problem)
    {
        if (!_problems.TryGetValue(path, out var list))
        {
            _problems[path] = list = [];
        }

        var message = problem.Message(_culture);
        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    public object? Check(object? value, ValueRules rules, string path, int depth = 0)
    {
        if (value is null)
        {
            if (!rules.NullAllowed)
            {
                Add(path, InputProblem.Required);
            }

            return null;
        }

        if (depth > MaxDepth)
        {
            return value;
        }

        switch (value)
        {
            case string text:
                return CheckText(text, rules, path);
            case decimal number:
                CheckDecimal(number, rules, path);
                return value;
            case double or float:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (!double.IsFinite(d) || Math.Abs(d) > (double)InputLimits.MaxNumber)
                {
                    Add(path, InputProblem.OutOfRange(-InputLimits.MaxNumber, InputLimits.MaxNumber));
                }

                return value;
            case int or long or short:
                CheckInteger(Convert.ToInt64(value, CultureInfo.InvariantCulture), rules, path);
                return value;
            case DateOnly date:
                CheckDate(date, path);
                return value;
            case DateTime time:
                CheckDate(DateOnly.FromDateTime(time), path);
                return value;
            case DateTimeOffset offset:
                CheckDate(DateOnly.FromDateTime(offset.UtcDateTime), path);
                return value;
            case JsonElement element:
                CheckJson(element, path, depth);
                return value;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key as string ?? Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    CheckText(key, rules with { Code = null, MaxLength = 200 }, $"{path}.{key}");
                    Check(entry.Value, rules with { NullAllowed = true }, $"{path}.{key}", depth + 1);
                }

                return value;
            case IEnumerable items:
                return CheckItems(items, rules, path, depth);
        }

        if (TypePlan.For(value.GetType()) is { } plan)
        {
            CheckObject(value, plan, path, depth);
        }

        return value;
    }

    public void CheckRange(object? from, object? to, string fromPath, string toPath)
    {
        if (ComparableDate(from) is { } start && ComparableDate(to) is { } end && start > end)
        {
            Add(fromPath, InputProblem.RangeReversed);
            Add(toPath, InputProblem.RangeReversed);
        }
    }

    private static DateTime? ComparableDate(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime t => t.ToUniversalTime(),
        DateTimeOffset o => o.UtcDateTime,
        _ => null,
    };

    private void CheckObject(object value, TypePlan plan, string path, int depth)
    {
        var values = new object?[plan.Properties.Count];
        for (var i = 0; i < plan.Properties.Count; i++)
        {
            var (property, rules) = plan.Properties[i];
            var current = property.GetValue(value);
            var checkedValue = Check(current, rules, Join(path, rules.Name), depth + 1);
            values[i] = checkedValue;
            if (!ReferenceEquals(current, checkedValue) && property.CanWrite)
            {
                property.SetValue(value, checkedValue);
            }
        }

        foreach (var (from, to) in plan.Ranges)
        {
            CheckRange(values[from], values[to], Join(path, plan.Properties[from].Rules.Name), Join(path, plan.Properties[to].Rules.Name));
        }
    }

    private object CheckItems(IEnumerable items, ValueRules rules, string path, int depth)
    {
        var max = rules.MaxItems ?? InputLimits.MaxItems;
        var itemRules = rules with { NullAllowed = false, MaxItems = null };
        if (items is IList { IsReadOnly: false } list)
        {
            // By index: a List<T> refuses to go on enumerating after an item is replaced.
            for (var i = 0; i < list.Count; i++)
            {
                if (i >= max)
                {
                    Add(path, InputProblem.TooMany(max));
                    break;
                }

                var item = list[i];
                var checkedItem = CheckItem(item, itemRules, $"{path}[{i}]", depth);
                if (!ReferenceEquals(item, checkedItem))
                {
                    list[i] = checkedItem;
                }
            }

            return items;
        }

        var index = 0;
        foreach (var item in items)
        {
            if (index >= max)
            {
                Add(path, InputProblem.TooMany(max));
                break;
            }

            CheckItem(item, itemRules, $"{path}[{index++}]", depth);
        }

        return items;
    }

    private object? CheckItem(object? item, ValueRules itemRules, string itemPath, int depth)
    {
        if (item is null)
        {
            Add(itemPath, InputProblem.NullItem);
            return null;
        }

        return Check(item, itemRules, itemPath, depth + 1);
    }

    private string CheckText(string text, ValueRules rules, string path)
    {
        if (TextRules.Clean(text, out var clean) is { } problem)
        {
            Add(path, problem);
            return text;
        }

        if (rules.KeepAsTyped)
        {
            clean = text;
        }

        var max = rules.MaxLength ?? InputLimits.MaxText;
        if (TextRules.Length(clean) > max)
        {
            Add(path, InputProblem.TooLong(max));
        }

        // A code is checked as sent: a zero-width character in it is refused, not silently dropped.
        var trimmed = (rules.Code is null ? clean : text).Trim();
        if (rules.Code is not null && trimmed.Length > 0 && !TextRules.IsCode(trimmed))
        {
            Add(path, InputProblem.NotCode);
        }

        if (rules.Currency && trimmed.Length > 0 && !TextRules.IsCurrency(trimmed))
        {
            Add(path, InputProblem.NotCurrency);
        }

        return clean;
    }

    private void CheckDecimal(decimal number, ValueRules rules, string path)
    {
        if (rules.Money is { } money)
        {
            if (Math.Abs(number) > InputLimits.MaxMoney)
            {
                Add(path, InputProblem.OutOfRange(money.AllowNegative ? -InputLimits.MaxMoney : 0, InputLimits.MaxMoney));
            }
            else if (number < 0 && !money.AllowNegative)
            {
                Add(path, InputProblem.NegativeMoney);
            }

            if (number != Math.Round(number, 2))
            {
                Add(path, InputProblem.MoneyDecimals);
            }

            return;
        }

        var (min, max, decimals) = rules.Number is { } declared
            ? (declared.Minimum, declared.Maximum, declared.Decimals)
            : (-InputLimits.MaxNumber, InputLimits.MaxNumber, 28);
        if (number < min || number > max)
        {
            Add(path, InputProblem.OutOfRange(min, max));
        }

        if (decimals < 28 && number != Math.Round(number, decimals))
        {
            Add(path, InputProblem.TooManyDecimals(decimals));
        }
    }

    private void CheckInteger(long number, ValueRules rules, string path)
    {
        var (min, max) = rules.Range is { } range
            ? (Convert.ToInt64(range.Minimum, CultureInfo.InvariantCulture), Convert.ToInt64(range.Maximum, CultureInfo.InvariantCulture))
            : rules.Name switch
            {
                "page" => (1L, (long)InputLimits.MaxPage),
                "pageSize" => (1L, (long)InputLimits.MaxPageSize),
                _ => (long.MinValue, long.MaxValue),
            };
        if (number < min || number > max)
        {
            Add(path, InputProblem.OutOfRange(min, max));
        }
    }

    private void CheckDate(DateOnly date, string path)
    {
        if (date < InputLimits.MinDate || date > InputLimits.MaxDate)
        {
            Add(path, InputProblem.DateOutOfRange);
        }
    }

    private void CheckJson(JsonElement element, string path, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (Text(element) is not { } text)
                {
                    Add(path, InputProblem.BrokenCharacter);
                }
                else if (TextRules.Clean(text, out _) is { } problem)
                {
                    Add(path, problem);
                }

                break;
            case JsonValueKind.Object when depth < MaxDepth:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        Add(path, InputProblem.BrokenCharacter);
                        continue;
                    }

                    if (TextRules.Clean(name, out _) is { } nameProblem)
                    {
                        Add(path, nameProblem);
                        continue;
                    }

                    CheckJson(property.Value, $"{path}.{name}", depth + 1);
                }

                break;
            case JsonValueKind.Array when depth < MaxDepth:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckJson(item, $"{path}[{index++}]", depth + 1);
                }

                break;
        }
    }

    /// <summary>The string, or null when it is not text (an escaped half of a surrogate pair, which the reader refuses to decode).</summary>
    private static string? Text(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
