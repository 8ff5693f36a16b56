namespace ExpenseFlow.Recognition;

/// <summary>What the engine read from one document. Fields it could not read are absent (null), never guessed.</summary>
public sealed class RecognitionResult
{
    public required string File { get; init; }
    public DocumentKind Kind { get; set; } = DocumentKind.Unknown;
    public InputKind Input { get; set; } = InputKind.Unknown;
    public RecognizedFields Fields { get; } = new();
    public Dictionary<string, FieldSource> Sources { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, double> Confidence { get; } = new(StringComparer.Ordinal);
    public List<string> Warnings { get; } = [];
    public string? Error { get; set; }
    public List<TextLine> TextLines { get; } = [];
    public long ElapsedMs { get; set; }

    public static RecognitionResult Failed(string file, string errorCode, InputKind input = InputKind.Unknown) =>
        new() { File = file, Error = errorCode, Input = input };
}

public enum DocumentKind { Unknown, VatInvoice, EInvoice, Receipt }

public enum InputKind { Unknown, Jpeg, Png, WebP, Bmp, Pdf, Ofd, Xml }

/// <summary>Where a field came from, best first: the engine never lets a later source overwrite an earlier one.</summary>
public enum FieldSource { Xml, Ofd, PdfText, Qr, Ocr }

public sealed class RecognizedFields
{
    public string? InvoiceType { get; set; }
    public string? InvoiceCode { get; set; }
    public string? InvoiceNumber { get; set; }
    public DateOnly? IssueDate { get; set; }
    public string? CheckCode { get; set; }
    public decimal? AmountExcludingTax { get; set; }
    public decimal? TaxAmount { get; set; }
    public decimal? TotalAmount { get; set; }
    public string? Currency { get; set; }
    public string? SellerName { get; set; }
    public string? SellerTaxId { get; set; }
    public string? BuyerName { get; set; }
    public string? BuyerTaxId { get; set; }
    public List<LineItem> Items { get; } = [];
}

public sealed class LineItem
{
    public string? Name { get; set; }
    public string? Specification { get; set; }
    public string? Unit { get; set; }
    public string? Quantity { get; set; }
    public string? UnitPrice { get; set; }
    public decimal? Amount { get; set; }
    public string? TaxRate { get; set; }
    public decimal? TaxAmount { get; set; }
}

/// <summary>A line of text with its box on the page: x, y, width, height in page pixels (or points for PDF/mm for OFD).</summary>
public sealed record TextLine(string Text, double Confidence, float X, float Y, float Width, float Height)
{
    public float Right => X + Width;
    public float Bottom => Y + Height;
    public float CenterY => Y + Height / 2;
    /// <summary>Printed by an OFD template (labels, titles) rather than filled in for this document.</summary>
    public bool IsTemplate { get; init; }
}

/// <summary>Stable error codes of a result whose file could not be read.</summary>
public static class ErrorCodes
{
    public const string Unsupported = "unsupported";
    public const string Empty = "empty";
    public const string Corrupt = "corrupt";
    public const string TooLarge = "too-large";
    public const string TooManyPages = "too-many-pages";
    public const string Encrypted = "encrypted";
    public const string ZipBomb = "zip-bomb";
    public const string XmlDtdProhibited = "xml-dtd-prohibited";
    public const string Timeout = "timeout";
    public const string OcrUnavailable = "ocr-unavailable";
}

/// <summary>Stable names of the fields, as they appear in JSON, sources and confidence.</summary>
public static class FieldNames
{
    public const string InvoiceType = "invoiceType";
    public const string InvoiceCode = "invoiceCode";
    public const string InvoiceNumber = "invoiceNumber";
    public const string IssueDate = "issueDate";
    public const string CheckCode = "checkCode";
    public const string AmountExcludingTax = "amountExcludingTax";
    public const string TaxAmount = "taxAmount";
    public const string TotalAmount = "totalAmount";
    public const string Currency = "currency";
    public const string SellerName = "sellerName";
    public const string SellerTaxId = "sellerTaxId";
    public const string BuyerName = "buyerName";
    public const string BuyerTaxId = "buyerTaxId";
    public const string Items = "items";
}
