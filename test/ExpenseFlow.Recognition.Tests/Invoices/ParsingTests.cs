using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Tests.Invoices;

public class ParsingTests
{
    [Theory]
    [InlineData("2020年07月23日", 2020, 7, 23)]
    [InlineData("开票日期：2024年1月5日", 2024, 1, 5)]
    [InlineData("2018-04-18", 2018, 4, 18)]
    [InlineData("18/04/2018 20:27", 2018, 4, 18)]
    [InlineData("DATE: 25-12-17", 2017, 12, 25)]
    [InlineData("20200805", 2020, 8, 5)]
    [InlineData("12 MAR 2018", 2018, 3, 12)]
    public void Date_ReadsTheFormsReceiptsPrint(string text, int y, int m, int d) => Parsing.Date(text).ShouldBe(new DateOnly(y, m, d));

    [Theory]
    [InlineData("31/02/2018")]
    [InlineData("TOTAL 12.50")]
    public void Date_WhenNoValidDate_IsNull(string text) => Parsing.Date(text).ShouldBeNull();

    [Fact]
    public void Normalize_MapsFullWidthAndRadicalLookAlikes()
    {
        TextNormalizer.Normalize("ＡＢＣ１２３：").ShouldBe("ABC123:");
        TextNormalizer.Normalize("⾦额").ShouldBe("金额"); // Kangxi radical 金 (NFKC)
        TextNormalizer.Normalize("⻓沙").ShouldBe("长沙"); // radical supplement 长 (table)
    }

    /// <summary>A glyph a PDF's ToUnicode map leaves unmapped comes out as U+0000: a separator, not part of the value.</summary>
    [Fact]
    public void Normalize_ControlCharacters_BecomeSpaces() =>
        TextNormalizer.Normalize("名称\0北京\u0001公司\t").ShouldBe("名称 北京 公司\t");
}
