namespace ExpenseFlow.Recognition;

/// <summary>What the engine read from one document. Fields it could not read are absent (null), never guessed.</summary>
public sealed class RecognitionResult
{
    public required string File { get; init; }
    public DocumentKind Kind { get; set; } = DocumentKind.Unknown;
    public InputKind Input { get; set; } = InputKind.Unknown;
    public RecognizedFields Fields { get; private set; } = new();
    public Dictionary<string, FieldSource> Sources { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, double> Confidence { get; } = new(StringComparer.Ordinal);
    public List<string> Warnings { get; } = [];
    public string? Error { get; set; }
    public List<TextLine> TextLines { get; } = [];
    public long ElapsedMs { get; set; }

    /// <summary>Where this document lies on the page (x, y, width, height in page units) when a page held several.</summary>
    public (float X, float Y, float Width, float Height)? Box { get; set; }

    /// <summary>
    /// Every document found when one file held several (a 粘贴单, two receipts side by side), top to bottom, left to right;
    /// empty for a single document. This result's own fields are the first document's, so a caller that reads one
    /// document still gets a whole one.
    /// </summary>
    public List<RecognitionResult> Documents { get; } = [];

    /// <summary>
    /// What makes this document unique for duplicate detection, prefixed by its kind: "invoice:{code}-{number}" or
    /// "invoice:{number}" for invoices (taxi, quota, roll and toll invoices included: they carry code and number),
    /// "train-ticket:{serial}", "air-itinerary:{serial}" and so on for tickets; absent when the parts were not read.
    /// </summary>
    public string? Identity => DocumentIdentity.Of(this);

    /// <summary>Takes another result's document (kind, fields, their sources and confidence, warnings, box) as this one's.</summary>
    internal void TakeDocument(RecognitionResult from)
    {
        Kind = from.Kind;
        Fields = from.Fields;
        Box = from.Box;
        Sources.Clear();
        foreach (var (k, v) in from.Sources) Sources[k] = v;
        Confidence.Clear();
        foreach (var (k, v) in from.Confidence) Confidence[k] = v;
        Warnings.Clear();
        Warnings.AddRange(from.Warnings);
    }

    /// <summary>A field's value as JSON writes it ("41.00", "2019-03-10"), by its stable name (travel fields as "travel.from").</summary>
    public string? Value(string field) => new FieldCollector(this).Current(field);

    public static RecognitionResult Failed(string file, string errorCode, InputKind input = InputKind.Unknown) =>
        new() { File = file, Error = errorCode, Input = input };
}

public enum DocumentKind
{
    Unknown, VatInvoice, EInvoice, Receipt,
    /// <summary>火车票: the paper card (red serial) or the 电子发票（铁路电子客票）.</summary>
    TrainTicket,
    /// <summary>航空运输电子客票行程单, paper or electronic.</summary>
    AirItinerary,
    /// <summary>出租车发票.</summary>
    Taxi,
    /// <summary>定额发票: the amount is the printed denomination.</summary>
    QuotaInvoice,
    /// <summary>通行费发票 (paper toll receipt or 通行费电子发票).</summary>
    Toll,
    /// <summary>客运票 / 船票.</summary>
    BusShipTicket,
    /// <summary>增值税普通发票（卷式）, till-printed.</summary>
    RollInvoice,
    /// <summary>酒店水单: not an invoice; nights × rate for the travel policy.</summary>
    HotelFolio,
}

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
    /// <summary>A ticket's printed serial: the red serial of a paper 火车票, an itinerary's 印刷序号, a bus/ship ticket's number, a folio number.</summary>
    public string? SerialNumber { get; set; }
    /// <summary>电子客票号 of a rail or air e-ticket.</summary>
    public string? ETicketNumber { get; set; }
    /// <summary>The day of travel (a ticket's printed date; an itinerary's first flight), beside the issue date where both exist.</summary>
    public DateOnly? TravelDate { get; set; }
    public decimal? Fare { get; set; }
    public decimal? FuelSurcharge { get; set; }
    public decimal? CivilAviationFund { get; set; }
    public decimal? OtherTaxes { get; set; }
    public List<LineItem> Items { get; } = [];
    /// <summary>The trip (or stay) of a travel document; empty for other documents.</summary>
    public TravelDetails Travel { get; } = new();
}

/// <summary>The trip a travel document is for. Times are local, as printed ("2019-03-10T14:50").</summary>
public sealed class TravelDetails
{
    public string? PassengerName { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? TrainNumber { get; set; }
    public string? FlightNumber { get; set; }
    /// <summary>Seat class as printed (二等座, 硬卧) or an itinerary's cabin letter and class (Y, 经济舱).</summary>
    public string? SeatClass { get; set; }
    /// <summary>Car and seat (05车08C号).</summary>
    public string? Seat { get; set; }
    public string? DepartureTime { get; set; }
    public string? ArrivalTime { get; set; }
    public decimal? DistanceKm { get; set; }
    public string? PlateNumber { get; set; }
    public DateOnly? CheckIn { get; set; }
    public DateOnly? CheckOut { get; set; }
    public int? Nights { get; set; }
    public decimal? NightlyRate { get; set; }
    public string? Room { get; set; }

    public bool IsEmpty => PassengerName is null && From is null && To is null && TrainNumber is null && FlightNumber is null
                           && SeatClass is null && Seat is null && DepartureTime is null && ArrivalTime is null && DistanceKm is null
                           && PlateNumber is null && CheckIn is null && CheckOut is null && Nights is null && NightlyRate is null && Room is null;
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
    public const string SerialNumber = "serialNumber";
    public const string ETicketNumber = "eTicketNumber";
    public const string TravelDate = "travelDate";
    public const string Fare = "fare";
    public const string FuelSurcharge = "fuelSurcharge";
    public const string CivilAviationFund = "civilAviationFund";
    public const string OtherTaxes = "otherTaxes";

    /// <summary>The trip's fields: JSON fields.travel.{name}; in sources and confidence "travel.{name}".</summary>
    public static class Travel
    {
        public const string Prefix = "travel.";
        public const string PassengerName = "travel.passengerName";
        public const string From = "travel.from";
        public const string To = "travel.to";
        public const string TrainNumber = "travel.trainNumber";
        public const string FlightNumber = "travel.flightNumber";
        public const string SeatClass = "travel.seatClass";
        public const string Seat = "travel.seat";
        public const string DepartureTime = "travel.departureTime";
        public const string ArrivalTime = "travel.arrivalTime";
        public const string DistanceKm = "travel.distanceKm";
        public const string PlateNumber = "travel.plateNumber";
        public const string CheckIn = "travel.checkIn";
        public const string CheckOut = "travel.checkOut";
        public const string Nights = "travel.nights";
        public const string NightlyRate = "travel.nightlyRate";
        public const string Room = "travel.room";
    }
}
