using ExpenseFlow.Expenses.Domain.Claims;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Expenses.Tests.Domain;

public class InvoiceIdentityTests
{
    private const string Key = "I:03100190011187594058";

    [Theory]
    [InlineData("031001900111", "87594058")]
    [InlineData("031001900111", "８７５９４０５８")] // full-width digits
    [InlineData("031001900111", "087594058")] // a leading zero
    [InlineData("31001900111", "87594058")] // the code's leading zero dropped
    [InlineData("０３１００１９００１１１", "No. 8759 4058")]
    [InlineData(" 0310-0190-0111 ", "8759-4058")]
    [InlineData("O31001900111", "87594O58")] // O typed for 0
    [InlineData(null, "03100190011187594058")] // code and number as one number (the EIid of e-invoice XML)
    [InlineData("whatever", "031001900111 87594058")]
    [InlineData("87594058", "031001900111")] // typed into each other's fields
    public void TheSameTraditionalInvoice_TypedAnyWay_HasOneKey(string? code, string number) =>
        InvoiceIdentity.Read(code, number).Key.ShouldBe(Key);

    [Theory]
    [InlineData("031001900112", "87594058")] // another code
    [InlineData("031001900111", "87594059")] // another number
    [InlineData("3100190011", "87594058")] // a 10-digit code is another invoice office
    public void DifferentInvoices_KeepDifferentKeys(string code, string number) =>
        InvoiceIdentity.Read(code, number).Key.ShouldNotBe(Key);

    [Fact]
    public void TenDigitCodes_AndFullyDigitalNumbers_NeverMeetTwelveDigitCodes()
    {
        InvoiceIdentity.Read("3100233130", "08126745").Key.ShouldBe("I:00310023313008126745");
        InvoiceIdentity.Read(null, "310023313008126745").Key.ShouldBe("I:00310023313008126745");
        InvoiceIdentity.Read(null, "24312000000087654321").Key.ShouldBe("I:24312000000087654321");
        // A 数电票 number stands alone: a code typed beside it (or a leading zero) changes nothing.
        InvoiceIdentity.Read("031001900111", "024312000000087654321").Key.ShouldBe("I:24312000000087654321");
        InvoiceIdentity.Read("2431200000", "00087654321").Key.ShouldNotBe("I:24312000000087654321");
    }

    [Theory]
    [InlineData(null, "87594058")]
    [InlineData("", "087594058")]
    [InlineData("12345", "87594058")] // not a 10- or 12-digit code
    public void ATraditionalNumberWithoutItsCode_IsNoIdentity(string? code, string number)
    {
        var reading = InvoiceIdentity.Read(code, number);
        (reading.Key, reading.Problem, reading.Number).ShouldBe((null, IdentityProblem.NeedsCode, "87594058"));
    }

    [Theory]
    [InlineData("031001900111", "8759405О")] // Cyrillic О: dropping it would make another number
    [InlineData("031001900111", "发票87594058")]
    [InlineData("031001900111", "0000")]
    [InlineData("031001900111", "123456789012345678901234567890123")]
    public void UnreadableNumbers_AreRefused_NotShortened(string code, string number) =>
        InvoiceIdentity.Read(code, number).Problem.ShouldBe(IdentityProblem.Unreadable);

    [Fact]
    public void SerialsWithLetters_AreThemselves_AndACodeBesideThemIsIgnored()
    {
        InvoiceIdentity.Read(null, "e052946").Key.ShouldBe("S:E052946");
        InvoiceIdentity.Read("031001900111", "Ｅ０５２９４６").Key.ShouldBe("S:E052946");
        InvoiceIdentity.Read("031001900111", null).Problem.ShouldBe(IdentityProblem.Missing);
    }
}
