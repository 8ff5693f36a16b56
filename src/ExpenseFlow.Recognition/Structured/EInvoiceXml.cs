using System.Xml.Linq;
using ExpenseFlow.Recognition.Invoices;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Structured;

/// <summary>
/// Reads a structured e-invoice (the 2019 e-invoice schema of OFD attachments and the 数电票 XML) by local element names,
/// so prefixes and namespaces of different issuers do not matter.
/// </summary>
internal static class EInvoiceXml
{
    private static readonly (string Field, string[] Names)[] Map =
    [
        (FieldNames.InvoiceCode, ["InvoiceCode"]),
        (FieldNames.InvoiceNumber, ["InvoiceNo", "InvoiceNumber", "EIid"]),
        (FieldNames.CheckCode, ["InvoiceCheckCode", "CheckCode"]),
        (FieldNames.BuyerName, ["BuyerName"]),
        (FieldNames.BuyerTaxId, ["BuyerTaxID", "BuyerIdNum", "BuyerTaxId"]),
        (FieldNames.SellerName, ["SellerName"]),
        (FieldNames.SellerTaxId, ["SellerTaxID", "SellerIdNum", "SellerTaxId"]),
    ];

    private static readonly (string Field, string[] Names)[] Amounts =
    [
        (FieldNames.TotalAmount, ["TaxInclusiveTotalAmount", "TotalTax-includedAmount", "TotalTaxIncludedAmount"]),
        (FieldNames.TaxAmount, ["TaxTotalAmount", "TotalTaxAm"]),
        (FieldNames.AmountExcludingTax, ["TaxExclusiveTotalAmount", "TotalAmWithoutTax"]),
    ];

    /// <summary>True when the document looks like an invoice at all (so random XML gives kind unknown).</summary>
    public static bool IsInvoice(XDocument doc) =>
        doc.Root is not null && doc.Descendants().Any(e => e.Name.LocalName is "InvoiceNo" or "InvoiceNumber" or "EIid" or "InvoiceCode");

    public static void Read(XDocument doc, FieldCollector c, FieldSource source, Func<XElement, string?>? valueOf = null)
    {
        valueOf ??= e => e.HasElements ? null : e.Value;
        foreach (var (field, names) in Map)
            c.SetText(field, Clean(field, First(doc, names, valueOf)), source, 1);
        foreach (var (field, names) in Amounts)
            c.SetAmount(field, Parsing.Amount(First(doc, names, valueOf)), source, 1);
        c.SetDate(Parsing.Date(First(doc, ["IssueDate", "IssueTime", "RequestTime"], valueOf)), source, 1);

        if (QrPayload.TryParse(First(doc, ["GraphCode"], valueOf)) is { } qr)
            c.SetText(FieldNames.InvoiceType, qr.InvoiceType, source, 1);

        var items = doc.Descendants().Where(e => e.Name.LocalName is "GoodsInfo" or "IssuItemInformation")
            .Select(g => ReadItem(g, valueOf)).Where(i => i.Name is not null || i.Amount is not null).ToList();
        c.SetItems(items, source, 1);
    }

    private static LineItem ReadItem(XElement g, Func<XElement, string?> valueOf) => new()
    {
        Name = Text(Child(g, ["Item", "ItemName"], valueOf)),
        Specification = Text(Child(g, ["Specification", "SpecMod"], valueOf)),
        Unit = Text(Child(g, ["MeasurementDimension", "MeaUnits"], valueOf)),
        Quantity = Text(Child(g, ["Quantity"], valueOf)),
        UnitPrice = Text(Child(g, ["Price", "UnPrice"], valueOf)),
        Amount = Parsing.Amount(Child(g, ["Amount"], valueOf)),
        TaxRate = Text(Child(g, ["TaxScheme", "TaxRate"], valueOf)),
        TaxAmount = Parsing.Amount(Child(g, ["TaxAmount", "ComTaxAm"], valueOf)),
    };

    private static string? Text(string? s)
    {
        var t = TextNormalizer.Normalize(s).Trim();
        return t.Length == 0 ? null : t;
    }

    public static string? Clean(string field, string? value)
    {
        if (value is null) return null;
        var v = TextNormalizer.Normalize(value).Trim();
        // Codes are printed in groups ("16197 83356 ..."); the value is the digits.
        if (field is FieldNames.CheckCode or FieldNames.InvoiceCode or FieldNames.InvoiceNumber or FieldNames.BuyerTaxId or FieldNames.SellerTaxId)
            v = new string(v.Where(ch => !char.IsWhiteSpace(ch)).ToArray());
        return v.Length == 0 ? null : v;
    }

    private static string? First(XDocument doc, string[] names, Func<XElement, string?> valueOf)
    {
        foreach (var name in names)
            foreach (var e in doc.Descendants().Where(e => e.Name.LocalName == name))
                if (valueOf(e) is { } v && !string.IsNullOrWhiteSpace(v)) return v.Trim();
        return null;
    }

    private static string? Child(XElement g, string[] names, Func<XElement, string?> valueOf)
    {
        foreach (var name in names)
            foreach (var e in g.Elements().Where(e => e.Name.LocalName == name))
                if (valueOf(e) is { } v && !string.IsNullOrWhiteSpace(v)) return v.Trim();
        return null;
    }
}
