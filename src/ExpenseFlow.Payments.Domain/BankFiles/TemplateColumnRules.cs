using System.Globalization;
using System.Text.Json;
using static ExpenseFlow.Payments.Domain.BankFiles.BankTemplateRules;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>The columns of a bank template: each one named, filled from a known field, formatted so the bank reads the right value.</summary>
internal static class TemplateColumnRules
{
    private static readonly string[] ColumnProperties = ["header", "field", "format", "value", "maxLength"];
    private static readonly string[] FieldNames = Enum.GetNames<TemplateField>();

    public static void Check(JsonElement? columns, List<TemplateProblem> problems)
    {
        if (columns is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() is 0 or > MaxColumns)
        {
            problems.Add(new("profile.columns", "InvalidColumns", $"The template needs 1 to {MaxColumns} columns.", $"模板须有 1 至 {MaxColumns} 列。"));
            return;
        }

        var fields = new List<TemplateField>();
        var headers = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var column in list.EnumerateArray())
        {
            var path = $"profile.columns[{index}]";
            index++;
            if (column.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(path, "WrongType", $"Column {index} must be an object with header and field.", $"第 {index} 列须为包含 header 和 field 的对象。"));
                continue;
            }

            var header = Get(column, "header") is { ValueKind: JsonValueKind.String } h ? h.GetString()!.Trim() : "";
            var (en, zh) = header.Length > 0 ? ($"Column {index} ({header})", $"第 {index} 列（{header}）") : ($"Column {index}", $"第 {index} 列");
            foreach (var property in column.EnumerateObject().Where(p => !ColumnProperties.Contains(p.Name, StringComparer.Ordinal)))
            {
                problems.Add(new($"{path}.{property.Name}", "UnknownSetting", $"{en}: '{property.Name}' is not a column setting; settings: {string.Join(", ", ColumnProperties)}.",
                    $"{zh}：“{property.Name}”不是列的配置项；可用配置项：{string.Join("、", ColumnProperties)}。"));
            }

            if (header.Length == 0 || header.Length > MaxHeaderLength || header.Any(char.IsControl))
            {
                problems.Add(new($"{path}.header", "InvalidHeader", $"{en}: the header is required, at most {MaxHeaderLength} characters on one line.",
                    $"{zh}：表头为必填项，最多 {MaxHeaderLength} 个字符且不能换行。"));
            }
            else if (!headers.Add(header))
            {
                problems.Add(new($"{path}.header", "DuplicateHeader", $"{en}: the header '{header}' appears twice.", $"{zh}：表头“{header}”重复出现。"));
            }

            if (Get(column, "field") is not { } fieldValue || !IsName(fieldValue, FieldNames))
            {
                var shown = Get(column, "field") is { } f ? Shown(f) : "(none)";
                problems.Add(new($"{path}.field", "UnknownField", $"{en}: {shown} is not a known field; fields: {string.Join(", ", FieldNames)}.",
                    $"{zh}：{(shown == "(none)" ? "未指定字段" : shown + " 不是可用字段")}；可用字段：{string.Join("、", FieldNames)}。"));
                continue;
            }

            var field = Enum.Parse<TemplateField>(fieldValue.GetString()!, ignoreCase: true);
            fields.Add(field);
            CheckFormat(Get(column, "format"), field, path, en, zh, problems);
            CheckValue(Get(column, "value"), field, path, en, zh, problems);
            CheckMaxLength(Get(column, "maxLength"), field, path, en, zh, problems);
        }

        foreach (var missing in RequiredFields.Where(f => !fields.Contains(f)))
        {
            problems.Add(new("profile.columns", "MissingField", $"No column carries {missing}; a bank needs the payee's account, the payee's name and the amount.",
                $"没有列填写 {missing}；银行付款必须有收款账号、收款户名和金额。"));
        }
    }

    private static void CheckFormat(JsonElement? format, TemplateField field, string path, string en, string zh, List<TemplateProblem> problems)
    {
        if (format is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (!TakesFormat(field))
        {
            problems.Add(new($"{path}.format", "FormatNotAllowed", $"{en}: only Amount and ExecutionDate columns take a format.", $"{zh}：只有 Amount 和 ExecutionDate 列可以设置格式。"));
            return;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var ok = text.Length is > 0 and <= MaxFormatLength && (field == TemplateField.Amount ? KeepsAmount(text) : KeepsDate(text));
        if (!ok)
        {
            var (example, exampleZh) = field == TemplateField.Amount
                ? ("an amount format that keeps the cents, e.g. 0.00 or #,##0.00", "保留到分的金额格式，例如 0.00 或 #,##0.00")
                : ("a date format with year, month and day, e.g. yyyyMMdd or yyyy-MM-dd", "包含年月日的日期格式，例如 yyyyMMdd 或 yyyy-MM-dd");
            problems.Add(new($"{path}.format", "InvalidFormat", $"{en}: {Shown(value)} is not {example}.", $"{zh}：{Shown(value)} 不是{exampleZh}。"));
        }
    }

    private static void CheckValue(JsonElement? value, TemplateField field, string path, string en, string zh, List<TemplateProblem> problems)
    {
        var given = value is { ValueKind: not JsonValueKind.Null };
        if (field == TemplateField.Constant)
        {
            if (value is not { ValueKind: JsonValueKind.String } text || text.GetString()!.Length > MaxConstantLength || text.GetString()!.Any(char.IsControl))
            {
                problems.Add(new($"{path}.value", "InvalidConstant", $"{en}: a Constant column needs its text (at most {MaxConstantLength} characters).",
                    $"{zh}：固定值列须填写其内容（最多 {MaxConstantLength} 个字符）。"));
            }
        }
        else if (given)
        {
            problems.Add(new($"{path}.value", "ValueNotAllowed", $"{en}: only Constant columns take a fixed value.", $"{zh}：只有固定值（Constant）列可以填写固定内容。"));
        }
    }

    private static void CheckMaxLength(JsonElement? maxLength, TemplateField field, string path, string en, string zh, List<TemplateProblem> problems)
    {
        if (maxLength is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (!IsFreeText(field))
        {
            problems.Add(new($"{path}.maxLength", "MaxLengthNotAllowed", $"{en}: only names, bank names, purpose and remark are cut to a length; accounts and amounts never are.",
                $"{zh}：只有户名、行名、用途和备注可以限制长度；账号和金额不会被截断。"));
        }
        else if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n) || n is < 1 or > MaxTextLength)
        {
            problems.Add(new($"{path}.maxLength", "InvalidMaxLength", $"{en}: the maximum length is a whole number from 1 to {MaxTextLength}.", $"{zh}：最大长度须为 1 至 {MaxTextLength} 的整数。"));
        }
    }

    /// <summary>The bank must read back exactly the amount we pay: the format may group thousands but never round.</summary>
    private static bool KeepsAmount(string format) => new[] { 1234567.89m, 0.05m, 100m }.All(amount =>
    {
        try
        {
            var text = amount.ToString(format, CultureInfo.InvariantCulture);
            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var back) && back == amount;
        }
        catch (FormatException)
        {
            return false;
        }
    });

    private static bool KeepsDate(string format) => new[] { new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 5) }.All(date =>
    {
        try
        {
            var text = date.ToString(format, CultureInfo.InvariantCulture);
            return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == date;
        }
        catch (FormatException)
        {
            return false;
        }
    });
}
