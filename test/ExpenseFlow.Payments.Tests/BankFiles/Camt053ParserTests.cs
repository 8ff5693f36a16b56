using System.Globalization;
using System.Text;
using System.Text.Json;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Payments.Domain.BankFiles;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.BankFiles;

/// <summary>
/// The camt.053 samples against their expected parses, which come from another library (genkgo/camt, PHP): its getters
/// are mapped to our model once, here, and compared field by field for every sample. Amounts there are in minor units.
/// </summary>
public sealed class Camt053ParserTests
{
    private static readonly Dictionary<string, BalanceType> BalanceTypes = new()
    {
        ["opening"] = BalanceType.Opening,
        ["closing"] = BalanceType.Closing,
        ["opening_available"] = BalanceType.OpeningAvailable,
        ["closing_available"] = BalanceType.ClosingAvailable,
        ["forward_available"] = BalanceType.ForwardAvailable,
    };

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        var folder = SharedData.Folder("iso20022");
        if (folder is null) return data;
        foreach (var xml in Directory.GetFiles(Path.Combine(folder, "camt053-samples"), "*.xml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(xml));
        return data;
    }

    [SharedDataTheory("iso20022")]
    [MemberData(nameof(Samples))]
    public void Parse_Sample_MatchesItsExpectedParse(string sample)
    {
        var path = Path.Combine(SharedData.Folder("iso20022")!, "camt053-samples", sample);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(path, ".json")));

        var statements = new Camt053Parser().Parse(File.ReadAllBytes(path));

