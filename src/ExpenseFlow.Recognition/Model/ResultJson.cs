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
        DocumentKind.TrainTicket => "train-ticket",
        DocumentKind.AirItinerary => "air-itinerary",
        DocumentKind.Taxi => "taxi",
        DocumentKind.QuotaInvoice => "quota-invoice",
        DocumentKind.Toll => "toll",
        DocumentKind.BusShipTicket => "bus-ship-ticket",
        DocumentKind.RollInvoice => "roll-invoice",
        DocumentKind.HotelFolio => "hotel-folio",
        _ => "unknown",
    };

    public static void Write(Utf8JsonWriter w, RecognitionResult r, bool includeTextLines)
    {
        w.WriteStartObject();
        w.WriteString("file", r.File);
        WriteDocument(w, r);
        if (r.Error is not null) w.WriteString("error", r.Error);
        if (r.Documents.Count > 0)
        {
            // Several documents in one file: each with its own kind, fields and box; the fields above are the first's.
            w.WriteStartArray("documents");
            foreach (var d in r.Documents)
            {
                w.WriteStartObject();
                WriteDocument(w, d);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
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

    /// <summary>One document's kind, identity, box, fields, sources, confidence and warnings.</summary>
    private static void WriteDocument(Utf8JsonWriter w, RecognitionResult r)
    {
        w.WriteString("kind", KindName(r.Kind));
        Str(w, "identity", r.Identity);
        if (r.Box is { } box)
        {
            w.WriteStartArray("box");
            w.WriteNumberValue(Math.Round(box.X, 1));
            w.WriteNumberValue(Math.Round(box.Y, 1));
            w.WriteNumberValue(Math.Round(box.Width, 1));
            w.WriteNumberValue(Math.Round(box.Height, 1));
            w.WriteEndArray();
        }
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
        Str(w, FieldNames.SerialNumber, f.SerialNumber);
        Str(w, FieldNames.ETicketNumber, f.ETicketNumber);
        Str(w, FieldNames.TravelDate, f.TravelDate?.ToString("yyyy-MM-dd"));
        Str(w, FieldNames.Fare, Amount(f.Fare));
        Str(w, FieldNames.FuelSurcharge, Amount(f.FuelSurcharge));
        Str(w, FieldNames.CivilAviationFund, Amount(f.CivilAviationFund));
        Str(w, FieldNames.OtherTaxes, Amount(f.OtherTaxes));
        if (!f.Travel.IsEmpty)
        {
            var t = f.Travel;
            w.WriteStartObject("travel");
            Str(w, "passengerName", t.PassengerName);
            Str(w, "from", t.From);
            Str(w, "to", t.To);
            Str(w, "trainNumber", t.TrainNumber);
            Str(w, "flightNumber", t.FlightNumber);
            Str(w, "seatClass", t.SeatClass);
            Str(w, "seat", t.Seat);
            Str(w, "departureTime", t.DepartureTime);
            Str(w, "arrivalTime", t.ArrivalTime);
            Str(w, "distanceKm", Amount(t.DistanceKm));
            Str(w, "plateNumber", t.PlateNumber);
            Str(w, "checkIn", t.CheckIn?.ToString("yyyy-MM-dd"));
            Str(w, "checkOut", t.CheckOut?.ToString("yyyy-MM-dd"));
            if (t.Nights is { } nights) w.WriteNumber("nights", nights);
            Str(w, "nightlyRate", Amount(t.NightlyRate));
            Str(w, "room", t.Room);
            w.WriteEndObject();
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
    }

    private static string? Amount(decimal? d) => d is { } v ? Parsing.FormatAmount(v) : null;

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
