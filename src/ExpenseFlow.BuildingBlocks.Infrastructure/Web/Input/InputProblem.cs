using System.Globalization;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web.Input;

/// <summary>Why one value of a request was refused, in both languages; the field's key says which value.</summary>
public sealed record InputProblem(string Rule, string English, string Chinese)
{
    public static readonly InputProblem ControlCharacter = new("ControlCharacter",
        "Contains a control or text-direction character (e.g. NUL or U+202E), which is not allowed.", "包含不允许的控制字符或文字方向字符（如 NUL 或 U+202E）。");

    public static readonly InputProblem BrokenCharacter = new("BrokenCharacter",
        "Contains half of a character (an unpaired surrogate); the text is damaged.", "包含不完整的字符（孤立的代理项），文本已损坏。");

    public static readonly InputProblem Required = new("Required", "A value is required.", "此项为必填。");

    public static readonly InputProblem NullItem = new("NullItem", "A list may not contain empty (null) items.", "列表中不能有空（null）项。");

    public static readonly InputProblem NotCode = new("NotCode",
        "A code may contain only letters, digits, '.', '_' and '-', and starts with a letter or digit.", "代码只能包含字母、数字、“.”、“_”和“-”，并以字母或数字开头。");

    public static readonly InputProblem NotCurrency = new("NotCurrency", "A currency is a three-letter ISO 4217 code such as CNY.", "币种须为三个字母的 ISO 4217 代码，如 CNY。");

    public static readonly InputProblem MoneyDecimals = new("MoneyDecimals", "An amount of money has at most two decimals.", "金额最多两位小数。");

    public static readonly InputProblem NegativeMoney = new("NegativeMoney", "An amount may not be negative here.", "此处金额不能为负数。");

    public static readonly InputProblem DateOutOfRange = new("DateOutOfRange", "The date must be between 2000-01-01 and 2100-12-31.", "日期须在 2000-01-01 至 2100-12-31 之间。");

    public static readonly InputProblem RangeReversed = new("RangeReversed", "The start of the range is after its end.", "范围的开始晚于结束。");

    public static InputProblem TooLong(int max) => new("TooLong", $"At most {max} characters.", $"最多 {max} 个字符。");

    public static InputProblem TooMany(int max) => new("TooManyItems", $"At most {max} items.", $"最多 {max} 项。");

    public static InputProblem OutOfRange(decimal min, decimal max) => new("OutOfRange",
        $"Must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.",
        $"须在 {min.ToString(CultureInfo.InvariantCulture)} 至 {max.ToString(CultureInfo.InvariantCulture)} 之间。");

    public static InputProblem TooManyDecimals(int decimals) => new("TooManyDecimals", $"At most {decimals} decimals.", $"最多 {decimals} 位小数。");

    public string Message(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
