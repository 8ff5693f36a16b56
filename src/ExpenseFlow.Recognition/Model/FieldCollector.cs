using ExpenseFlow.Recognition.Invoices;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition;

/// <summary>Collects field readings from the sources in any order; the best source wins and disagreements become warnings.</summary>
internal sealed class FieldCollector(RecognitionResult result)
{
    public RecognitionResult Result { get; } = result;
    private RecognizedFields F => Result.Fields;
    private TravelDetails T => Result.Fields.Travel;

    /// <summary>The QR payloads applied, so a page found to hold several documents can give each its own.</summary>
    public List<QrPayload> QrPayloads { get; } = [];

    public bool Has(string field) => Result.Sources.ContainsKey(field);

    public FieldSource? SourceOf(string field) => Result.Sources.TryGetValue(field, out var s) ? s : null;

    public void SetText(string field, string? value, FieldSource source, double confidence)
    {
        value = value is null ? null : TextNormalizer.Normalize(value).Trim();
        if (string.IsNullOrEmpty(value)) return;
        if (!Accept(field, source, Current(field), value, confidence)) return;
        switch (field)
        {
            case FieldNames.InvoiceType: F.InvoiceType = value; break;
            case FieldNames.InvoiceCode: F.InvoiceCode = value; break;
            case FieldNames.InvoiceNumber: F.InvoiceNumber = value; break;
            case FieldNames.CheckCode: F.CheckCode = value; break;
            case FieldNames.Currency: F.Currency = value; break;
            case FieldNames.SellerName: F.SellerName = value; break;
            case FieldNames.SellerTaxId: F.SellerTaxId = value; break;
            case FieldNames.BuyerName: F.BuyerName = value; break;
            case FieldNames.BuyerTaxId: F.BuyerTaxId = value; break;
            case FieldNames.SerialNumber: F.SerialNumber = value; break;
            case FieldNames.ETicketNumber: F.ETicketNumber = value; break;
            case FieldNames.Travel.PassengerName: T.PassengerName = value; break;
            case FieldNames.Travel.From: T.From = value; break;
            case FieldNames.Travel.To: T.To = value; break;
            case FieldNames.Travel.TrainNumber: T.TrainNumber = value; break;
            case FieldNames.Travel.FlightNumber: T.FlightNumber = value; break;
            case FieldNames.Travel.SeatClass: T.SeatClass = value; break;
            case FieldNames.Travel.Seat: T.Seat = value; break;
            case FieldNames.Travel.DepartureTime: T.DepartureTime = value; break;
            case FieldNames.Travel.ArrivalTime: T.ArrivalTime = value; break;
            case FieldNames.Travel.PlateNumber: T.PlateNumber = value; break;
            case FieldNames.Travel.Room: T.Room = value; break;
            case FieldNames.Travel.Nights: T.Nights = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not a text field");
        }
    }

    public void SetAmount(string field, decimal? value, FieldSource source, double confidence)
    {
        if (value is null) return;
        if (!Accept(field, source, Current(field), Parsing.FormatAmount(value.Value), confidence)) return;
        switch (field)
        {
            case FieldNames.AmountExcludingTax: F.AmountExcludingTax = value; break;
            case FieldNames.TaxAmount: F.TaxAmount = value; break;
            case FieldNames.TotalAmount: F.TotalAmount = value; break;
            case FieldNames.Fare: F.Fare = value; break;
            case FieldNames.FuelSurcharge: F.FuelSurcharge = value; break;
            case FieldNames.CivilAviationFund: F.CivilAviationFund = value; break;
            case FieldNames.OtherTaxes: F.OtherTaxes = value; break;
            case FieldNames.Travel.DistanceKm: T.DistanceKm = value; break;
            case FieldNames.Travel.NightlyRate: T.NightlyRate = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not an amount field");
        }
    }

    public void SetDate(DateOnly? value, FieldSource source, double confidence) => SetDate(FieldNames.IssueDate, value, source, confidence);

    public void SetDate(string field, DateOnly? value, FieldSource source, double confidence)
    {
        if (value is null) return;
        if (!Accept(field, source, Current(field), value.Value.ToString("yyyy-MM-dd"), confidence)) return;
        switch (field)
        {
            case FieldNames.IssueDate: F.IssueDate = value; break;
            case FieldNames.TravelDate: F.TravelDate = value; break;
            case FieldNames.Travel.CheckIn: T.CheckIn = value; break;
            case FieldNames.Travel.CheckOut: T.CheckOut = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not a date field");
        }
    }

    public void SetItems(IReadOnlyList<LineItem> items, FieldSource source, double confidence)
    {
        if (items.Count == 0) return;
        if (Result.Sources.TryGetValue(FieldNames.Items, out var existing) && existing <= source) return;
        F.Items.Clear();
        F.Items.AddRange(items);
        Result.Sources[FieldNames.Items] = source;
        Result.Confidence[FieldNames.Items] = confidence;
    }

    public void AdjustConfidence(string field, double factor)
    {
        if (Result.Confidence.TryGetValue(field, out var c)) Result.Confidence[field] = Math.Clamp(c * factor, 0, 1);
    }

