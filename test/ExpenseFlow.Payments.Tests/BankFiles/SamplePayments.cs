using ExpenseFlow.Payments.Domain.BankFiles;

namespace ExpenseFlow.Payments.Tests.BankFiles;

/// <summary>Synthetic payment files: a euro batch to European banks and a yuan batch to Chinese banks by CNAPS code.</summary>
internal static class SamplePayments
{
    public static PaymentFileHeader EuroHeader(string currency = "EUR") => new(
        MessageId: "EF-20250314-0001",
        CreatedAt: new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.FromHours(1)),
        InitiatingPartyName: "ExpenseFlow Demo GmbH",
        PaymentInfoId: "BATCH-0001",
        RequestedExecutionDate: new DateOnly(2025, 3, 17),
        DebtorName: "ExpenseFlow Demo GmbH",
        DebtorAccount: BankAccountId.FromIban("DE89370400440532013000"),
        DebtorAgent: BankAgent.FromBic("COBADEFFXXX"),
        Currency: currency,
        ChargeBearer: ChargeBearer.FollowingServiceLevel);

    public static PaymentFile Euro(int count = 3)
    {
        var ibans = new[] { "NL91ABNA0417164300", "FR1420041010050500013M02606", "GB29NWBK60161331926819" };
        var instructions = Enumerable.Range(1, count).Select(i => new PaymentInstruction(
            EndToEndId: $"EF-CLAIM-{i:D6}",
            Amount: 10m * i + 0.25m,
            Currency: "EUR",
            CreditorName: $"Employee {i}",
            CreditorAccount: BankAccountId.FromIban(ibans[i % ibans.Length]),
            CreditorAgent: i % 2 == 0 ? BankAgent.FromBic("ABNANL2A") : null,
            RemittanceText: $"Expense claim EC-{i:D6}")).ToList();
        return new PaymentFile(EuroHeader(), instructions);
    }

    public static PaymentFile Yuan() => new(
        EuroHeader("CNY") with
        {
            DebtorName = "易报销示范有限公司",
            DebtorAccount = BankAccountId.FromNumber("1001234509000012345"),
            DebtorAgent = BankAgent.FromCnaps("102100099996", "中国工商银行北京分行营业部"),
        },
        [
            new("EF-CLAIM-000101", 1234.5m, "CNY", "张三", BankAccountId.FromNumber("6222020200112233445"),
                BankAgent.FromCnaps("102100000072", "中国工商银行北京朝阳支行"), "差旅报销 EC-000101", "差旅费", "三月出差"),
            new("EF-CLAIM-000102", 88m, "CNY", "李四", BankAccountId.FromNumber("6217000010001234567"),
                BankAgent.FromCnaps("105100000017", "中国建设银行北京西城支行"), "餐费报销 EC-000102", "业务招待", null),
        ]);
}
