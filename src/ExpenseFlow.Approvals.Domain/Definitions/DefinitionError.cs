using System.Globalization;

namespace ExpenseFlow.Approvals.Domain.Definitions;

/// <summary>One invalid part of a flow definition: where (a JSON path such as <c>steps[1].approvers[0].type</c>), a stable code, a message in both languages.</summary>
public sealed record DefinitionError(string Path, string Code, string English, string Chinese)
{
    public string Message(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    internal static DefinitionError Required(string path) => new(path, "Required", "This value is required.", "此项为必填。");

    internal static DefinitionError WrongType(string path, string expected, string expectedZh) =>
        new(path, "WrongType", $"Expected {expected}.", $"应为{expectedZh}。");

    internal static DefinitionError Unknown(string path, string value, IEnumerable<string> allowed) =>
        new(path, "UnknownValue", $"'{value}' is not allowed here; use one of: {string.Join(", ", allowed)}.", $"此处不允许“{value}”，可选值：{string.Join("、", allowed)}。");

    internal static DefinitionError UnknownProperty(string path) =>
        new(path, "UnknownProperty", "This property is not part of a flow definition.", "流程定义中没有此属性。");

    internal static DefinitionError OutOfRange(string path, string range) =>
        new(path, "OutOfRange", $"The value must be {range}.", $"取值必须为{range}。");
}
