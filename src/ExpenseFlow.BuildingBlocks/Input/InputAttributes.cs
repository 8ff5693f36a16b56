namespace ExpenseFlow.BuildingBlocks.Input;

// The input rules a request property or parameter can declare. The API edge (BuildingBlocks.Infrastructure
// Web/InputRules) applies them to every endpoint; what a property does not declare gets the defaults of
// InputLimits. A string's maximum length is declared with [MaxLength(n)] from System.ComponentModel.DataAnnotations,
// using the same constant as the column's HasMaxLength, so the two cannot drift.

/// <summary>
/// A new code or identifier (grade, cost centre, department, flow) — declared where a code is created or changed; a
/// reference to an existing code declares only its length, so a code stored before this rule still works.
/// A code: letters, digits, '.', '_' and '-', starting
/// with a letter or digit — no spaces, controls, zero-width or direction characters, so it is safe in a URL and a header.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CodeAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;
}

/// <summary>An ISO 4217 currency code: three letters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CurrencyAttribute : Attribute;

/// <summary>An amount of money: at most two decimals and at most <see cref="InputLimits.MaxMoney"/> in magnitude; negative only when allowed.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MoneyAttribute : Attribute
{
    public bool AllowNegative { get; init; }
}

/// <summary>A number with its own range and number of decimals (e.g. an exchange rate).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NumberAttribute(double minimum, double maximum, int decimals) : Attribute
{
    public decimal Minimum { get; } = (decimal)minimum;

    public decimal Maximum { get; } = (decimal)maximum;

    public int Decimals { get; } = decimals;
}

/// <summary>At most this many items in a collection (the default is <see cref="InputLimits.MaxItems"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MaxItemsAttribute(int count) : Attribute
{
    public int Count { get; } = count;
}

/// <summary>The bounds every input gets unless it declares its own.</summary>
public static class InputLimits
{
    /// <summary>Free text without a declared length (a column's [MaxLength] is smaller and wins).</summary>
    public const int MaxText = 4000;

    public const int MaxItems = 1000;

    /// <summary>Money: numeric(18,2) holds 16 integer digits; a claim never comes near a trillion.</summary>
    public const decimal MaxMoney = 999_999_999_999.99m;

    /// <summary>Any other decimal without a declared range.</summary>
    public const decimal MaxNumber = 1_000_000_000_000_000m;

    public const int MaxDecimals = 6;

    public static readonly DateOnly MinDate = new(2000, 1, 1);

    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    public const int MaxPage = 100_000;

    public const int MaxPageSize = 500;
}
