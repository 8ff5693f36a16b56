using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Payments.Domain.BankFiles;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.BankFiles;

public sealed class CsvStatementParserTests
{
    private const string ProfileJson = """
        {
          "name": "示例银行 账户明细",
          "encoding": "GB18030",
          "skipRows": 2,
          "dateFormat": "yyyyMMdd",
          "bookingDateColumn": "交易日期",
          "debitAmountColumn": "借方发生额",
          "creditAmountColumn": "贷方发生额",
          "counterpartyNameColumn": "对方户名",
          "counterpartyAccountColumn": "对方账号",
          "endToEndIdColumn": "附言",
          "descriptionColumn": "摘要",
          "currency": "CNY",
          "account": "1001234509000012345"
        }
        """;

    [Fact]
    public void Parse_Gb18030ExportWithDebitAndCreditColumns_ReadsEveryRow()
    {
        var csv = "账户明细查询\r\n账号:1001234509000012345,,,,,,\r\n" +
                  "交易日期,摘要,借方发生额,贷方发生额,对方户名,对方账号,附言\r\n" +
                  "20250317,报销付款,\"1,234.50\",,张三,6222020200112233445,EF-CLAIM-000101\r\n" +
                  "20250317,退票,,88.00,李四,6217000010001234567,EF-CLAIM-000102\r\n";
        var bytes = BankEncodings.Get("GB18030").GetBytes(csv);

        var statement = new CsvStatementParser(CsvStatementProfile.FromJson(ProfileJson)).Parse(bytes);

        statement.Format.ShouldBe(StatementFormat.Csv);
        statement.Account.ShouldBe("1001234509000012345");
        statement.Entries.Select(e => (e.SignedAmount, e.EndToEndId, e.CounterpartyName, e.Currency)).ShouldBe(
        [
            (-1234.50m, "EF-CLAIM-000101", "张三", "CNY"),
            (88.00m, "EF-CLAIM-000102", "李四", "CNY"),
        ]);
        statement.Entries[0].BookingDate.ShouldBe(new DateOnly(2025, 3, 17));
        statement.Entries[1].RemittanceInfo.ShouldBe("退票");
    }

    [Fact]
    public void Parse_SignedAmountWithMarkerColumnAndNoHeader_UsesPositions()
    {
        var profile = new CsvStatementProfile
        {
            HasHeader = false,
            Delimiter = ";",
            DateFormat = "dd.MM.yyyy",
            BookingDateColumn = "#0",
            ValueDateColumn = "#1",
            AmountColumn = "#2",
            DirectionColumn = "#3",
            CurrencyColumn = "#4",
            EndToEndIdColumn = "#5",
        };
        var bytes = "17.03.2025;18.03.2025;250.00;D;EUR;EF-CLAIM-000001\n17.03.2025;17.03.2025;12.5;C;EUR;\n"u8.ToArray();

        var entries = new CsvStatementParser(profile).Parse(bytes).Entries;

        entries.Select(e => (e.SignedAmount, e.Currency, e.EndToEndId, e.ValueDate)).ShouldBe(
        [
            (-250m, "EUR", "EF-CLAIM-000001", new DateOnly(2025, 3, 18)),
            (12.5m, "EUR", null, new DateOnly(2025, 3, 17)),
        ]);
    }

    [Fact]
    public void Parse_UnknownMarkerOrMissingColumn_IsRejectedWithTheRow()
    {
        var profile = new CsvStatementProfile { BookingDateColumn = "Date", AmountColumn = "Amount", DirectionColumn = "DC" };

        var badMarker = Should.Throw<DomainException>(() => new CsvStatementParser(profile).Parse("Date,Amount,DC\n2025-03-17,1.00,X\n"u8.ToArray()));
        var noColumn = Should.Throw<DomainException>(() => new CsvStatementParser(profile).Parse("Datum,Amount,DC\n2025-03-17,1.00,C\n"u8.ToArray()));

        badMarker.Error.English.ShouldContain("row 2");
        noColumn.Error.English.ShouldContain("'Date'");
    }
}
