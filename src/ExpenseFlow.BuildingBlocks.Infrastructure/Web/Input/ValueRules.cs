using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ExpenseFlow.BuildingBlocks.Input;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web.Input;

/// <summary>The rules one position of a request declares (a parameter, a property, the items of a list).</summary>
internal sealed record ValueRules(
    string Name,
    bool NullAllowed,
    int? MaxLength,
    CodeAttribute? Code,
    bool Currency,
    MoneyAttribute? Money,
    NumberAttribute? Number,
    RangeAttribute? Range,
    int? MaxItems,
    bool KeepAsTyped)
{
    public static ValueRules From(string name, ICustomAttributeProvider? primary, ICustomAttributeProvider? secondary, bool nullAllowed)
    {
        T? Find<T>()
            where T : Attribute =>
            primary?.GetCustomAttributes(typeof(T), true).OfType<T>().FirstOrDefault()
            ?? secondary?.GetCustomAttributes(typeof(T), true).OfType<T>().FirstOrDefault();

        var code = Find<CodeAttribute>();
        var maxLength = code?.MaxLength ?? Find<MaxLengthAttribute>()?.Length ?? Find<StringLengthAttribute>()?.MaximumLength;
        // A password is compared as typed: normalising it would change what existing hashes were made from.
        var keep = name.Contains("password", StringComparison.OrdinalIgnoreCase);
        return new ValueRules(name, nullAllowed, maxLength, code, Find<CurrencyAttribute>() is not null, Find<MoneyAttribute>(), Find<NumberAttribute>(),
            Find<RangeAttribute>(), Find<MaxItemsAttribute>()?.Count, keep);
    }
}

/// <summary>How the properties of one request type are checked, built once per type.</summary>
internal sealed class TypePlan
{
    private static readonly ConcurrentDictionary<Type, TypePlan?> Plans = new();
    private static readonly Lock NullabilityLock = new();
    private static readonly NullabilityInfoContext Nullability = new();

    private TypePlan(IReadOnlyList<(PropertyInfo Property, ValueRules Rules)> properties, IReadOnlyList<(int From, int To)> ranges)
    {
        Properties = properties;
        Ranges = ranges;
    }

    public IReadOnlyList<(PropertyInfo Property, ValueRules Rules)> Properties { get; }

    /// <summary>Pairs of date properties that form a range (From/To, Start/End): the first may not be after the second.</summary>
    public IReadOnlyList<(int From, int To)> Ranges { get; }

    /// <summary>A plan for the request types of this product (records), null for anything else (services, framework types).</summary>
    public static TypePlan? For(Type type) => Plans.GetOrAdd(type, Build);

    public static bool IsRequestType(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("ExpenseFlow", StringComparison.Ordinal) == true
        && !type.IsInterface && !type.IsAbstract && !type.IsEnum
        && (type.GetMethod("<Clone>$") is not null
            || type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is not null);

    public static bool AllowsNull(ParameterInfo parameter)
    {
        if (parameter.ParameterType.IsValueType)
        {
            return Nullable.GetUnderlyingType(parameter.ParameterType) is not null;
        }

        lock (NullabilityLock)
        {
            return Nullability.Create(parameter).WriteState != NullabilityState.NotNull;
        }
    }

    private static TypePlan? Build(Type type)
    {
        if (!IsRequestType(type))
        {
            return null;
        }

        var constructorParameters = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters() ?? [];
        var properties = new List<(PropertyInfo, ValueRules)>();
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || property.Name == "EqualityContract"
                || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var parameter = constructorParameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            bool nullAllowed;
            lock (NullabilityLock)
            {
                nullAllowed = property.PropertyType.IsValueType || Nullability.Create(property).WriteState != NullabilityState.NotNull;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            properties.Add((property, ValueRules.From(name, property, parameter, nullAllowed)));
        }

        return new TypePlan(properties, RangePairs(properties.Select(p => p.Item1.Name).ToList()));
    }

    internal static List<(int From, int To)> RangePairs(IReadOnlyList<string> names)
    {
        var pairs = new List<(int, int)>();
        for (var i = 0; i < names.Count; i++)
        {
            foreach (var (start, end) in new[] { ("From", "To"), ("Start", "End"), ("StartDate", "EndDate") })
            {
                if (!names[i].EndsWith(start, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var partner = string.Concat(names[i].AsSpan(0, names[i].Length - start.Length), end);
                var j = names.ToList().FindIndex(n => string.Equals(n, partner, StringComparison.OrdinalIgnoreCase));
                if (j >= 0)
                {
                    pairs.Add((i, j));
                }
            }
        }

        return pairs;
    }
}
