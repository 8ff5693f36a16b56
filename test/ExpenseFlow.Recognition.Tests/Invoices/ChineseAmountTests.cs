using ExpenseFlow.Recognition.Invoices;

namespace ExpenseFlow.Recognition.Tests.Invoices;

public class ChineseAmountTests
{
    [Theory]
    [InlineData("壹仟贰佰捌拾元伍角", "1280.50")]
    [InlineData("伍佰贰拾陆圆整", "526")]
    [InlineData("⊗伍佰贰拾陆圆整", "526")]
    [InlineData("壹万零伍拾元整", "10050")]
    [InlineData("壹万零陆佰圆整", "10600")]
    [InlineData("壹拾元零伍分", "10.05")]
    [InlineData("叁角", "0.3")]
    [InlineData("贰佰元零壹角贰分", "200.12")]
    [InlineData("壹亿贰仟万元整", "120000000")]
    [InlineData("玖仟柒佰零玖元整", "9709")]
    public void Parse_ReadsFinancialCapitals(string text, string expected) =>
        ChineseAmount.Parse(text).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("")]
    [InlineData("整")]
    [InlineData("壹仟ABC")]
    public void Parse_WhenNotAnAmount_IsNull(string text) => ChineseAmount.Parse(text).ShouldBeNull();
}
