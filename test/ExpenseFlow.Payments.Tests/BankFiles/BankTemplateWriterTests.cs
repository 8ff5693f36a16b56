using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Payments.Domain.BankFiles;
using MiniExcelLibs;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.BankFiles;

public sealed class BankTemplateWriterTests
{
    private static readonly string[] IcbcHeaders = ["付款账号", "收款账号", "收款户名", "收款行名", "收款行联行号", "金额", "用途", "备注"];

    private static readonly string[][] IcbcRows =
    [
        ["1001234509000012345", "6222020200112233445", "张三", "中国工商银行北京朝阳支行", "102100000072", "1234.50", "差旅费", "三月出差"],
        ["1001234509000012345", "6217000010001234567", "李四", "中国建设银行北京西城支行", "105100000017", "88.00", "业务招待", ""],
    ];

    [Fact]
    public void WriteCsv_IcbcExample_IsGb18030InTheProfilesColumnOrder()
    {
        var bytes = new BankTemplateWriter(BankTemplateProfile.IcbcBatchPaymentExample).WriteCsv(SamplePayments.Yuan());

        var lines = BankEncodings.Get("GB18030").GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => l.Split(',')).ShouldBe([IcbcHeaders, .. IcbcRows]);
    }

    [Fact]
    public void WriteCsv_Utf8Profile_StartsWithABom()
    {
        var profile = BankTemplateProfile.IcbcBatchPaymentExample with { CsvEncoding = TemplateCsvEncoding.Utf8WithBom };

        var bytes = new BankTemplateWriter(profile).WriteCsv(SamplePayments.Yuan());

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
    }

    [Fact]
    public void WriteXlsx_IcbcExample_ReadsBackAsTextCells()
    {
        var bytes = new BankTemplateWriter(BankTemplateProfile.IcbcBatchPaymentExample).WriteXlsx(SamplePayments.Yuan());

        using var stream = new MemoryStream(bytes);
        MiniExcel.GetSheetNames(stream).ShouldBe(["批量付款"]);
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(2);
        rows[0].Keys.ShouldBe(IcbcHeaders);
        rows.Select(r => IcbcHeaders.Select(h => r[h]?.ToString() ?? "").ToArray()).ShouldBe(IcbcRows);
    }

    [Fact]
    public async Task WriteXlsx_SameBatchSecondsApart_GivesIdenticalBytes()
    {
        var writer = new BankTemplateWriter(BankTemplateProfile.IcbcBatchPaymentExample);
        var first = writer.WriteXlsx(SamplePayments.Yuan());
        await Task.Delay(TimeSpan.FromSeconds(2.2)); // zip times have a 2-second resolution
        var second = writer.WriteXlsx(SamplePayments.Yuan());

        second.ShouldBe(first);
        writer.WriteCsv(SamplePayments.Yuan()).ShouldBe(writer.WriteCsv(SamplePayments.Yuan()));
    }

    [Fact]
    public void FromJson_AdministratorsProfile_RoundTripsAndDrivesTheWriter()
    {
        var json = BankTemplateProfile.IcbcBatchPaymentExample.ToJson();
        var custom = """
            {
              "id": "demo-bank", "bankName": "示例银行", "csvEncoding": "Utf8WithBom",
              "columns": [
                { "header": "序号", "field": "Sequence" },
                { "header": "收款人", "field": "PayeeName" },
                { "header": "金额(元)", "field": "Amount", "format": "0.00" },
                { "header": "币种", "field": "Constant", "value": "人民币" },
                { "header": "付款日期", "field": "ExecutionDate", "format": "yyyyMMdd" }
              ]
            }
            """;

        BankTemplateProfile.FromJson(json).Columns.ShouldBe(BankTemplateProfile.IcbcBatchPaymentExample.Columns);
        var rows = new BankTemplateWriter(BankTemplateProfile.FromJson(custom)).Rows(SamplePayments.Yuan());
        rows[1].ShouldBe(["2", "李四", "88.00", "人民币", "20250317"]);
    }

    [Fact]
    public void Write_PayeeWithoutTwelveDigitCnaps_IsRejected()
    {
        var file = SamplePayments.Yuan();
        file = file with { Instructions = [file.Instructions[0] with { CreditorAgent = new BankAgent(Name: "中国工商银行") }] };

        var error = Should.Throw<DomainException>(() => new BankTemplateWriter(BankTemplateProfile.IcbcBatchPaymentExample).WriteCsv(file));

        error.Error.Code.ShouldBe("Payments.BankFile.InvalidCnaps");
        error.Error.Chinese.ShouldContain("12 位数字");
    }

    [Fact]
    public void FromJson_ProfileWithDuplicateHeaders_IsRejected()
    {
        const string json = """{ "id": "x", "bankName": "x", "columns": [ { "header": "金额", "field": "Amount" }, { "header": "金额", "field": "Remark" } ] }""";

        Should.Throw<DomainException>(() => BankTemplateProfile.FromJson(json)).Error.Code.ShouldBe("Payments.BankFile.InvalidProfile");
    }
}
