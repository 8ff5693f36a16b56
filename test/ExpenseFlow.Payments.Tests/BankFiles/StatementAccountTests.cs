using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Domain.Statements;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.BankFiles;

public sealed class StatementAccountTests
{
    [Theory]
    [InlineData("121900000000001", "121900000000001")]
    [InlineData("1219 0000 0000 001", "121900000000001")]
    [InlineData("1219-0000-0000-001", "121900000000001")]
    [InlineData("CMBCCNBS/121900000000001", "121900000000001")]
    [InlineData("121900000000001CNY", "121900000000001")]
    [InlineData("CMBCCNBS/121900000000001 CNY", "121900000000001")]
    [InlineData("DE89370400440532013000", "370400440532013000")]
    [InlineData("DE89 3704 0044 0532 0130 00", "370400440532013000")]
    public void IsSame_TheFormsBanksWriteOurAccountIn(string statement, string ours) =>
        StatementAccount.IsSame(statement, ours).ShouldBeTrue();

    [Theory]
    [InlineData("1001244309000012345", "121900000000001")]
    [InlineData("9121900000000001", "121900000000001")]
    [InlineData("OTHERBNK/99121900000000001", "121900000000001")]
    [InlineData("DE89370400440532013000", "0532013000")]
    [InlineData("", "121900000000001")]
    [InlineData("121900000000001", "")]
    public void IsSame_AnotherAccount_OrOneThatOnlyEndsWithOurs_IsNot(string statement, string ours) =>
        StatementAccount.IsSame(statement, ours).ShouldBeFalse();

    [Fact]
    public void Masked_ShowsTheLastFourOnly() => StatementAccount.Masked("1001 2443 0900 0012 345").ShouldBe("****2345");

    private const string Csv = "本方账号,日期,金额\r\n121900000000001,2026-11-25,-10.00\r\n121900000000001,2026-11-26,-20.00\r\n";

    [Fact]
    public void CsvParser_TakesTheAccountFromItsColumn_WhenEveryRowAgrees()
    {
        var profile = new CsvStatementProfile { BookingDateColumn = "日期", AmountColumn = "金额", AccountColumn = "本方账号" };

        new CsvStatementParser(profile).Parse(System.Text.Encoding.UTF8.GetBytes(Csv)).Account.ShouldBe("121900000000001");
        new CsvStatementParser(profile with { AccountColumn = null, Account = "121900000000001" }).Parse(System.Text.Encoding.UTF8.GetBytes(Csv)).Account.ShouldBe("121900000000001");
        new CsvStatementParser(profile with { AccountColumn = null }).Parse(System.Text.Encoding.UTF8.GetBytes(Csv)).Account.ShouldBeNull("a CSV names no account unless told where");
    }

    [Theory]
    [InlineData(Csv + "1001244309000012345,2026-11-27,-30.00\r\n", null)]
    [InlineData(Csv, "1001244309000012345")]
    public void CsvParser_RowsNamingTwoAccounts_OrNotTheDeclaredOne_AreRefused(string csv, string? declared)
    {
        var profile = new CsvStatementProfile { BookingDateColumn = "日期", AmountColumn = "金额", AccountColumn = "本方账号", Account = declared };

        Should.Throw<DomainException>(() => new CsvStatementParser(profile).Parse(System.Text.Encoding.UTF8.GetBytes(csv))).Error.Code.ShouldBe("Payments.StatementAccountsDiffer");
    }
}