    public void Raise(string field, double atLeast)
    {
        if (Result.Confidence.TryGetValue(field, out var c)) Result.Confidence[field] = Math.Max(c, atLeast);
    }

    public string? Current(string field) => field switch
    {
        FieldNames.InvoiceType => F.InvoiceType,
        FieldNames.InvoiceCode => F.InvoiceCode,
        FieldNames.InvoiceNumber => F.InvoiceNumber,
        FieldNames.IssueDate => F.IssueDate?.ToString("yyyy-MM-dd"),
        FieldNames.CheckCode => F.CheckCode,
        FieldNames.AmountExcludingTax => F.AmountExcludingTax is { } a ? Parsing.FormatAmount(a) : null,
        FieldNames.TaxAmount => F.TaxAmount is { } t ? Parsing.FormatAmount(t) : null,
        FieldNames.TotalAmount => F.TotalAmount is { } tt ? Parsing.FormatAmount(tt) : null,
        FieldNames.Currency => F.Currency,
        FieldNames.SellerName => F.SellerName,
        FieldNames.SellerTaxId => F.SellerTaxId,
        FieldNames.BuyerName => F.BuyerName,
        FieldNames.BuyerTaxId => F.BuyerTaxId,
        FieldNames.SerialNumber => F.SerialNumber,
        FieldNames.ETicketNumber => F.ETicketNumber,
        FieldNames.TravelDate => F.TravelDate?.ToString("yyyy-MM-dd"),
        FieldNames.Fare => Amount(F.Fare),
        FieldNames.FuelSurcharge => Amount(F.FuelSurcharge),
        FieldNames.CivilAviationFund => Amount(F.CivilAviationFund),
        FieldNames.OtherTaxes => Amount(F.OtherTaxes),
        FieldNames.Travel.PassengerName => T.PassengerName,
        FieldNames.Travel.From => T.From,
        FieldNames.Travel.To => T.To,
        FieldNames.Travel.TrainNumber => T.TrainNumber,
        FieldNames.Travel.FlightNumber => T.FlightNumber,
        FieldNames.Travel.SeatClass => T.SeatClass,
        FieldNames.Travel.Seat => T.Seat,
        FieldNames.Travel.DepartureTime => T.DepartureTime,
        FieldNames.Travel.ArrivalTime => T.ArrivalTime,
        FieldNames.Travel.DistanceKm => Amount(T.DistanceKm),
        FieldNames.Travel.PlateNumber => T.PlateNumber,
        FieldNames.Travel.CheckIn => T.CheckIn?.ToString("yyyy-MM-dd"),
        FieldNames.Travel.CheckOut => T.CheckOut?.ToString("yyyy-MM-dd"),
        FieldNames.Travel.Nights => T.Nights?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldNames.Travel.NightlyRate => Amount(T.NightlyRate),
        FieldNames.Travel.Room => T.Room,
        _ => null,
    };

    private static string? Amount(decimal? d) => d is { } v ? Parsing.FormatAmount(v) : null;

    private bool Accept(string field, FieldSource source, string? current, string value, double confidence)
    {
        if (Result.Sources.TryGetValue(field, out var existing))
        {
            if (current == value)
            {
                // A second independent source agreeing is the best evidence there is.
                if (source != existing) Result.Confidence[field] = Math.Min(1, Math.Max(Result.Confidence[field], confidence) + 0.1);
                return false;
            }
            if (existing <= source)
            {
                Result.Warnings.Add($"{field}: {Describe(source)} reads '{value}' but {Describe(existing)} reads '{current}'");
                if (existing is not (FieldSource.Xml or FieldSource.Ofd or FieldSource.Qr)) AdjustConfidence(field, 0.8);
                return false;
            }
            Result.Warnings.Add($"{field}: {Describe(existing)} read '{current}', replaced by {Describe(source)} '{value}'");
        }
        Result.Sources[field] = source;
        Result.Confidence[field] = Math.Clamp(confidence, 0, 1);
        return true;
    }

    public static string Describe(FieldSource s) => s switch
    {
        FieldSource.Xml => "xml",
        FieldSource.Ofd => "ofd",
        FieldSource.PdfText => "pdf-text",
        FieldSource.Qr => "qr",
        _ => "ocr",
    };

    /// <summary>The QR payload is exact: it beats the text layer and OCR for the fields it carries.</summary>
    public void ApplyQr(QrPayload qr)
    {
        QrPayloads.Add(qr);
        SetText(FieldNames.InvoiceType, qr.InvoiceType, FieldSource.Qr, 1);
        SetText(FieldNames.InvoiceCode, qr.InvoiceCode, FieldSource.Qr, 1);
        SetText(FieldNames.InvoiceNumber, qr.InvoiceNumber, FieldSource.Qr, 1);
        SetDate(qr.IssueDate, FieldSource.Qr, 1);
        SetText(FieldNames.CheckCode, qr.CheckCode, FieldSource.Qr, 1);
        SetAmount(qr.AmountIsTaxInclusive ? FieldNames.TotalAmount : FieldNames.AmountExcludingTax, qr.Amount, FieldSource.Qr, 1);
    }
}
