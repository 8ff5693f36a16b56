using System.Text.Json;
using ExpenseFlow.Payments.Domain.BankFiles;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.BankFiles;

public sealed class BankTemplateRulesTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static List<TemplateProblem> Check(string columns, string settings = "") =>
        BankTemplateRules.Check("ccb", "示例", Json($$"""{ "bankName": "中国建设银行", {{settings}} "columns": [{{columns}}] }"""));

    private const string Required = """
        { "header": "收款账号", "field": "PayeeAccount" }, { "header": "户名", "field": "PayeeName" }, { "header": "金额", "field": "Amount", "format": "0.00" }
        """;

    [Fact]
    public void Check_TheIcbcExample_HasNoProblem()
    {
        BankTemplateRules.Check("icbc", "示例：工商银行", Json(BankTemplateProfile.IcbcBatchPaymentExample.ToJson())).ShouldBeEmpty();
    }

    [Fact]
    public void TryParse_AValidTemplate_TakesTheCodeAsItsId()
    {
        var profile = BankTemplateRules.TryParse("ccb", "示例", Json($$"""{ "bankName": "中国建设银行", "columns": [{{Required}}] }"""), out var problems);

        problems.ShouldBeEmpty();
        profile.ShouldNotBeNull().Id.ShouldBe("ccb");
        profile.Columns.Select(c => c.Field).ShouldBe([TemplateField.PayeeAccount, TemplateField.PayeeName, TemplateField.Amount]);
    }

    [Fact]
    public void Check_AnUnknownField_NamesTheColumnAndTheFieldsThereAre()
    {
        var problem = Check(Required + """, { "header": "手续费", "field": "Fee" }""").ShouldHaveSingleItem();

        (problem.Path, problem.Code).ShouldBe(("profile.columns[3].field", "UnknownField"));
        problem.English.ShouldStartWith("Column 4 (手续费): 'Fee' is not a known field; fields: Sequence, PayerAccount");
        problem.Chinese.ShouldStartWith("第 4 列（手续费）：'Fee' 不是可用字段");
    }

    [Fact]
    public void Check_WithoutPayeeAccountNameOrAmount_SaysWhatIsMissing()
    {
        var problems = Check("""{ "header": "备注", "field": "Remark" }""");

        problems.Select(p => (p.Path, p.Code)).ShouldBe(Enumerable.Repeat(("profile.columns", "MissingField"), 3));
        problems.Select(p => p.English).ShouldContain(m => m.StartsWith("No column carries Amount", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0.00", true)]
    [InlineData("#,##0.00", true)]
    [InlineData("0.##", true)]
    [InlineData("0", false)]
    [InlineData("C", false)]
    [InlineData("X", false)]
    public void Check_AnAmountFormat_MustKeepTheCents(string format, bool valid)
    {
        var problems = Check($$"""{ "header": "收款账号", "field": "PayeeAccount" }, { "header": "户名", "field": "PayeeName" }, { "header": "金额", "field": "Amount", "format": "{{format}}" }""");

        problems.Count.ShouldBe(valid ? 0 : 1);
    }

    [Theory]
    [InlineData("yyyyMMdd", true)]
    [InlineData("yyyy-MM-dd", true)]
    [InlineData("yyyy", false)]
    [InlineData("MM-dd", false)]
    public void Check_ADateFormat_MustKeepTheDay(string format, bool valid)
    {
        Check(Required + $$""", { "header": "日期", "field": "ExecutionDate", "format": "{{format}}" }""").Count.ShouldBe(valid ? 0 : 1);
    }

    [Fact]
    public void Check_SettingsThatDoNotApplyToTheField_AreRefused()
    {
        var problems = Check(Required + """
            , { "header": "行号", "field": "PayeeBankCode", "maxLength": 6 }, { "header": "用途", "field": "Purpose", "format": "0.00", "value": "x" },
            { "header": "加急", "field": "Constant" }, { "header": "摘要", "field": "Remark", "maxLength": 0 }
            """);

        problems.Select(p => (p.Path, p.Code)).ShouldBe([
            ("profile.columns[3].maxLength", "MaxLengthNotAllowed"), ("profile.columns[4].format", "FormatNotAllowed"), ("profile.columns[4].value", "ValueNotAllowed"),
            ("profile.columns[5].value", "InvalidConstant"), ("profile.columns[6].maxLength", "InvalidMaxLength"),
        ]);
    }

    [Fact]
    public void Check_ValuesOfTheWrongType_AreProblems_NotExceptions()
    {
        var problems = Check(Required + """, { "header": 5, "field": 3 }, { "header": "备注", "field": "Remark", "maxLength": "abc" }""",
            """ "text": { "maxNameLength": "x" }, "sheetName": 7, "description": [], """);

        problems.Select(p => (p.Path, p.Code)).ShouldBe([
            ("profile.description", "InvalidDescription"), ("profile.sheetName", "InvalidSheetName"), ("profile.text", "InvalidText"),
            ("profile.columns[3].header", "InvalidHeader"), ("profile.columns[3].field", "UnknownField"), ("profile.columns[4].maxLength", "InvalidMaxLength"),
        ]);
    }

    [Fact]
    public void Check_HeadersMustBeUniqueAndPresent()
    {
        var problems = Check(Required + """, { "header": "金额", "field": "Remark" }, { "header": "  ", "field": "Remark" }""");

        problems.Select(p => (p.Path, p.Code)).ShouldBe([("profile.columns[3].header", "DuplicateHeader"), ("profile.columns[4].header", "InvalidHeader")]);
    }

    [Fact]
    public void Check_EncodingDelimiterSheetAndUnknownSettings_MustBeOffered()
    {
        var problems = Check(Required, """ "csvEncoding": "Big5", "csvDelimiter": "#", "sheetName": "a/b", "colums": [], """);

        problems.Select(p => p.Path).ShouldBe(["profile.colums", "profile.csvEncoding", "profile.csvDelimiter", "profile.sheetName"]);
        Check(Required, """ "csvEncoding": "Utf8WithBom", "csvDelimiter": "\t", "sheetName": "代发明细", """).ShouldBeEmpty();
        Check(Required, """ "csvEncoding": 1, """).Single().Code.ShouldBe("UnknownEncoding");
    }

    [Theory]
    [InlineData("icbc", true)]
    [InlineData("ccb-2026", true)]
    [InlineData("CCB", false)]
    [InlineData("-ccb", false)]
    [InlineData("ccb-", false)]
    [InlineData("a--b", false)]
    [InlineData("c.b", false)]
    [InlineData("", false)]
    [InlineData("new", false)]
    public void IsValidCode_TakesLowercaseLettersDigitsAndInnerHyphens(string code, bool valid)
    {
        BankTemplateRules.IsValidCode(code).ShouldBe(valid);
        BankTemplateRules.IsValidCode(new string('a', 41)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ccb-csv", "ccb", false)]
    [InlineData("ccb-2026-xlsx", "ccb-2026", true)]
    [InlineData("pain.001.001.09", null, false)]
    [InlineData("-csv", null, false)]
    [InlineData("CCB-csv", null, false)]
    public void ParseFormat_FindsTheTemplateCode(string format, string? code, bool xlsx)
    {
        var parsed = BankTemplate.ParseFormat(format);

        parsed?.Code.ShouldBe(code);
        (parsed is null).ShouldBe(code is null);
        if (parsed is { } p)
        {
            p.Xlsx.ShouldBe(xlsx);
        }
    }
}