        var message = expected.RootElement;
        var entries = message.GetProperty("getEntries").EnumerateArray().ToList();
        statements.Sum(s => s.Entries.Count).ShouldBe(entries.Count);
        var actualEntries = statements.SelectMany(s => s.Entries.Select(e => (Statement: s, Entry: e))).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var (statement, entry) = actualEntries[i];
            statement.MessageId.ShouldBe(Str(message.GetProperty("getGroupHeader"), "getMessageId"));
            CompareStatement(statement, entries[i].GetProperty("getRecord"));
            CompareEntry(entry, entries[i]);
        }
    }

    [Fact]
    public void Parse_DocumentWithADtd_IsRejected()
    {
        const string xml = """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "boom">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&x;</Document>""";

        var error = Should.Throw<DomainException>(() => new Camt053Parser().Parse(Encoding.UTF8.GetBytes(xml)));

        error.Error.Code.ShouldBe("Payments.BankFile.UnreadableStatement");
    }

    [Fact]
    public void Parse_OtherMessage_IsRejectedNamingTheNamespace()
    {
        const string xml = """<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn/></Document>""";

        var error = Should.Throw<DomainException>(() => new Camt053Parser().Parse(Encoding.UTF8.GetBytes(xml)));

        error.Error.English.ShouldContain("camt.054.001.02");
    }

    [Fact]
    public void Parse_DocumentOverTheSizeLimit_IsRejected()
    {
        var xml = BankFileFixtures.Camt053(200, Camt053Parser.V08);

        Should.Throw<DomainException>(() => new Camt053Parser(new Camt053ParserOptions { MaxCharacters = 10_000 }).Parse(xml));
    }

    [Theory]
    [InlineData(Camt053Parser.V02)]
    [InlineData(Camt053Parser.V08)]
    public void Parse_GeneratedStatement_ReadsEveryEntryWithItsEndToEndIdAndCounterparty(string ns)
    {
        var statement = new Camt053Parser().Parse(BankFileFixtures.Camt053(20, ns)).Single();

        statement.Entries.Count.ShouldBe(20);
        var debit = statement.Entries[1];
        debit.Direction.ShouldBe(CreditDebit.Debit);
        debit.EndToEndId.ShouldBe("EF-CLAIM-000001");
        debit.CounterpartyName.ShouldBe("员工 1");
        debit.CounterpartyAccount.ShouldBe("6222020200000000001");
        debit.RemittanceInfo.ShouldBe("Expense claim 1");
        debit.BookingDate.ShouldBe(new DateOnly(2025, 3, 17));
        statement.Entries.Sum(e => e.SignedAmount).ShouldBe(statement.ClosingBalance!.Amount - statement.OpeningBalance!.Amount);
    }

    private static void CompareStatement(BankStatement statement, JsonElement record)
    {
        statement.StatementId.ShouldBe(Str(record, "getId"));
        statement.Account.ShouldBe(Str(record.GetProperty("getAccount"), "getIdentification"));
        statement.AccountName.ShouldBe(Str(record.GetProperty("getAccount"), "getName"));
        statement.CreatedAt.ShouldBe(Instant(record.GetProperty("getCreatedOn")));
        statement.AdditionalInfo.ShouldBe(Str(record, "getAdditionalInformation"));
        var balances = record.GetProperty("getBalances").EnumerateArray().ToList();
        statement.Balances.Count.ShouldBe(balances.Count);
        for (var i = 0; i < balances.Count; i++)
        {
            var b = balances[i];
            var actual = statement.Balances[i];
            actual.Type.ShouldBe(BalanceTypes[b.GetProperty("getType").GetString()!]);
            MinorUnits(actual.Amount, actual.Currency).ShouldBe(Str(b.GetProperty("getAmount"), "getAmount"));
            actual.Currency.ShouldBe(Str(b.GetProperty("getAmount").GetProperty("getCurrency"), "getCode"));
            actual.Date.ShouldBe(Date(b.GetProperty("getDate")));
        }
    }

    private static void CompareEntry(StatementEntry entry, JsonElement expected)
    {
        var amount = expected.GetProperty("getAmount");
        MinorUnits(entry.Amount, entry.Currency!).ShouldBe(Str(amount, "getAmount"));
        entry.Currency.ShouldBe(Str(amount.GetProperty("getCurrency"), "getCode"));
        entry.Direction.ShouldBe(Str(expected, "getCreditDebitIndicator") == "DBIT" ? CreditDebit.Debit : CreditDebit.Credit);
        entry.IsReversal.ShouldBe(expected.GetProperty("getReversalIndicator").GetBoolean());
        entry.Status.ShouldBe(Str(expected, "getStatus"));
        entry.BookingDate.ShouldBe(Date(expected.GetProperty("getBookingDate")));
        entry.ValueDate.ShouldBe(Date(expected.GetProperty("getValueDate")));
        entry.EntryReference.ShouldBe(Str(expected, "getReference"));
        entry.AccountServicerReference.ShouldBe(Str(expected, "getAccountServicerReference"));
        entry.AdditionalInfo.ShouldBe(Str(expected, "getAdditionalInfo"));
        entry.BankTransactionCode.ShouldBe(TransactionCode(expected.GetProperty("getBankTransactionCode")));

        var detail = expected.GetProperty("getTransactionDetail");
        var reference = detail.GetProperty("getReference");
        entry.EndToEndId.ShouldBe(reference.ValueKind == JsonValueKind.Null ? null : Str(reference, "getEndToEndId"));
        // Our counterparty is the other side: the debtor of a credit, the creditor of a debit.
        var side = entry.Direction == CreditDebit.Credit ? "Debtor" : "Creditor";
        var party = detail.GetProperty("getRelatedParties").EnumerateArray()
            .Where(p => p.GetProperty("getRelatedPartyType").GetProperty("__CLASS__").GetString()!.EndsWith(side, StringComparison.Ordinal))
            .Select(p => (JsonElement?)p).FirstOrDefault();
        entry.CounterpartyName.ShouldBe(party is null ? null : Str(party.Value.GetProperty("getRelatedPartyType"), "getName"));
        entry.CounterpartyAccount.ShouldBe(party is null ? null : Str(party.Value.GetProperty("getAccount"), "getIdentification"));
        var remittance = detail.GetProperty("getRemittanceInformation");
        entry.RemittanceInfo.ShouldBe(remittance.ValueKind == JsonValueKind.Null ? null : Str(remittance, "getMessage"));
    }

    private static string? TransactionCode(JsonElement code)
    {
        var domain = code.GetProperty("getDomain");
        if (domain.ValueKind != JsonValueKind.Null)
        {
            var family = domain.GetProperty("getFamily");
            return $"{Str(domain, "getCode")}/{Str(family, "getCode")}/{Str(family, "getSubFamilyCode")}";
        }
        var proprietary = code.GetProperty("getProprietary");
        return proprietary.ValueKind == JsonValueKind.Null ? null : Str(proprietary, "getCode");
    }

    // The expected side writes "" where there is nothing; so do we with null.
    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0 ? value.GetString() : null;

    private static string MinorUnits(decimal amount, string currency) =>
        decimal.ToInt64(amount * (decimal)Math.Pow(10, Iso4217.Decimals(currency))).ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(JsonElement date) =>
        date.ValueKind == JsonValueKind.Null ? null : DateTimeOffset.Parse(date.GetProperty("0").GetString()!, CultureInfo.InvariantCulture);

    private static DateOnly? Date(JsonElement date) =>
        date.ValueKind == JsonValueKind.Null ? null : DateOnly.FromDateTime(Instant(date)!.Value.UtcDateTime);
}
