using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Payments.Domain.BankFiles;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Payments.Tests.BankFiles;

public sealed class Pain001WriterTests
{
    public static TheoryData<Pain001Version> Versions => new() { Pain001Version.V09, Pain001Version.V03 };

    [SharedDataTheory("iso20022")]
    [MemberData(nameof(Versions))]
    public void Write_EuroBatch_IsValidAgainstTheOfficialSchema(Pain001Version version)
    {
        var bytes = new Pain001Writer(new Pain001Options { Version = version }).Write(SamplePayments.Euro(5));

        SchemaErrors(bytes, version).ShouldBeEmpty();
    }

    [SharedDataTheory("iso20022")]
    [MemberData(nameof(Versions))]
    public void Write_YuanBatchWithCnapsAndChinese_IsValidAgainstTheOfficialSchema(Pain001Version version)
    {
        var options = new Pain001Options { Version = version, Text = BankTextProfile.ChineseDomestic };
        var bytes = new Pain001Writer(options).Write(SamplePayments.Yuan());

        SchemaErrors(bytes, version).ShouldBeEmpty();
        var doc = Parse(bytes, version);
        doc.Descendants(Ns(version) + "Cdtr").First().Element(Ns(version) + "Nm")!.Value.ShouldBe("张三");
        doc.Descendants(Ns(version) + "MmbId").Select(e => e.Value).ShouldBe(["102100099996", "102100000072", "105100000017"]);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Write_CountsAndSumsTheTransactionsInGroupHeaderAndPaymentInformation(Pain001Version version)
    {
        var file = SamplePayments.Euro(4); // 10.25 + 20.25 + 30.25 + 40.25
        var doc = Parse(new Pain001Writer(new Pain001Options { Version = version }).Write(file), version);
        var ns = Ns(version);

        foreach (var block in new[] { "GrpHdr", "PmtInf" })
        {
            var element = doc.Descendants(ns + block).Single();
            element.Element(ns + "NbOfTxs")!.Value.ShouldBe("4");
            element.Element(ns + "CtrlSum")!.Value.ShouldBe("101.00");
        }
        doc.Descendants(ns + "EndToEndId").Select(e => e.Value).ShouldBe(file.Instructions.Select(i => i.EndToEndId));
        doc.Descendants(ns + "InstdAmt").Select(e => e.Value).ShouldBe(["10.25", "20.25", "30.25", "40.25"]);
    }

    [Fact]
    public void Write_TheVersionsDifferInBicElementAndExecutionDate()
    {
        var v03 = Parse(new Pain001Writer(new Pain001Options { Version = Pain001Version.V03 }).Write(SamplePayments.Euro()), Pain001Version.V03);
        var v09 = Parse(new Pain001Writer().Write(SamplePayments.Euro()), Pain001Version.V09);
        var n03 = Ns(Pain001Version.V03);
        var n09 = Ns(Pain001Version.V09);

        v03.Descendants(n03 + "BIC").First().Value.ShouldBe("COBADEFFXXX");
        v03.Descendants(n03 + "BICFI").ShouldBeEmpty();
        v09.Descendants(n09 + "BICFI").First().Value.ShouldBe("COBADEFFXXX");
        v03.Descendants(n03 + "ReqdExctnDt").Single().Value.ShouldBe("2025-03-17");
        v09.Descendants(n09 + "ReqdExctnDt").Single().Element(n09 + "Dt")!.Value.ShouldBe("2025-03-17");
    }

    [Fact]
    public void Write_SameBatchTwice_GivesIdenticalBytes()
    {
        var first = new Pain001Writer().Write(SamplePayments.Euro(50));
        var second = new Pain001Writer().Write(SamplePayments.Euro(50));

        second.ShouldBe(first);
        first.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF }); // no BOM
    }

    [Fact]
    public void Write_SwiftLatinProfile_TransliteratesReplacesAndShortensText()
    {
        var file = SamplePayments.Euro(1);
        file = file with
        {
            Instructions =
            [
                file.Instructions[0] with { CreditorName = "Jürgen Müßig & Søn 张", RemittanceText = new string('x', 150) + "é" },
            ],
        };
        var doc = Parse(new Pain001Writer().Write(file), Pain001Version.V09);
        var ns = Ns(Pain001Version.V09);

        doc.Descendants(ns + "Cdtr").Single().Element(ns + "Nm")!.Value.ShouldBe("Jurgen Mussig + Son");
        doc.Descendants(ns + "Ustrd").Single().Value.ShouldBe(new string('x', 140));
    }

    [Fact]
    public void Write_AmountsCarryTheCurrencysDecimalsAndNeverAnExponent()
    {
        var file = SamplePayments.Euro(1);
        file = file with { Header = file.Header with { Currency = "JPY" }, Instructions = [file.Instructions[0] with { Amount = 12000000m, Currency = "JPY" }] };
        var doc = Parse(new Pain001Writer().Write(file), Pain001Version.V09);

        doc.Descendants(Ns(Pain001Version.V09) + "InstdAmt").Single().Value.ShouldBe("12000000");
        Iso4217.Format(0.0000001m * 10000000m, "BHD").ShouldBe("1.000");
        Iso4217.Format(1e20m, "CNY").ShouldBe("100000000000000000000.00");
    }

    [Fact]
    public void Write_InvalidBatch_IsRejectedWithEveryBrokenRule()
    {
        var valid = SamplePayments.Yuan();
        var broken = valid with
        {
            Instructions =
            [
                valid.Instructions[0] with { Amount = 0m },
                valid.Instructions[1] with { CreditorAccount = null, CreditorAgent = BankAgent.FromCnaps("10210000", "某银行") },
                valid.Instructions[1] with { EndToEndId = "EF-X", Currency = "RMB" },
            ],
        };

        var codes = PaymentFileValidator.Validate(broken, BankTextProfile.ChineseDomestic).Select(e => e.Code).ToList();
        var thrown = Should.Throw<DomainException>(() => new Pain001Writer(new Pain001Options { Text = BankTextProfile.ChineseDomestic }).Write(broken));

        codes.ShouldBe(["Payments.BankFile.AmountNotPositive", "Payments.BankFile.MissingCreditorAccount", "Payments.BankFile.InvalidCnaps", "Payments.BankFile.UnknownCurrency"]);
        thrown.Error.Code.ShouldBe("Payments.BankFile.AmountNotPositive");
        thrown.Error.Chinese.ShouldContain("金额必须大于零");
        PaymentFileValidator.Validate(valid with { Instructions = [] }, BankTextProfile.ChineseDomestic).Single().Code.ShouldBe("Payments.BankFile.EmptyBatch");
    }

    [Fact]
    public void Validate_EndToEndIdTooLongOrChineseNameForALatinBank_IsRejectedNotCut()
    {
        var yuan = SamplePayments.Yuan();
        var file = yuan with { Instructions = [yuan.Instructions[0] with { EndToEndId = new string('A', 36) }] };

        var codes = PaymentFileValidator.Validate(file, BankTextProfile.International).Select(e => e.Code).ToList();

        codes.ShouldContain("Payments.BankFile.InvalidIdentifier");
        codes.ShouldContain("Payments.BankFile.MissingCreditorName"); // 张三 has no Latin form
    }

    private static XNamespace Ns(Pain001Version version) => Pain001Writer.Namespace(version);

    private static XDocument Parse(byte[] bytes, Pain001Version version)
    {
        var doc = XDocument.Load(new MemoryStream(bytes));
        doc.Root!.Name.ShouldBe(Ns(version) + "Document");
        return doc;
    }

    private static List<string> SchemaErrors(byte[] bytes, Pain001Version version) =>
        Iso20022Schemas.Problems(bytes, version == Pain001Version.V03 ? "pain.001.001.03.xsd" : "pain.001.001.09.xsd");
}
