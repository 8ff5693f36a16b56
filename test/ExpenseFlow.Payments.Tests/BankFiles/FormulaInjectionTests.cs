using System.Xml.Linq;
using ExpenseFlow.Payments.Domain.Accounting;
using ExpenseFlow.Payments.Domain.BankFiles;
using MiniExcelLibs;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.BankFiles;

/// <summary>A payee name that is a spreadsheet formula, through every file Payments writes, and the banks' character rules.</summary>
public sealed class FormulaInjectionTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"a\")";

    private static PaymentFile Hostile(string name)
    {
        var file = SamplePayments.Yuan();
        return file with { Instructions = [file.Instructions[0] with { CreditorName = name }, file.Instructions[1]] };
    }

    [Fact]
    public void TemplateThatTakesAnyUnicode_QuotesTheFormula_InCsvAndXlsx()
    {
        var profile = BankTemplateProfile.IcbcBatchPaymentExample with { Text = new BankTextProfile { CharacterSet = BankCharacterSet.Unicode }, CsvEncoding = TemplateCsvEncoding.Utf8WithBom };
        var writer = new BankTemplateWriter(profile);

        var csv = System.Text.Encoding.UTF8.GetString(writer.WriteCsv(Hostile(Hyperlink)));
        using var xlsx = new MemoryStream(writer.WriteXlsx(Hostile(Hyperlink)));
        var row = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().First();

        csv.ShouldContain("\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"");
        row["收款户名"].ShouldBe("'" + Hyperlink);
    }

    [Fact]
    public void ChineseBankTemplate_DropsWhatNoNameHas_AndQuotesWhatRemainsFormulaLike()
    {
        var writer = new BankTemplateWriter(BankTemplateProfile.IcbcBatchPaymentExample);

        writer.Rows(Hostile(Hyperlink))[0][2].ShouldBe("HYPERLINK('http://x','a')");
        writer.Rows(Hostile("@SUM(1+1)"))[0][2].ShouldBe("SUM(1+1)");
        writer.Rows(Hostile("-2+3"))[0][2].ShouldBe("'-2+3");
        writer.Rows(Hostile("上海示例（北京）有限公司"))[0][2].ShouldBe("上海示例（北京）有限公司");
    }

    [Fact]
    public void QuotedName_StaysWithinTheColumnsLimit()
    {
        var writer = new BankTemplateWriter(BankTemplateProfile.IcbcBatchPaymentExample);

        var cell = writer.Rows(Hostile("-" + new string('A', 100)))[0][2];

        cell.Length.ShouldBe(60, "the ICBC example allows 60 characters in 收款户名, the quote included");
        cell.ShouldStartWith("'-AAA");
    }

    [Theory]
    [InlineData(Hyperlink, "HYPERLINK('http://x','a')")]
    [InlineData("阿卜杜·热合曼", "阿卜杜·热合曼")]
    [InlineData("𠮷野家（上海）", "𠮷野家（上海）")]
    [InlineData("José <b>&\"x\"; 100%", "Jose b +'x' 100")]
    [InlineData("张三\u0000\u202E", "张三")]
    public void ChineseBankCharacterSet_KeepsChineseNames_AndReplacesSymbols(string name, string expected)
    {
        TextReducer.Reduce(name, BankTextProfile.ChineseDomestic, 140).ShouldBe(expected);
    }

    [Fact]
    public void YuanPain001_NamesFollowTheChineseBankSet_AndEuroOnesTheSwiftSet()
    {
        var ns = XNamespace.Get(Pain001Writer.Namespace(Pain001Version.V09));
        var yuan = XDocument.Parse(System.Text.Encoding.UTF8.GetString(new Pain001Writer(new Pain001Options { Text = BankTextProfile.ChineseDomestic }).Write(Hostile(Hyperlink))));
        var euroFile = SamplePayments.Euro(1);
        euroFile = euroFile with { Instructions = [euroFile.Instructions[0] with { CreditorName = "张三 " + Hyperlink }] };
        var euro = XDocument.Parse(System.Text.Encoding.UTF8.GetString(new Pain001Writer().Write(euroFile)));

        yuan.Descendants(ns + "Cdtr").Select(c => c.Element(ns + "Nm")!.Value).ShouldBe(["HYPERLINK('http://x','a')", "李四"]);
        euro.Descendants(ns + "Cdtr").Single().Element(ns + "Nm")!.Value.ShouldBe("HYPERLINK('http://x','a')");
    }

    [Fact]
    public void Journal_QuotesFormulaCells_InCsvAndXlsx()
    {
        JournalLine[] lines = [new(1, 1, new DateOnly(2026, 11, 25), "660201", "@cmd|' /C calc'!A0", 10m, 0m, "=1+1")];

        var csv = System.Text.Encoding.UTF8.GetString(JournalBuilder.WriteCsv(lines));
        using var xlsx = new MemoryStream(JournalBuilder.WriteXlsx(lines));
        var row = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();

        csv.ShouldContain(",'@cmd|' /C calc'!A0,10.00,,'=1+1");
        (row["摘要"], row["参考"]).ShouldBe(("'@cmd|' /C calc'!A0", "'=1+1"));
    }
}
