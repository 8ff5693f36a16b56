using System.Globalization;
using System.Text.Json;
using ExpenseFlow.Payments.Domain.BankFiles;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.BankFiles;

/// <summary>
/// The MT940 samples against their expected parses, made by another library (WoLpH/mt940, Python). Its names are mapped
/// to our model once, here. Two of its habits are read as such, for every file alike:
/// its "data" keeps the last value of each tag across all statements of a file, so a field is compared with the last of
/// our statements that has it; and its reference regex keeps "NONREF//55555" whole when the reference for the account
/// owner is shorter than 16 characters, where the SWIFT layout ([16x][//16x]) gives reference NONREF and bank reference 55555.
/// </summary>
public sealed class Mt940ParserTests
{
    private static readonly Dictionary<string, BalanceType> Balances = new()
    {
        ["final_opening_balance"] = BalanceType.Opening,
        ["intermediate_opening_balance"] = BalanceType.IntermediateOpening,
        ["final_closing_balance"] = BalanceType.Closing,
        ["intermediate_closing_balance"] = BalanceType.IntermediateClosing,
        ["available_balance"] = BalanceType.ClosingAvailable,
        ["forward_available_balance"] = BalanceType.ForwardAvailable,
    };

    private static readonly Dictionary<string, Func<BankStatement, string?>> Header = new()
    {
        ["transaction_reference"] = s => s.StatementId,
        ["related_reference"] = s => s.RelatedReference,
        ["account_identification"] = s => s.Account,
        ["statement_number"] = s => s.StatementNumber,
        ["sequence_number"] = s => s.SequenceNumber,
    };

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        var folder = SharedData.Folder("mt940");
        if (folder is null) return data;
        foreach (var sta in Directory.GetFiles(folder, "*.sta").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(sta));
        return data;
    }

    [SharedDataTheory("mt940")]
    [MemberData(nameof(Samples))]
    public void Parse_Sample_MatchesItsExpectedParse(string sample)
    {
        var path = Path.Combine(SharedData.Folder("mt940")!, sample);
        using var expected = JsonDocument.Parse(File.ReadAllText(path.Replace(".sta", ".expected.json", StringComparison.Ordinal)));

        var statements = new Mt940Parser().Parse(File.ReadAllBytes(path));

        statements.ShouldNotBeEmpty();
        foreach (var field in expected.RootElement.GetProperty("data").EnumerateObject())
        {
            if (Balances.TryGetValue(field.Name, out var type))
            {
                var balance = statements.Select(s => s.Balance(type)).Last(b => b is not null)!;
                var amount = field.Value.GetProperty("amount");
                balance.Amount.ShouldBe(Dec(amount.GetProperty("amount").GetString()), field.Name);
                balance.Currency.ShouldBe(amount.GetProperty("currency").GetString(), field.Name);
                balance.Date.ShouldBe(DateOnly.Parse(field.Value.GetProperty("date").GetString()!, CultureInfo.InvariantCulture), field.Name);
            }
            else
            {
                Header.ShouldContainKey(field.Name);
                statements.Select(Header[field.Name]).Last(v => v is not null).ShouldBe(field.Value.GetString(), field.Name);
            }
        }

        var transactions = expected.RootElement.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("data")).ToList();
        var entries = statements.SelectMany(s => s.Entries).ToList();
        entries.Count.ShouldBe(transactions.Count);
        for (var i = 0; i < entries.Count; i++) CompareEntry(entries[i], transactions[i], $"{sample} entry {i}");
    }

    [Fact]
    public void Parse_ReversalMarks_TurnTheDirection()
    {
        const string text = ":20:R\n:60F:C250101EUR0,\n:61:250102RC10,00NTRFNONREF\n:61:250102RD5,NTRFNONREF\n:62F:D250102EUR5,\n-";

        var entries = new Mt940Parser().Parse(text).Single().Entries;

        entries.Select(e => (e.Direction, e.IsReversal, e.SignedAmount)).ShouldBe([(CreditDebit.Debit, true, -10m), (CreditDebit.Credit, true, 5m)]);
    }

    [Fact]
    public void Parse_GeneratedStatement_FindsEndToEndIdsAndBalancesAddUp()
    {
        var statement = new Mt940Parser().Parse(BankFileFixtures.Mt940(30)).Single();

        statement.Entries.Count.ShouldBe(30);
        statement.Entries[7].EndToEndId.ShouldBe("EF-CLAIM-000007");
        statement.Entries[7].RemittanceInfo.ShouldBe("Expense claim 7");
        statement.Entries[7].CounterpartyName.ShouldBe("Employee 7");
        statement.Entries.Sum(e => e.SignedAmount).ShouldBe(statement.ClosingBalance!.Amount - statement.OpeningBalance!.Amount);
    }

    private static void CompareEntry(StatementEntry entry, JsonElement tx, string what)
    {
        var amount = tx.GetProperty("amount");
        entry.SignedAmount.ShouldBe(Dec(amount.GetProperty("amount").GetString()), what);
        entry.Currency.ShouldBe(Str(amount, "currency"), what);
        entry.ValueDate.ShouldBe(DateOnly.Parse(tx.GetProperty("date").GetString()!, CultureInfo.InvariantCulture), what);
        if (Str(tx, "entry_date") is { } entryDate) entry.BookingDate.ShouldBe(DateOnly.Parse(entryDate, CultureInfo.InvariantCulture), what);
        var status = tx.GetProperty("status").GetString()!;
        entry.IsReversal.ShouldBe(status.StartsWith('R'), what);
        entry.FundsCode.ShouldBe(Str(tx, "funds_code"), what);
        entry.BankTransactionCode.ShouldBe(Str(tx, "id"), what);
        entry.SupplementaryDetails.ShouldBe(Str(tx, "extra_details"), what);

        var customer = Str(tx, "customer_reference");
        var bank = Str(tx, "bank_reference");
        if (customer is not null && bank is null && customer.Contains("//", StringComparison.Ordinal))
        {
            (customer, bank) = (customer[..customer.IndexOf("//", StringComparison.Ordinal)], customer[(customer.IndexOf("//", StringComparison.Ordinal) + 2)..]);
        }
        // The reference library drops the customer reference once it has read structured :86: details; it is compared where given.
        if (customer is not null) entry.EntryReference.ShouldBe(customer, what);
        entry.AccountServicerReference.ShouldBe(bank, what);

        Optional(tx, "transaction_details", entry.AdditionalInfo, what);
        Optional(tx, "posting_text", entry.PostingText, what);
        Optional(tx, "purpose", entry.RemittanceInfo, what);
        Optional(tx, "applicant_name", entry.CounterpartyName, what);
        Optional(tx, "applicant_iban", entry.CounterpartyAccount, what);
        Optional(tx, "applicant_bin", entry.CounterpartyAgent, what);
        Optional(tx, "end_to_end_reference", entry.EndToEndId, what);
        Optional(tx, "additional_position_reference", entry.MandateId, what);
        Optional(tx, "transaction_code", entry.TransactionCode, what);
    }

    // Fields of the structured :86: layout exist in the expected parse only for files that have them.
    private static void Optional(JsonElement tx, string name, string? actual, string what)
    {
        if (tx.TryGetProperty(name, out _)) actual.ShouldBe(Str(tx, name), $"{what} {name}");
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0 ? v.GetString() : null;

    private static decimal Dec(string? text) => decimal.Parse(text!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
