using ExpenseFlow.Payments.Domain.Accounting;
using MiniExcelLibs;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.Accounting;

public class JournalBuilderTests
{
    private static readonly Guid Entity = Guid.Parse("0190f1f0-0000-7000-8000-0000000000aa");
    private static readonly DateOnly Day = new(2026, 11, 25);

    private static readonly ClaimCost[] Claims =
    [
        new("EXP-2026-000001", "杨帆", 1_500.50m, [("travel", 1_000.00m), ("hotel", 300.50m), ("meals", 200.00m)]),
        new("EXP-2026-000002", "黄磊", 88.00m, [("office", 88.00m)]),
    ];

    [Fact]
    public void Build_OneVoucherPerClaim_AndOneForThePayment_EachBalanced()
    {
        var lines = JournalBuilder.Build("PAY-2026-000001", Entity, Day, Claims, AccountingMapping.Default);

        lines.GroupBy(l => l.Voucher).ShouldAllBe(v => v.Sum(l => l.Debit) == v.Sum(l => l.Credit));
        lines.Sum(l => l.Debit).ShouldBe(2 * 1_588.50m);
        var first = lines.Where(l => l.Voucher == 1).ToList();
        first.Where(l => l.Debit > 0).Select(l => (l.Account, l.Debit)).ShouldBe([("660201", 1_300.50m), ("660203", 200.00m)], "travel and hotel share the travel account");
        first.Single(l => l.Credit > 0).ShouldBe(new JournalLine(1, 3, Day, "224101", "应付报销款 EXP-2026-000001 杨帆", 0m, 1_500.50m, "EXP-2026-000001"));
        var payment = lines.Where(l => l.Voucher == 3).ToList();
        payment.Single(l => l.Account == "100201").Credit.ShouldBe(1_588.50m);
        payment.Where(l => l.Account == "224101").Sum(l => l.Debit).ShouldBe(1_588.50m);
    }

    [Fact]
    public void Build_UsesTheLegalEntitysOwnAccounts_AndTheDefaultForUnmappedCategories()
    {
        var mapping = AccountingMapping.Default with { LegalEntities = new() { [Entity] = new EntityAccounts("2241.09", "1002.09") } };

        var lines = JournalBuilder.Build("PAY-1", Entity, Day, [new ClaimCost("EXP-9", "某人", 10m, [("gifts", 10m)])], mapping);

        lines.Select(l => l.Account).ShouldBe(["660299", "2241.09", "2241.09", "1002.09"]);
    }

    [Fact]
    public void Files_ReadBackToTheSameLines()
    {
        var lines = JournalBuilder.Build("PAY-2026-000001", Entity, Day, Claims, AccountingMapping.Default);

        var csv = System.Text.Encoding.UTF8.GetString(JournalBuilder.WriteCsv(lines)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldBe("凭证号,行号,日期,科目,摘要,借方,贷方,参考");
        csv.Length.ShouldBe(lines.Count + 1);
        csv[1].ShouldBe("1,1,2026-11-25,660201,报销 EXP-2026-000001 杨帆 travel/hotel,1300.50,,EXP-2026-000001");
        var rows = new MemoryStream(JournalBuilder.WriteXlsx(lines)).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(lines.Count);
        rows.Sum(r => decimal.Parse((string?)r["借方"] is { Length: > 0 } d ? d : "0", System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(rows.Sum(r => decimal.Parse((string?)r["贷方"] is { Length: > 0 } c ? c : "0", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
