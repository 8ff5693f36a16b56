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
}
