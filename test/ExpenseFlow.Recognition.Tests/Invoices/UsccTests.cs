using ExpenseFlow.Recognition.Invoices;

namespace ExpenseFlow.Recognition.Tests.Invoices;

public class UsccTests
{
    [Theory]
    [InlineData("91320115MA202UKD7X")]
    [InlineData("92330781MA2EDMFU50")]
    [InlineData("91110108339805094M")]
    public void IsValid_ForGenuineCodes_IsTrue(string code) => Uscc.IsValid(code).ShouldBeTrue();

    [Theory]
    [InlineData("91320115MA202UKD7Y")] // wrong check character
    [InlineData("91320115MA202UKD7")] // 17 characters
    [InlineData("91320115MA2O2UKD7X")] // letter O is not in the alphabet
    [InlineData("")]
    public void IsValid_ForBrokenCodes_IsFalse(string code) => Uscc.IsValid(code).ShouldBeFalse();

    [Fact]
    public void RepairOneCharacter_WhenOcrConfusedALookAlike_FindsTheCodeThatPasses() =>
        Uscc.RepairOneCharacter("91110108339B05094M").ShouldBe("91110108339805094M");

    [Fact]
    public void RepairOneCharacter_WhenTheCodeIsValid_ChangesNothing() =>
        Uscc.RepairOneCharacter("91110108339805094M").ShouldBeNull();

    [Theory]
    [InlineData("统一社会信用代码/纳税人识别号：91110108339805094M", true)]
    [InlineData("纳税人识别号：91110108339805094N", false)] // check character fails
    [InlineData("纳税人识别号：9111010833980509M", false)] // 16 characters
    [InlineData("91440300MA5G3LQYU", false)] // 17 characters, a character lost, even without its label
    [InlineData("纳税人识别号：911101083398050944M", false)] // 19 characters, one doubled
    [InlineData("纳税人识别号：110108339805094", null)] // an older 15-digit taxpayer number has no check character
    [InlineData("开户行及账号：招商银行 755912345678901234", null)] // 18 digits of a bank account, not labelled as a tax id
    [InlineData("发票号码：24312000000087654321", null)]
    [InlineData("TOTAL RM 12.50", null)]
    public void CheckReading_SaysWhetherTheLinesCodesPass(string line, bool? expected) => Uscc.CheckReading(line).ShouldBe(expected);
}
