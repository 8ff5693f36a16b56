using System.Text.Json;
using ExpenseFlow.Recognition.Tests.Support;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Tests.Structured;

/// <summary>The real OFD e-invoices in ../shared/data/ofd against labels.jsonl (read from each file's embedded XML).</summary>
public class OfdTests
{
    private static readonly RecognitionEngine Engine = TestData.ExactOnly();

    public static TheoryData<string> Labels()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(TestData.Ofd, "labels.jsonl")).Where(l => l.Trim().Length > 0))
            data.Add(line);
        return data;
    }

    [SharedDataTheory("ofd")]
    [MemberData(nameof(Labels))]
    public void Recognize_RealOfd_EveryLabelledFieldIsExact(string labelJson)
    {
        using var label = JsonDocument.Parse(labelJson);
        string L(string name) => label.RootElement.GetProperty(name).GetString() ?? "";
        var file = L("file");

        var r = Engine.Recognize(File.ReadAllBytes(Path.Combine(TestData.Ofd, file)), file);

        r.Error.ShouldBeNull();
        r.Kind.ShouldBe(DocumentKind.EInvoice);
        var f = r.Fields;
        f.InvoiceCode.ShouldBe(L("InvoiceCode"));
        f.InvoiceNumber.ShouldBe(L("InvoiceNo"));
        f.IssueDate.ShouldBe(Parsing.Date(L("IssueDate")));
        f.BuyerName.ShouldBe(L("BuyerName"));
        f.BuyerTaxId.ShouldBe(L("BuyerTaxID").Length == 0 ? null : L("BuyerTaxID"));
        f.SellerName.ShouldBe(L("SellerName"));
        f.SellerTaxId.ShouldBe(L("SellerTaxID"));
        f.TotalAmount.ShouldBe(Parsing.Amount(L("TaxInclusiveTotalAmount")));
        f.TaxAmount.ShouldBe(Parsing.Amount(L("TaxTotalAmount")));
        f.AmountExcludingTax.ShouldBe(Parsing.Amount(L("TaxExclusiveTotalAmount")));
        f.Currency.ShouldBe("CNY");
        f.InvoiceType.ShouldBe("10");
        f.Items.ShouldNotBeEmpty();
        r.Sources.Values.ShouldAllBe(s => s == FieldSource.Ofd);
    }

    [SharedDataFact("ofd")]
    public void Recognize_Ofd_ReadsLineItemsAndCheckCode()
    {
        var r = Engine.Recognize(File.ReadAllBytes(Path.Combine(TestData.Ofd, "1.ofd")), "1.ofd");
        r.Fields.CheckCode.ShouldBe("16197833567414507415");
        var item = r.Fields.Items.ShouldHaveSingleItem();
        item.Name.ShouldBe("*餐饮服务*餐费");
        item.Amount.ShouldBe(510.68m);
        item.TaxRate.ShouldBe("3%");
        item.TaxAmount.ShouldBe(15.32m);
        item.Quantity.ShouldBe("1");
    }

    [SharedDataFact("ofd")]
    public void ToJson_HasTheStableShape()
    {
        var r = Engine.Recognize(File.ReadAllBytes(Path.Combine(TestData.Ofd, "1.ofd")), "1.ofd");
        using var json = JsonDocument.Parse(ResultJson.Serialize(r));
        var root = json.RootElement;
        root.GetProperty("file").GetString().ShouldBe("1.ofd");
        root.GetProperty("kind").GetString().ShouldBe("e-invoice");
        var fields = root.GetProperty("fields");
        fields.GetProperty("totalAmount").GetString().ShouldBe("526.00");
        fields.GetProperty("issueDate").GetString().ShouldBe("2020-07-23");
        fields.GetProperty("items")[0].GetProperty("amount").GetString().ShouldBe("510.68");
        root.GetProperty("sources").GetProperty("invoiceNumber").GetString().ShouldBe("ofd");
        root.GetProperty("confidence").GetProperty("invoiceNumber").GetDouble().ShouldBe(1.0);
        root.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        root.TryGetProperty("error", out _).ShouldBeFalse();
        root.GetProperty("textLines").EnumerateArray().ShouldContain(l => l.GetProperty("text").GetString() == "83089647");
        root.GetProperty("elapsedMs").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
    }
}
