using System.Text.Encodings.Web;
using System.Text.Json;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition;

/// <summary>The stable JSON shape of a result (one object per file): names here are a contract with callers.</summary>
public static class ResultJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(RecognitionResult r, bool includeTextLines = true)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options)) Write(w, r, includeTextLines);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static string SourceName(FieldSource s) => FieldCollector.Describe(s);

    public static string KindName(DocumentKind k) => k switch
    {
        DocumentKind.VatInvoice => "vat-invoice",
        DocumentKind.EInvoice => "e-invoice",
        DocumentKind.Receipt => "receipt",
        _ => "unknown",
    };

    public static void Write(Utf8JsonWriter w, RecognitionResult r, bool includeTextLines)
    {
        w.WriteStartObject();
        w.WriteString("file", r.File);
        w.WriteString("kind", KindName(r.Kind));
        w.WriteStartObject("fields");
        var f = r.Fields;
        Str(w, FieldNames.InvoiceType, f.InvoiceType);
        Str(w, FieldNames.InvoiceCode, f.InvoiceCode);
        Str(w, FieldNames.InvoiceNumber, f.InvoiceNumber);
        Str(w, FieldNames.IssueDate, f.IssueDate?.ToString("yyyy-MM-dd"));
        Str(w, FieldNames.CheckCode, f.CheckCode);
        Str(w, FieldNames.AmountExcludingTax, Amount(f.AmountExcludingTax));
        Str(w, FieldNames.TaxAmount, Amount(f.TaxAmount));
        Str(w, FieldNames.TotalAmount, Amount(f.TotalAmount));
        Str(w, FieldNames.Currency, f.Currency);
        Str(w, FieldNames.SellerName, f.SellerName);
        Str(w, FieldNames.SellerTaxId, f.SellerTaxId);
        Str(w, FieldNames.BuyerName, f.BuyerName);
        Str(w, FieldNames.BuyerTaxId, f.BuyerTaxId);
        if (f.Items.Count > 0)
        {
            w.WriteStartArray(FieldNames.Items);
            foreach (var i in f.Items)
            {
                w.WriteStartObject();
                Str(w, "name", i.Name);
                Str(w, "specification", i.Specification);
                Str(w, "unit", i.Unit);
                Str(w, "quantity", i.Quantity);
                Str(w, "unitPrice", i.UnitPrice);
                Str(w, "amount", Amount(i.Amount));
                Str(w, "taxRate", i.TaxRate);
                Str(w, "taxAmount", Amount(i.TaxAmount));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteStartObject("sources");
        foreach (var (k, v) in r.Sources) w.WriteString(k, FieldCollector.Describe(v));
        w.WriteEndObject();
        w.WriteStartObject("confidence");
        foreach (var (k, v) in r.Confidence) w.WriteNumber(k, Math.Round(v, 3));
        w.WriteEndObject();
        w.WriteStartArray("warnings");
        foreach (var warning in r.Warnings) w.WriteStringValue(warning);
        w.WriteEndArray();
        if (r.Error is not null) w.WriteString("error", r.Error);
        if (includeTextLines)
        {
            w.WriteStartArray("textLines");
            foreach (var l in r.TextLines)
            {
                w.WriteStartObject();
                w.WriteString("text", l.Text);
                w.WriteNumber("confidence", Math.Round(l.Confidence, 3));
                w.WriteStartArray("box");
                w.WriteNumberValue(Math.Round(l.X, 1));
                w.WriteNumberValue(Math.Round(l.Y, 1));
                w.WriteNumberValue(Math.Round(l.Width, 1));
                w.WriteNumberValue(Math.Round(l.Height, 1));
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteNumber("elapsedMs", r.ElapsedMs);
        w.WriteEndObject();
    }

    private static string? Amount(decimal? d) => d is { } v ? Parsing.FormatAmount(v) : null;

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
