namespace ExpenseFlow.Recognition;

/// <summary>
/// The key duplicate detection compares, by kind. Invoices of every kind (VAT, e-invoice, taxi, quota, roll, toll, the
/// rail and air 数电票) are one namespace, "invoice:", because the tax authority numbers them in one series; tickets
/// without an invoice number are named by their own serial within their kind.
/// </summary>
public static class DocumentIdentity
{
    public static string? Of(RecognitionResult r)
    {
        var f = r.Fields;
        if (f.InvoiceNumber is { Length: > 0 } number)
            return f.InvoiceCode is { Length: > 0 } code ? $"invoice:{code}-{number}" : $"invoice:{number}";
        if (r.Kind is DocumentKind.Receipt or DocumentKind.Unknown) return null;
        var serial = f.SerialNumber ?? f.ETicketNumber;
        return serial is { Length: > 0 } ? $"{ResultJson.KindName(r.Kind)}:{serial}" : null;
    }

    /// <summary>
    /// How far the identity can be trusted: 1 when every field it is made of came from the document's own data (QR, XML,
    /// OFD, PDF text), else the lowest confidence among those fields; null when there is no identity.
    /// </summary>
    public static double? Confidence(RecognitionResult r)
    {
        if (Of(r) is null) return null;
        var f = r.Fields;
        string[] parts = f.InvoiceNumber is { Length: > 0 }
            ? f.InvoiceCode is { Length: > 0 } ? [FieldNames.InvoiceNumber, FieldNames.InvoiceCode] : [FieldNames.InvoiceNumber]
            : [f.SerialNumber is { Length: > 0 } ? FieldNames.SerialNumber : FieldNames.ETicketNumber];
        if (parts.All(p => r.Sources.TryGetValue(p, out var s) && s != FieldSource.Ocr)) return 1.0;
        return Math.Round(parts.Min(p => r.Confidence.GetValueOrDefault(p)), 4);
    }
}
