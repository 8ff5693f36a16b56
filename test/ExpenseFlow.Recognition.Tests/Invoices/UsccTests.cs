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
}
