using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Organization.Domain;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Domain;

public class OrganizationDomainTests
{
    [Theory]
    [InlineData("91310115MA1K4B2C3J", true)]
    [InlineData("91110108MA01XY7D2H", true)]
    [InlineData("91310115MA1K4B2C3A", false)] // wrong check character
    [InlineData("91310115MA1K4B2C3", false)]  // 17 characters
    [InlineData("91310115MA1K4B2CIJ", false)] // I is not in the alphabet
    [InlineData("", false)]
    public void UnifiedSocialCreditCode_ChecksLengthAlphabetAndCheckCharacter(string code, bool valid) =>
        UnifiedSocialCreditCode.IsValid(code).ShouldBe(valid);

    [Fact]
    public void LegalEntity_WithInvalidTaxId_IsRejectedWithStableCode()
    {
        var ex = Should.Throw<DomainException>(() => LegalEntity.Create(Guid.NewGuid(), "示例", "91310115MA1K4B2C3A"));
        ex.Error.Code.ShouldBe("Organization.InvalidTaxId");
        ex.Error.Chinese.ShouldContain("统一社会信用代码");
    }

    [Fact]
    public void LegalEntity_NormalizesLowerCaseTaxId() =>
        LegalEntity.Create(Guid.NewGuid(), "示例", " 91310115ma1k4b2c3j ").TaxId.ShouldBe("91310115MA1K4B2C3J");

    [Fact]
    public void BankAccount_MasksAllButLastFourDigits()
    {
        var account = BankAccount.Create(Guid.NewGuid(), Guid.NewGuid(), "张三", "招商银行", "308290003020", "6214 8300 1234 5678", true);
        account.AccountNumber.ShouldBe("6214830012345678");
        account.MaskedNumber.ShouldBe("************5678");
    }

    [Theory]
    [InlineData("12345", null)]
    [InlineData("6214830012345678", "30829000302")]
    public void BankAccount_RejectsBadNumbers(string number, string? cnaps) =>
        Should.Throw<DomainException>(() => BankAccount.Create(Guid.NewGuid(), Guid.NewGuid(), "张三", "招商银行", cnaps, number, true));

    [Fact]
    public void Person_CannotReportToSomeoneBelowThem()
    {
        var boss = Person.Create(Guid.NewGuid(), "E1", "Boss", "boss@x.cn", null);
        var report = Guid.NewGuid();
        // The chosen manager's line upwards contains the boss: choosing them would close a loop.
        var ex = Should.Throw<DomainException>(() => boss.Place(null, null, report, [report, boss.Id], null));
        ex.Error.Code.ShouldBe("Organization.ManagerCycle");
        Should.Throw<DomainException>(() => boss.Place(null, null, boss.Id, [], null));
    }

    [Fact]
    public void Delegation_RequiresOrderedDatesAndAnotherPerson()
    {
        var a = Guid.NewGuid();
        Should.Throw<DomainException>(() => Delegation.Create(Guid.NewGuid(), a, a, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), null))
            .Error.Code.ShouldBe("Organization.DelegationToSelf");
        Should.Throw<DomainException>(() => Delegation.Create(Guid.NewGuid(), a, Guid.NewGuid(), new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 2), null))
            .Error.Code.ShouldBe("Organization.DelegationDates");
        var ok = Delegation.Create(Guid.NewGuid(), a, Guid.NewGuid(), new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 10), "出差");
        ok.Overlaps(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 12)).ShouldBeTrue();
        ok.Overlaps(new DateOnly(2026, 1, 11), new DateOnly(2026, 1, 12)).ShouldBeFalse();
    }
}
