using System.Net.Http.Json;
using System.Text;
using ExpenseFlow.Payments.Application.Batches;
using ExpenseFlow.Payments.Application.Templates;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Infrastructure;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.Api;

/// <summary>Finance keeps the banks' batch-payment templates; each active one is a CSV and an xlsx format of every released batch.</summary>
public class BankTemplatesApiTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    private static readonly string[] CcbHeaders = ["序号", "收款人账号", "收款人名称", "收款行名称", "收款行联行号", "金额", "币种", "用途", "付款日期", "客户参考号"];

    /// <summary>A layout in the style of 建设银行's 代发 uploads, made up for this test: not the bank's official template.</summary>
    private static object CcbStyle(string firstHeader = "序号") => new
    {
        bankName = "中国建设银行",
        description = "自定义示例布局，并非银行官方模板。",
        csvEncoding = "Utf8WithBom",
        csvDelimiter = "|",
        sheetName = "代发明细",
        columns = new object[]
        {
            new { header = firstHeader, field = "Sequence" },
            new { header = "收款人账号", field = "PayeeAccount" },
            new { header = "收款人名称", field = "PayeeName", maxLength = 30 },
            new { header = "收款行名称", field = "PayeeBankName", maxLength = 40 },
            new { header = "收款行联行号", field = "PayeeBankCode" },
            new { header = "金额", field = "Amount", format = "#,##0.00" },
            new { header = "币种", field = "Constant", value = "人民币" },
            new { header = "用途", field = "Purpose", maxLength = 10 },
            new { header = "付款日期", field = "ExecutionDate", format = "yyyyMMdd" },
            new { header = "客户参考号", field = "EndToEndId" },
        },
    };

    private static async Task<BankTemplateDto> SaveAsync(HttpClient finance, string code, object profile, uint? version = null, int status = 201)
    {
        var response = await finance.PutAsJsonAsync($"/api/payments/templates/{code}", new { name = "示例：建设银行风格", profile, version });
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BankTemplateDto>())!;
    }

    private async Task<string[]> ExpectedRowAsync(BatchDto batch)
    {
        string[] row = [];
        await app.WithScopeAsync(async sp =>
        {
            var line = await sp.GetRequiredService<PaymentsDbContext>().BatchLines.SingleAsync(l => l.BatchId == batch.Id);
            row = ["1", line.AccountNumber, line.AccountName, line.BankName, line.CnapsCode ?? "", line.Amount.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture),
                "人民币", "报销款", batch.ExecutionDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), line.EndToEndId];
        });
        return row;
    }

    private static string[][] ReadCsv(byte[] bytes)
    {
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "UTF-8 with a BOM, as the template says");
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')).ToArray();
    }

    private static (string Sheet, List<IDictionary<string, object?>> Rows) ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var sheet = MiniExcel.GetSheetNames(stream).Single();
        stream.Position = 0;
        return (sheet, stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList());
    }

    [Fact]
    public async Task FinanceAddsATemplateForAnotherBank_AndDownloadsAReleasedBatchInItsCsvAndXlsx()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");

        var created = await SaveAsync(maker, "ccb", CcbStyle());

        (created.Code, created.Name, created.IsActive, created.UpdatedByName).ShouldBe(("ccb", "示例：建设银行风格", true, "张会计"));
        created.Formats.ShouldBe(["ccb-csv", "ccb-xlsx"]);
        created.Profile.GetProperty("id").GetString().ShouldBe("ccb");
        var formats = (await maker.GetFromJsonAsync<List<PaymentFileFormatDto>>("/api/payments/file-formats"))!.Select(f => f.Format).ToList();
        formats.Take(2).ShouldBe(["pain.001.001.09", "pain.001.001.03"]);
        formats.ShouldContain("ccb-csv");
        formats.ShouldContain("ccb-xlsx");
        formats.ShouldContain("icbc-csv");

        var batch = await app.ReleasedBatchAsync(maker, checker, "sales1", "sales.east", 1_234.50m);
        var expected = await ExpectedRowAsync(batch);
        expected[4].Length.ShouldBe(12, "the demo employee's account has a CNAPS code");

        var csv = ReadCsv(await maker.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/ccb-csv"));
        csv.ShouldBe([CcbHeaders, expected]);
        var (sheet, rows) = ReadXlsx(await maker.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/ccb-xlsx"));
        sheet.ShouldBe("代发明细");
        rows.Single().Keys.ShouldBe(CcbHeaders);
        CcbHeaders.Select(h => rows.Single()[h]?.ToString() ?? "").ToArray().ShouldBe(expected);
        var files = (await maker.GetFromJsonAsync<List<PaymentFileDto>>($"/api/payments/batches/{batch.Id}/files"))!;
        files.Select(f => (f.Format, f.FileName)).ShouldBe([("ccb-csv", $"{batch.Number}-ccb-csv.csv"), ("ccb-xlsx", $"{batch.Number}-ccb-xlsx.xlsx")]);
    }

    [Fact]
    public async Task TheBuiltInIcbcExample_IsSeededAsTheIcbcTemplate_AndItsFormatsKeepWorking()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");

        var icbc = (await maker.GetFromJsonAsync<BankTemplateDto>("/api/payments/templates/icbc"))!;

        (icbc.IsActive, icbc.Formats.Count).ShouldBe((true, 2));
        var profile = BankTemplateProfile.FromJson(icbc.Profile.GetRawText());
        (profile with { Id = BankTemplateProfile.IcbcBatchPaymentExample.Id }).ToJson().ShouldBe(BankTemplateProfile.IcbcBatchPaymentExample.ToJson());
        var batch = await app.ReleasedBatchAsync(maker, checker, "dev1", "rnd.lead", 321m);
        var csv = BankEncodings.Get("GB18030").GetString(await maker.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/icbc-csv"));
        csv.Split("\r\n")[0].ShouldBe("付款账号,收款账号,收款户名,收款行名,收款行联行号,金额,用途,备注");
        csv.Split("\r\n")[1].ShouldContain(",321.00,报销款,");
        (await maker.GetAsync($"/api/payments/batches/{batch.Id}/files/icbc-xlsx")).IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task ChangingATemplateAfterADownload_LeavesTheStoredFileAsItWas_AndStaleEditsAreRefused()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        var v1 = await SaveAsync(maker, "ccb-keep", CcbStyle());
        var batch = await app.ReleasedBatchAsync(maker, checker, "sales2", "sales.east", 500m);
        var first = await maker.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/ccb-keep-csv");

        var v2 = await SaveAsync(maker, "ccb-keep", CcbStyle(firstHeader: "顺序号"), v1.Version, status: 200);

        v2.Version.ShouldNotBe(v1.Version);
        v2.Profile.GetProperty("columns")[0].GetProperty("header").GetString().ShouldBe("顺序号");
        (await checker.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/ccb-keep-csv")).ShouldBe(first, "a stored file never changes");
        ReadCsv(first)[0][0].ShouldBe("序号");
        var (_, rows) = ReadXlsx(await maker.GetByteArrayAsync($"/api/payments/batches/{batch.Id}/files/ccb-keep-xlsx"));
        rows.Single().Keys.First().ShouldBe("顺序号", "a file generated after the change follows the new template");
        var stale = await checker.PutAsJsonAsync("/api/payments/templates/ccb-keep", new { name = "旧版本", profile = CcbStyle(), version = v1.Version });
        await stale.ProblemAsync(409, "General.ConcurrencyConflict");
        var blind = await checker.PutAsJsonAsync("/api/payments/templates/ccb-keep", new { name = "无版本", profile = CcbStyle() });
        await blind.ProblemAsync(409, "Payments.TemplateCodeTaken");
        (await maker.GetFromJsonAsync<BankTemplateDto>("/api/payments/templates/ccb-keep"))!.Version.ShouldBe(v2.Version);
    }

    [Fact]
    public async Task ADeactivatedTemplate_IsNotOffered_AndItsFormatIsRefused_UntilActivatedAgain()
    {
        using var maker = await app.SignInAsync("finance1");
        using var checker = await app.SignInAsync("finance2");
        await SaveAsync(maker, "ccb-off", CcbStyle());
        var earlier = await app.ReleasedBatchAsync(maker, checker, "dev2", "rnd.lead", 66m);
        var stored = await maker.GetByteArrayAsync($"/api/payments/batches/{earlier.Id}/files/ccb-off-csv");

        var off = await maker.PostAsync("/api/payments/templates/ccb-off/deactivate", null);

        ((int)off.StatusCode).ShouldBe(200);
        (await off.Content.ReadFromJsonAsync<BankTemplateDto>())!.IsActive.ShouldBeFalse();
        (await maker.GetFromJsonAsync<List<PaymentFileFormatDto>>("/api/payments/file-formats"))!.ShouldNotContain(f => f.TemplateCode == "ccb-off");
        var later = await app.ReleasedBatchAsync(maker, checker, "sales1", "sales.east", 77m);
        var refused = await (await maker.GetAsync($"/api/payments/batches/{later.Id}/files/ccb-off-csv")).ProblemAsync(400, "Payments.UnknownFileFormat");
        refused.GetProperty("detail").GetString()!.ShouldNotContain("ccb-off");
        await (await maker.GetAsync($"/api/payments/batches/{later.Id}/files/nobank-xlsx")).ProblemAsync(400, "Payments.UnknownFileFormat");
        (await maker.GetByteArrayAsync($"/api/payments/batches/{earlier.Id}/files/ccb-off-csv")).ShouldBe(stored, "a file generated before stays on record");

        ((int)(await maker.PostAsync("/api/payments/templates/ccb-off/activate", null)).StatusCode).ShouldBe(200);
        (await maker.GetAsync($"/api/payments/batches/{later.Id}/files/ccb-off-csv")).IsSuccessStatusCode.ShouldBeTrue();
        await (await maker.PostAsync("/api/payments/templates/nobank/activate", null)).ProblemAsync(404, "Payments.TemplateNotFound");
    }

    [Fact]
    public async Task AnUnusableProfile_IsRefusedWith400_NamingEachProblemInTheCallersLanguage()
    {
        using var finance = await app.SignInAsync("finance1");
        using var financeZh = await app.SignInAsync("finance2", "zh-CN");
        var profile = new
        {
            bankName = "某银行",
            csvEncoding = "Big5",
            csvDelimiter = "#",
            columns = new object[]
            {
                new { header = "账号", field = "PayeeIban" },
                new { header = "金额", field = "Amount", format = "0" },
                new { header = "户名", field = "PayeeName", format = "0.00" },
            },
        };

        var en = await (await finance.PutAsJsonAsync("/api/payments/templates/bad", new { name = "坏模板", profile })).ProblemAsync(400, "Payments.InvalidTemplate");
        var zh = await (await financeZh.PutAsJsonAsync("/api/payments/templates/Bad!", new { name = "", profile })).ProblemAsync(400, "Payments.InvalidTemplate");

        var errors = Errors(en);
        errors.Keys.ShouldBe(
            ["profile.csvEncoding", "profile.csvDelimiter", "profile.columns[0].field", "profile.columns[1].format", "profile.columns[2].format", "profile.columns"], ignoreOrder: true);
        errors["profile.columns[0].field"].ShouldContain("Column 1 (账号): 'PayeeIban' is not a known field");
        errors["profile.columns[1].format"].ShouldContain("keeps the cents");
        errors["profile.columns"].ShouldContain("PayeeAccount");
        en.GetProperty("detail").GetString()!.ShouldStartWith("The bank template cannot be saved: The CSV encoding 'Big5' is not offered");
        var errorsZh = Errors(zh);
        errorsZh["code"].ShouldContain("小写字母");
        errorsZh["name"].ShouldContain("名称为必填项");
        errorsZh["profile.columns[0].field"].ShouldContain("第 1 列（账号）：'PayeeIban' 不是可用字段");
        zh.GetProperty("detail").GetString()!.ShouldStartWith("银行模板无法保存：");
        await (await finance.GetAsync("/api/payments/templates/bad")).ProblemAsync(404, "Payments.TemplateNotFound");
    }

    private static Dictionary<string, string> Errors(System.Text.Json.JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("message").GetString()!);

    [Fact]
    public async Task OnlyFinance_ReadsOrChangesTemplates()
    {
        using var employee = await app.SignInAsync("sales3");
        using var admin = await app.SignInAsync("admin");

        await (await employee.GetAsync("/api/payments/templates")).ProblemAsync(403, "General.Forbidden");
        await (await employee.GetAsync("/api/payments/file-formats")).ProblemAsync(403, "General.Forbidden");
        await (await admin.PutAsJsonAsync("/api/payments/templates/ccb-admin", new { name = "x", profile = CcbStyle() })).ProblemAsync(403, "General.Forbidden");
        await (await admin.PostAsync("/api/payments/templates/icbc/deactivate", null)).ProblemAsync(403, "General.Forbidden");
    }
}
