using System.Text;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Payments.Domain.BankFiles;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.BankFiles;

/// <summary>
/// Issue 23: every statement reader turns malformed input into <c>Payments.BankFile.UnreadableStatement</c> naming where
/// it broke, never an exception reaching the pipeline (a 500), and keeps amounts, currencies, dates and ids within what
/// the product stores. Each case here was a crash or a value overflowing its column before.
/// </summary>
public sealed class HostileStatementTests
{
    private const string Unreadable = "Payments.BankFile.UnreadableStatement";

    public static TheoryData<string, string, string> CamtEntries => new()
    {
        // ArgumentOutOfRangeException: the date was cut to ten characters.
        { "impossible short date", Entry(date: "2026-1-1"), "Ntry[1]" },
        { "date with trailing garbage", Entry(date: "2026-01-01xyz"), "Ntry[1]" },
        // OverflowException: 10^30 is beyond decimal.
        { "10^30", Entry(amount: "1000000000000000000000000000000"), "Ntry[1]" },
        { "exponent", Entry(amount: "1e30"), "Ntry[1]" },
        // Parsed, then numeric(18,2) overflowed at the commit.
        { "beyond money", Entry(amount: "99999999999999999.99"), "Ntry[1]" },
        { "negative", Entry(amount: "-5.00"), "Ntry[1]" },
        { "three decimals", Entry(amount: "1.005"), "Ntry[1]" },
        // Parsed, then varchar(3) overflowed at the commit.
        { "300-character currency", Entry(currency: new string('C', 300)), "Ntry[1]" },
        { "unknown currency", Entry(currency: "XYZ"), "Ntry[1]" },
        { "year 1", Entry(date: "0001-01-01"), "Ntry[1]" },
        { "text where elements belong", Entry() + "garbage", "Stmt[1]" },
        { "element where text belongs", Entry(extra: "<AddtlNtryInf><b>x</b></AddtlNtryInf>"), "Ntry[1]" },
    };

    [Theory]
    [MemberData(nameof(CamtEntries))]
    public void Camt_MalformedEntry_IsRefusedNamingTheEntry(string why, string entry, string where)
    {
        var error = Should.Throw<DomainException>(() => ParseCamt(Camt(entry)), why);

        error.Error.Code.ShouldBe(Unreadable, why);
        error.Error.English.ShouldContain(where, Case.Sensitive, why);
        error.Error.Chinese.ShouldContain(where, Case.Sensitive, why);
    }

    [Fact]
    public void Camt_InstantOutsideTheCalendar_IsRefused()
    {
        // ArgumentOutOfRangeException: the offset moves year 1 before DateTimeOffset.MinValue.
        var xml = Camt(Entry()).Replace("<CreDtTm>2026-11-25T08:00:00+08:00</CreDtTm></GrpHdr>", "<CreDtTm>0001-01-01T00:00:00+14:00</CreDtTm></GrpHdr>", StringComparison.Ordinal);

        Should.Throw<DomainException>(() => ParseCamt(xml)).Error.Code.ShouldBe(Unreadable);
    }

    [Fact]
    public void Camt_StatementIdLongerThanItsColumn_IsRefused()
    {
        var xml = Camt(Entry()).Replace("<Stmt><Id>S1</Id>", $"<Stmt><Id>{new string('9', 65)}</Id>", StringComparison.Ordinal);

        Should.Throw<DomainException>(() => ParseCamt(xml)).Error.English.ShouldContain("statement id");
    }

    [Fact]
    public void Camt_TextNestedAHundredThousandLevelsDeep_IsRefusedWithoutOverflowingTheStack()
    {
        // XElement.Value walks nested elements recursively: on a request thread this depth ended the process.
        var nested = new StringBuilder("<AddtlNtryInf>");
        for (var i = 0; i < 100_000; i++) nested.Append("<a>");
        for (var i = 0; i < 100_000; i++) nested.Append("</a>");
        nested.Append("</AddtlNtryInf>");
        var run = new Thread(() => Should.Throw<DomainException>(() => ParseCamt(Camt(Entry(extra: nested.ToString())))).Error.Code.ShouldBe(Unreadable),
            maxStackSize: 1024 * 1024);

        run.Start();
        run.Join();
    }

    [Fact]
    public void Camt_WellFormedEntry_StillReads()
    {
        var entry = ParseCamt(Camt(Entry())).Single().Entries.Single();

        (entry.Amount, entry.Currency, entry.BookingDate, entry.Location).ShouldBe((12.50m, "CNY", new DateOnly(2026, 1, 1), "Stmt[1]/Ntry[1], line 1"));
    }

    public static TheoryData<string, string, string> Mt940Files => new()
    {
        // IndexOutOfRangeException: a :61: line that ends after its date.
        { "statement line cut after the date", Mt940(":61:260101"), "line 5" },
        { "amount beyond money", Mt940(":61:2601010101D99999999999999999,99NTRFNONREF"), "line 5" },
        { "amount beyond decimal", Mt940(":61:2601010101D1000000000000000000000000000000,00NTRFNONREF"), "line 5" },
        { "NUL in the details", Mt940(":61:2601010101D12,50NTRFNONREF\r\n:86:hostile\0nul"), "line 6" },
        { "impossible date", Mt940(":61:2613450101D12,50NTRFNONREF"), "line 5" },
        { "balance currency not a code", Mt940(":61:2601010101D12,50NTRFNONREF").Replace("C260101CNY", "C2601011X,", StringComparison.Ordinal), "line 5" },
        { "short balance", Mt940(":61:2601010101D12,50NTRFNONREF").Replace(":60F:C260101CNY1000,00", ":60F:C26", StringComparison.Ordinal), "line 4" },
    };

