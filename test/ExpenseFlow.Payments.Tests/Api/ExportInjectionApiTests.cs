using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CsvHelper;
using CsvHelper.Configuration;
using ExpenseFlow.BuildingBlocks.Text;
using ExpenseFlow.Payments.Application.Batches;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Infrastructure;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>
/// Issue 14, finding 6: an employee's bank account name reaches the bank files finance downloads and opens. Through the
/// real host: the name is stored, the claim approved, batched, released, and every file read back as a bank or a
/// spreadsheet program would.
/// </summary>
public class ExportInjectionApiTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"a\")";

    public static TheoryData<string, string, string> HostileNames => new()
    {
        // The finding's name: '=' and '"' are not in a Chinese bank's character set, so the bank file never carries them.
        { Hyperlink, "HYPERLINK('http://x','a')", "HYPERLINK('http://x','a')" },
        // '+' and '-' are in the set, so the name keeps them and the spreadsheet cell is quoted to stay text.
        { "-2+3+SUM(1,2)", "'-2+3+SUM(1,2)", "-2+3+SUM(1,2)" },
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task HostileAccountName_ReachesNoBankFileAsAFormula(string accountName, string templateCell, string painName)
    {
        var batch = await BatchPayingAsync(accountName, 456.70m + accountName.Length);
        using var finance = await app.SignInAsync("finance1");

        var csv = await finance.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/icbc-csv");
        var xlsx = await finance.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/icbc-xlsx");
        var pain = await finance.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/pain.001.001.09");
        var journalCsv = await finance.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/journal?format=csv");
        var journalXlsx = await finance.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/journal?format=xlsx");

        var csvRows = ReadCsv(BankEncodings.Get("GB18030").GetString(csv));
        csvRows[1][Array.IndexOf(csvRows[0], "收款户名")].ShouldBe(templateCell);
        var sheet = ReadXlsx(xlsx);
        sheet[1][Array.IndexOf(sheet[0], "收款户名")].ShouldBe(templateCell);
        foreach (var (file, cells) in new[] { ("icbc-csv", csvRows), ("icbc-xlsx", sheet), ("journal csv", ReadCsv(Encoding.UTF8.GetString(journalCsv))), ("journal xlsx", ReadXlsx(journalXlsx)) })
        {
            cells.SelectMany(r => r).Where(SpreadsheetText.IsFormulaLike).ShouldBeEmpty($"{file} has a cell a spreadsheet would run");
        }

        NoFormulaElements(xlsx);
        NoFormulaElements(journalXlsx);
        var ns = XNamespace.Get(Pain001Writer.Namespace(Pain001Version.V09));
        XDocument.Parse(Encoding.UTF8.GetString(pain)).Descendants(ns + "Cdtr").Single().Element(ns + "Nm")!.Value.ShouldBe(painName);
    }

    [SharedDataFact("iso20022")]
    public async Task HostileAccountName_Pain001_StaysValidAgainstTheOfficialSchemas()
    {
        var batch = await BatchPayingAsync(Hyperlink, 512.30m);
        using var finance = await app.SignInAsync("finance1");

        foreach (var (format, version) in new[] { ("pain.001.001.09", Pain001Version.V09), ("pain.001.001.03", Pain001Version.V03) })
        {
            var pain = await finance.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/{format}");
            BankFiles.Iso20022Schemas.Problems(pain, format + ".xsd").ShouldBeEmpty();
            var ns = XNamespace.Get(Pain001Writer.Namespace(version));
            XDocument.Parse(Encoding.UTF8.GetString(pain)).Descendants(ns + "Cdtr").Single().Element(ns + "Nm")!.Value.ShouldBe("HYPERLINK('http://x','a')");
        }
    }

    [Fact]
    public async Task ChinesePayeeName_SurvivesTheChineseBankCharacterSet()
    {
        var batch = await BatchPayingAsync("胡斌（个体）·测试", 233.40m);
        using var finance = await app.SignInAsync("finance1");

        var csvRows = ReadCsv(BankEncodings.Get("GB18030").GetString(await finance.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/icbc-csv")));
        var pain = await finance.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/pain.001.001.09");

        csvRows[1][Array.IndexOf(csvRows[0], "收款户名")].ShouldBe("胡斌（个体）·测试");
        var ns = XNamespace.Get(Pain001Writer.Namespace(Pain001Version.V09));
        XDocument.Parse(Encoding.UTF8.GetString(pain)).Descendants(ns + "Cdtr").Single().Element(ns + "Nm")!.Value.ShouldBe("胡斌（个体）·测试");
    }

    /// <summary>
    /// dev3's default account gets <paramref name="accountName"/> (written straight to the row: how the name got there is
    /// the business of the account-change rules, not of the files), then a claim of theirs is approved, batched and released.
    /// </summary>
    private async Task<BatchDto> BatchPayingAsync(string accountName, decimal amount)
    {
        await app.WithScopeAsync(async sp => (await sp.GetRequiredService<PaymentsDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE organization.bank_accounts SET account_name = {accountName} WHERE is_default AND person_id = (SELECT id FROM organization.people WHERE employee_no = 'E0016')"))
            .ShouldBe(1));
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        return await app.ReleasedBatchAsync(maker, checker, "dev3", "rnd.lead", amount);
    }

    private static List<string[]> ReadCsv(string text)
    {
        using var csv = new CsvParser(new StringReader(text.TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }

    private static List<string[]> ReadXlsx(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList();
    }

    // A formula lives in <f> elements; a text cell can never run, whatever it says.
    private static void NoFormulaElements(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            XDocument.Parse(reader.ReadToEnd()).Descendants().Where(e => e.Name.LocalName == "f").ShouldBeEmpty(entry.FullName);
        }
    }
}
