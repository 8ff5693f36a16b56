using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>
/// What Finance may save as a bank template. The profile is checked as JSON first, so every problem comes back at once
/// with its path and in words (an unknown field name, a column without a header, a delimiter the writer does not offer),
/// instead of the first exception the deserializer happens to throw.
/// </summary>
public static partial class BankTemplateRules
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 100;
    public const int MaxBankNameLength = 60;
    public const int MaxDescriptionLength = 200;
    public const int MaxColumns = 60;
    public const int MaxHeaderLength = 60;
    public const int MaxFormatLength = 20;
    public const int MaxConstantLength = 100;
    public const int MaxTextLength = 500;
    public const int MaxSheetNameLength = 31;

    /// <summary>Comma, semicolon, vertical bar, tab: what Chinese online banking upload pages take.</summary>
    public static IReadOnlyList<string> Delimiters { get; } = [",", ";", "|", "\t"];

    /// <summary>Without these a bank cannot pay anyone: whose account, which name, how much.</summary>
    public static IReadOnlyList<TemplateField> RequiredFields { get; } = [TemplateField.PayeeAccount, TemplateField.PayeeName, TemplateField.Amount];

    /// <summary>Free text is reduced to the bank's character set and cut to <see cref="TemplateColumn.MaxLength"/>.</summary>
    public static bool IsFreeText(TemplateField field) =>
        field is TemplateField.PayerName or TemplateField.PayerBankName or TemplateField.PayeeName or TemplateField.PayeeBankName
            or TemplateField.Purpose or TemplateField.Remark;

    /// <summary>Only amounts and dates have a .NET format.</summary>
    public static bool TakesFormat(TemplateField field) => field is TemplateField.Amount or TemplateField.ExecutionDate;

    // "new" names the portal's create page (/payments/templates/new), so no template may take it.
    public static bool IsValidCode(string? code) => code is { Length: > 0 and <= MaxCodeLength } && code != "new" && CodePattern().IsMatch(code);

    private static readonly string[] ProfileProperties = ["id", "bankName", "description", "columns", "csvEncoding", "csvDelimiter", "sheetName", "text"];

    /// <summary>
    /// The profile to store under <paramref name="code"/> (its id becomes the code), or null with every problem of the
    /// template in <paramref name="problems"/>.
    /// </summary>
    public static BankTemplateProfile? TryParse(string code, string? name, JsonElement profile, out List<TemplateProblem> problems)
    {
        problems = Check(code, name, profile);
        if (problems.Count > 0)
        {
            return null;
        }

        var node = JsonNode.Parse(profile.GetRawText())!.AsObject();
        node["id"] = code;
        try
        {
            return BankTemplateProfile.FromJson(node.ToJsonString());
        }
        catch (Exception ex) when (ex is JsonException or DomainException)
        {
            problems = [new("profile", "Unreadable", $"The profile cannot be read: {ex.Message}", $"无法读取模板配置：{ex.Message}")];
            return null;
        }
    }

    /// <summary>Every problem of the template, empty when it can be saved.</summary>
    public static List<TemplateProblem> Check(string code, string? name, JsonElement profile)
    {
        List<TemplateProblem> problems = [.. new[] { CodeProblem(code), NameProblem(name) }.OfType<TemplateProblem>()];
        if (profile.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("profile", "WrongType", "The profile must be a JSON object with bankName and columns.", "模板配置须为包含 bankName 和 columns 的 JSON 对象。"));
            return problems;
        }

        foreach (var property in profile.EnumerateObject().Where(p => !ProfileProperties.Contains(p.Name, StringComparer.Ordinal)))
        {
            problems.Add(new($"profile.{property.Name}", "UnknownSetting", $"'{property.Name}' is not a template setting; settings: {string.Join(", ", ProfileProperties)}.",
                $"“{property.Name}”不是模板配置项；可用配置项：{string.Join("、", ProfileProperties)}。"));
        }

        var bankName = Get(profile, "bankName");
        if (bankName is not { ValueKind: JsonValueKind.String } || string.IsNullOrWhiteSpace(bankName.Value.GetString()) || bankName.Value.GetString()!.Length > MaxBankNameLength)
        {
            problems.Add(new("profile.bankName", "InvalidBankName", $"The bank's name is required and has at most {MaxBankNameLength} characters.", $"银行名称为必填项，最多 {MaxBankNameLength} 个字符。"));
        }

        if (Get(profile, "description") is { } description && description.ValueKind != JsonValueKind.Null
            && (description.ValueKind != JsonValueKind.String || description.GetString()!.Length > MaxDescriptionLength))
        {
            problems.Add(new("profile.description", "InvalidDescription", $"The description is text of at most {MaxDescriptionLength} characters.", $"说明须为不超过 {MaxDescriptionLength} 个字符的文本。"));
        }

        CheckFileSettings(profile, problems);
        TemplateColumnRules.Check(Get(profile, "columns"), problems);
        return problems;
    }

    public static TemplateProblem? CodeProblem(string? code) => IsValidCode(code) ? null : new("code", "InvalidCode",
        $"The code '{code}' must be 1 to {MaxCodeLength} lowercase letters, digits or hyphens (not at the start or end) and not 'new', e.g. 'ccb'.",
        $"编码“{code}”须为 1 至 {MaxCodeLength} 个小写字母、数字或连字符（不能以连字符开头或结尾，且不能为“new”），例如“ccb”。");

    public static TemplateProblem? NameProblem(string? name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= MaxNameLength ? null : new("name", "InvalidName",
        $"The name is required and has at most {MaxNameLength} characters.", $"名称为必填项，最多 {MaxNameLength} 个字符。");

    private static void CheckFileSettings(JsonElement profile, List<TemplateProblem> problems)
    {
        var encodings = Enum.GetNames<TemplateCsvEncoding>();
        if (Get(profile, "csvEncoding") is { } encoding && !IsName(encoding, encodings))
        {
            problems.Add(new("profile.csvEncoding", "UnknownEncoding", $"The CSV encoding {Shown(encoding)} is not offered; choose {string.Join(" or ", encodings)}.",
                $"不支持 CSV 编码 {Shown(encoding)}；请选择 {string.Join(" 或 ", encodings)}。"));
        }

        if (Get(profile, "csvDelimiter") is { } delimiter && (delimiter.ValueKind != JsonValueKind.String || !Delimiters.Contains(delimiter.GetString()!)))
        {
            problems.Add(new("profile.csvDelimiter", "UnknownDelimiter", $"The CSV delimiter {Shown(delimiter)} is not offered; choose comma, semicolon, vertical bar or tab.",
                $"不支持 CSV 分隔符 {Shown(delimiter)}；请选择逗号、分号、竖线或制表符。"));
        }

        if (Get(profile, "sheetName") is { } sheet
            && (sheet.ValueKind != JsonValueKind.String || sheet.GetString()!.Trim().Length is 0 or > MaxSheetNameLength || sheet.GetString()!.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0))
        {
            problems.Add(new("profile.sheetName", "InvalidSheetName", $"The sheet name must be 1 to {MaxSheetNameLength} characters without [ ] : * ? / \\ (Excel's rule).",
                $"工作表名称须为 1 至 {MaxSheetNameLength} 个字符，且不含 [ ] : * ? / \\（Excel 的规定）。"));
        }

        if (Get(profile, "text") is { } text && text.ValueKind != JsonValueKind.Null)
        {
            var sets = Enum.GetNames<BankCharacterSet>();
            var valid = text.ValueKind == JsonValueKind.Object && (Get(text, "characterSet") is not { } set || IsName(set, sets))
                && text.EnumerateObject().All(p => p.Name == "characterSet"
                    || (p.Name == "replacement" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Length == 1)
                    || (p.Name is "maxNameLength" or "maxRemittanceLength" or "maxIdentifierLength" && p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var n) && n is >= 1 and <= MaxTextLength
                        && (p.Name != "maxIdentifierLength" || n <= 35)));
            if (!valid)
            {
                problems.Add(new("profile.text", "InvalidText", $"Text rules take characterSet ({string.Join(" or ", sets)}), a one-character replacement and lengths from 1 to {MaxTextLength}.",
                    $"文本规则包括 characterSet（{string.Join(" 或 ", sets)}）、单个替换字符和 1 至 {MaxTextLength} 的长度。"));
            }
        }
    }

    /// <summary>A property by its exact (camelCase) name, as the deserializer binds it.</summary>
    internal static JsonElement? Get(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) ? value : null;

    /// <summary>A string naming one of <paramref name="names"/> (case-insensitive); numbers are not accepted for enums.</summary>
    internal static bool IsName(JsonElement value, string[] names) =>
        value.ValueKind == JsonValueKind.String && names.Contains(value.GetString(), StringComparer.OrdinalIgnoreCase);

    internal static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
