using System.Globalization;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>Compares a result with the ticket the test drew: what is not exact, read through the model's properties.</summary>
public static class TicketCheck
{
    /// <summary>
    /// The kind if it differs, every expected field that is not exact, and every field the document does not print that
    /// the engine filled anyway (a guessed issue date on a paper train ticket, a station taken for the seller).
    /// </summary>
    public static List<string> Wrong(SampleTicket t, RecognitionResult r)
    {
        var wrong = new List<string>();
        if (r.Kind != t.Kind) wrong.Add($"kind: expected '{t.KindName}' got '{ResultJson.KindName(r.Kind)}'");
        foreach (var (field, expected) in t.Expected)
        {
            var actual = Actual(r, field);
            if (actual != expected) wrong.Add($"{field}: expected '{expected}' got {(actual is null ? "nothing" : $"'{actual}'")}");
        }
        foreach (var field in t.Absent)
            if (Actual(r, field) is { } guessed) wrong.Add($"{field}: not printed, got '{guessed}'");
        return wrong;
    }

    /// <summary>A field as ResultJson writes it (amounts "41.00", dates "yyyy-MM-dd"), or null when absent.</summary>
    public static string? Actual(RecognitionResult r, string field)
    {
        var f = r.Fields;
        var t = f.Travel;
        static string? Amount(decimal? d) => d?.ToString("0.00", CultureInfo.InvariantCulture);
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return field switch
        {
            FieldNames.InvoiceType => f.InvoiceType,
            FieldNames.InvoiceCode => f.InvoiceCode,
            FieldNames.InvoiceNumber => f.InvoiceNumber,
            FieldNames.IssueDate => Day(f.IssueDate),
            FieldNames.CheckCode => f.CheckCode,
            FieldNames.AmountExcludingTax => Amount(f.AmountExcludingTax),
            FieldNames.TaxAmount => Amount(f.TaxAmount),
            FieldNames.TotalAmount => Amount(f.TotalAmount),
            FieldNames.Currency => f.Currency,
            FieldNames.SellerName => f.SellerName,
            FieldNames.SellerTaxId => f.SellerTaxId,
            FieldNames.BuyerName => f.BuyerName,
            FieldNames.BuyerTaxId => f.BuyerTaxId,
            FieldNames.SerialNumber => f.SerialNumber,
            FieldNames.ETicketNumber => f.ETicketNumber,
            FieldNames.TravelDate => Day(f.TravelDate),
            FieldNames.Fare => Amount(f.Fare),
            FieldNames.FuelSurcharge => Amount(f.FuelSurcharge),
            FieldNames.CivilAviationFund => Amount(f.CivilAviationFund),
            FieldNames.OtherTaxes => Amount(f.OtherTaxes),
            FieldNames.Travel.PassengerName => t.PassengerName,
            FieldNames.Travel.From => t.From,
            FieldNames.Travel.To => t.To,
            FieldNames.Travel.TrainNumber => t.TrainNumber,
            FieldNames.Travel.FlightNumber => t.FlightNumber,
            FieldNames.Travel.SeatClass => t.SeatClass,
            FieldNames.Travel.Seat => t.Seat,
            FieldNames.Travel.DepartureTime => t.DepartureTime,
            FieldNames.Travel.ArrivalTime => t.ArrivalTime,
            FieldNames.Travel.DistanceKm => Amount(t.DistanceKm),
            FieldNames.Travel.PlateNumber => t.PlateNumber,
            FieldNames.Travel.CheckIn => Day(t.CheckIn),
            FieldNames.Travel.CheckOut => Day(t.CheckOut),
            FieldNames.Travel.Nights => t.Nights?.ToString(CultureInfo.InvariantCulture),
            FieldNames.Travel.NightlyRate => Amount(t.NightlyRate),
            FieldNames.Travel.Room => t.Room,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field TicketCheck knows"),
        };
    }

    /// <summary>Intersection over union of two boxes (x, y, width, height).</summary>
    public static double IoU((float X, float Y, float Width, float Height) a, (float X, float Y, float Width, float Height) b)
    {
        var w = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var h = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        if (w <= 0 || h <= 0) return 0;
        var inter = (double)w * h;
        return inter / ((double)a.Width * a.Height + (double)b.Width * b.Height - inter);
    }
}