    [Theory]
    [MemberData(nameof(Mt940Files))]
    public void Mt940_MalformedField_IsRefusedNamingTheLine(string why, string file, string where)
    {
        var error = Should.Throw<DomainException>(() => ParseMt940(file), why);

        error.Error.Code.ShouldBe(Unreadable, why);
        error.Error.English.ShouldContain(where, Case.Sensitive, why);
    }

    public static TheoryData<string, string> CsvProfiles => new()
    {
        { "{", "$" },
        { "[]", "$" },
        { "null", "$" },
        { """{"bookingDateColumn":"日期","amountColumn":"金额","encoding":"x-unknown"}""", "$.encoding" },
        { """{"bookingDateColumn":"日期","amountColumn":"金额","delimiter":""}""", "$.delimiter" },
        { """{"bookingDateColumn":"日期","amountColumn":"金额","delimiter":"\""}""", "$.delimiter" },
        { """{"bookingDateColumn":"日期","amountColumn":"金额","skipRows":-1}""", "$.skipRows" },
        { """{"bookingDateColumn":"日期","amountColumn":"金额","skipRows":"many"}""", "$.skipRows" },
        { """{"bookingDateColumn":"日期","amountColumn":"金额","dateFormat":""}""", "$.dateFormat" },
        { """{"bookingDateColumn":"日期","amountColumn":"金额","creditMarkers":null}""", "$.creditMarkers" },
        { """{"bookingDateColumn":null,"amountColumn":"金额"}""", "$.bookingDateColumn" },
        { """{"bookingDateColumn":"日期"}""", "$.amountColumn" },
        { """{"amountColumn":"金额"}""", "$" },
        { """{"bookingDateColumn":"日期","amountColumn":"金额","currency":"CNYCNY"}""", "$.currency" },
    };

    [Theory]
    [MemberData(nameof(CsvProfiles))]
    public void CsvProfile_Malformed_IsRefusedNamingTheSetting(string json, string path)
    {
        var error = Should.Throw<DomainException>(() => CsvStatementProfile.FromJson(json), json);

        error.Error.Code.ShouldBe("Payments.BankFile.InvalidStatementProfile", json);
        error.Error.English.ShouldContain($"at {path}", Case.Sensitive, json);
        error.Error.Chinese.ShouldContain($"位置：{path}", Case.Sensitive, json);
    }

    public static TheoryData<string, string, string> CsvRows => new()
    {
        // OverflowException from decimal.Parse.
        { "amount beyond decimal", "2026-01-01,1000000000000000000000000000000,CNY", "row 2" },
        { "amount beyond money", "2026-01-01,99999999999999999.99,CNY", "row 2" },
        { "300-character currency", $"2026-01-01,12.50,{new string('C', 300)}", "row 2" },
        { "NUL in a cell", "2026-01-01,12.50,CN\0Y", "row 2, column 3" },
        { "impossible date", "2026-02-30,12.50,CNY", "row 2" },
    };

    [Theory]
    [MemberData(nameof(CsvRows))]
    public void Csv_MalformedRow_IsRefusedNamingTheRow(string why, string row, string where)
    {
        var error = Should.Throw<DomainException>(() => ParseCsv($"日期,金额,币种\r\n{row}\r\n"), why);

        error.Error.Code.ShouldBe(Unreadable, why);
        error.Error.English.ShouldContain(where, Case.Sensitive, why);
    }

    [Fact]
    public void Csv_CurrencyWrittenAsBanksWriteIt_IsTheIsoCode()
    {
        var entries = ParseCsv("日期,金额,币种\r\n2026-01-01,12.50,人民币\r\n2026-01-02,3.00,rmb\r\n2026-01-03,4.00,usd\r\n").Entries;

        entries.Select(e => e.Currency).ShouldBe(["CNY", "CNY", "USD"]);
    }

    // Through StatementFile, as the import reads an upload: the format's reader, then the bounds of what is stored.
    private static IReadOnlyList<BankStatement> ParseCamt(string xml) => StatementFile.Read(Encoding.UTF8.GetBytes(xml), "camt053", null).Statements;

    private static IReadOnlyList<BankStatement> ParseMt940(string file) => StatementFile.Read(Encoding.UTF8.GetBytes(file), "mt940", null).Statements;

    private static BankStatement ParseCsv(string csv) => StatementFile.Read(Encoding.UTF8.GetBytes(csv), "csv",
        """{"bookingDateColumn":"日期","amountColumn":"金额","currencyColumn":"币种","account":"121900000000001"}""").Statements.Single();

    private static string Entry(string date = "2026-01-01", string amount = "12.50", string currency = "CNY", string extra = "") =>
        $"<Ntry><Amt Ccy=\"{currency}\">{amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>{date}</Dt></BookgDt>{extra}</Ntry>";

    private static string Camt(string entry) =>
        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-25T08:00:00+08:00</CreDtTm></GrpHdr>" +
        $"<Stmt><Id>S1</Id><Acct><Id><Othr><Id>121900000000001</Id></Othr></Id><Ccy>CNY</Ccy></Acct>{entry}</Stmt></BkToCstmrStmt></Document>";

    private static string Mt940(string line) =>
        $":20:STMT1\r\n:25:121900000000001\r\n:28C:1/1\r\n:60F:C260101CNY1000,00\r\n{line}\r\n:62F:C260101CNY1000,00\r\n-\r\n";
}
