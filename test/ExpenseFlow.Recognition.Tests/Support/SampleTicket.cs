using System.Globalization;
using ExpenseFlow.Recognition.Invoices;
using T = ExpenseFlow.Recognition.FieldNames.Travel;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>Which real document a <see cref="SampleTicket"/> is drawn as: one kind can be printed several ways.</summary>
public enum TicketLayout { TrainPaper, TrainElectronic, AirItinerary, Taxi, Quota, Toll, Bus, Ship, Roll, HotelFolio }

/// <summary>
/// A ticket-like document the tests draw themselves, so every expected value is known. <see cref="Expected"/> holds the
/// fields the real document prints, keyed by <see cref="FieldNames"/>, as ResultJson writes them (amounts "41.00", dates
/// "yyyy-MM-dd", times "yyyy-MM-ddTHH:mm"); <see cref="Absent"/> the fields the engine must leave empty because the
/// document does not print them (a paper train ticket has no issue date); <see cref="Print"/> and <see cref="Rows"/> what
/// is printed but not a field (pinyin, masked ids, bottom codes, line items). Conventions the rules must meet:
/// an itinerary's trip fields are its first flight's; a plate number compares without the separator (·, -) a receipt
/// prints between the province and the number; a paper train ticket's fare is also its total.
/// </summary>
public sealed record SampleTicket(
    string Name, DocumentKind Kind, TicketLayout Layout,
    IReadOnlyDictionary<string, string> Expected, IReadOnlyDictionary<string, string> Print,
    IReadOnlyList<string[]> Rows, IReadOnlyList<string> Absent)
{
    /// <summary>An expected field's value, or a printed-only value; throws when the sample lacks it (a drawing bug).</summary>
    public string this[string key] => Expected.TryGetValue(key, out var v) ? v : Print[key];

    public string? Get(string key) => Expected.TryGetValue(key, out var v) ? v : Print.GetValueOrDefault(key);

    /// <summary>The kind's name in the JSON (train-ticket, taxi, ...), as labels.jsonl writes it.</summary>
    public string KindName => ResultJson.KindName(Kind);

    public static IReadOnlyList<SampleTicket> All => SampleTickets.All;

    internal static string Money(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Time(DateOnly d, string hhmm) => $"{Date(d)}T{hhmm}";

    /// <summary>A valid unified social credit code from its first 17 characters: the one check character that passes.</summary>
    internal static string Uscc17(string first17) =>
        Uscc.Alphabet.Select(c => first17 + c).Single(Uscc.IsValid);

    public static SampleTicket TrainPaper(string name, string serial, string from, string fromPinyin, string to, string toPinyin,
        string train, DateTime departs, string seat, string seatClass, decimal fare, string maskedId, string passenger,
        string bottomPrefix, string soldAt, bool pink = false, bool spacedStations = false)
    {
        var day = DateOnly.FromDateTime(departs);
        var expected = new Dictionary<string, string>
        {
            [FieldNames.SerialNumber] = serial, [FieldNames.TravelDate] = Date(day),
            [FieldNames.Fare] = Money(fare), [FieldNames.TotalAmount] = Money(fare),
            [T.PassengerName] = passenger, [T.From] = from, [T.To] = to, [T.TrainNumber] = train,
            [T.Seat] = seat, [T.SeatClass] = seatClass, [T.DepartureTime] = Time(day, departs.ToString("HH:mm", CultureInfo.InvariantCulture)),
        };
        // The bottom line's 21 characters end with the serial's letter and six digits (checked on the real cards).
        var print = new Dictionary<string, string>
        {
            ["fromPinyin"] = fromPinyin, ["toPinyin"] = toPinyin, ["maskedId"] = maskedId, ["soldAt"] = soldAt,
            ["bottomCode"] = bottomPrefix + serial[^7..], ["fareText"] = $"￥{fare.ToString("0.0", CultureInfo.InvariantCulture)}元",
            ["departsText"] = departs.ToString("yyyy年MM月dd日HH:mm开", CultureInfo.InvariantCulture),
            ["paper"] = pink ? "pink" : "blue", ["spaced"] = spacedStations ? "yes" : "no",
        };
        return new(name, DocumentKind.TrainTicket, TicketLayout.TrainPaper, expected, print, [], [FieldNames.IssueDate, FieldNames.SellerName]);
    }

    public static SampleTicket TrainElectronic(string name, string number, DateOnly issued, string buyer, string buyerTaxId,
        string from, string fromPinyin, string to, string toPinyin, string train, DateTime departs, string seat, string seatClass,
        decimal fare, string eTicket, string maskedId, string passenger)
    {
        var day = DateOnly.FromDateTime(departs);
        var expected = new Dictionary<string, string>
        {
            [FieldNames.InvoiceNumber] = number, [FieldNames.IssueDate] = Date(issued), [FieldNames.TravelDate] = Date(day),
            [FieldNames.Fare] = Money(fare), [FieldNames.TotalAmount] = Money(fare), [FieldNames.ETicketNumber] = eTicket,
            [FieldNames.BuyerName] = buyer, [FieldNames.BuyerTaxId] = buyerTaxId,
            [T.PassengerName] = passenger, [T.From] = from, [T.To] = to, [T.TrainNumber] = train,
            [T.Seat] = seat, [T.SeatClass] = seatClass, [T.DepartureTime] = Time(day, departs.ToString("HH:mm", CultureInfo.InvariantCulture)),
        };
        var print = new Dictionary<string, string>
        {
            ["fromPinyin"] = fromPinyin, ["toPinyin"] = toPinyin, ["maskedId"] = maskedId,
            ["departsText"] = departs.ToString("yyyy年MM月dd日 HH:mm开", CultureInfo.InvariantCulture),
            // 数电票 QR: type 61 is the railway e-ticket, whose QR amount is the fare (tax included).
            ["qr"] = $"01,61,,{number},{Money(fare)},{issued:yyyyMMdd},,C3D4",
        };
        return new(name, DocumentKind.TrainTicket, TicketLayout.TrainElectronic, expected, print, [], []);
    }

    /// <summary>Flights: from, from code, to, to code, carrier, flight, cabin, date, time.</summary>
    public static SampleTicket Air(string name, string serial, string passenger, string idNumber, string eTicket,
        IReadOnlyList<(string From, string FromCode, string To, string ToCode, string Carrier, string Flight, string Cabin, DateOnly Date, string Time)> flights,
        decimal fare, decimal fund, decimal fuel, decimal? otherTaxes, DateOnly issued, string issuer, string agentCode)
    {
        var first = flights[0];
        var total = fare + fund + fuel + (otherTaxes ?? 0);
        var expected = new Dictionary<string, string>
        {
            [FieldNames.SerialNumber] = serial, [FieldNames.ETicketNumber] = eTicket, [FieldNames.IssueDate] = Date(issued),
            [FieldNames.TravelDate] = Date(first.Date), [FieldNames.Fare] = Money(fare), [FieldNames.CivilAviationFund] = Money(fund),
            [FieldNames.FuelSurcharge] = Money(fuel), [FieldNames.TotalAmount] = Money(total),
            [T.PassengerName] = passenger, [T.From] = first.From, [T.To] = first.To, [T.FlightNumber] = first.Flight,
            [T.SeatClass] = first.Cabin, [T.DepartureTime] = Time(first.Date, first.Time),
        };
        if (otherTaxes is { } other) expected[FieldNames.OtherTaxes] = Money(other);
        var print = new Dictionary<string, string> { ["idNumber"] = idNumber, ["issuer"] = issuer, ["agentCode"] = agentCode };
        var rows = flights.Select(f => new[] { f.From, f.FromCode, f.To, f.ToCode, f.Carrier, f.Flight, f.Cabin, Date(f.Date), f.Time }).ToList();
        return new(name, DocumentKind.AirItinerary, TicketLayout.AirItinerary, expected, print, rows, []);
    }

    public static SampleTicket Taxi(string name, string title, string code, string number, string printedPlate, string plate,
        DateOnly day, string boarded, string alighted, decimal unitPrice, decimal km, string waiting, decimal? surcharge, decimal total)
    {
        var expected = new Dictionary<string, string>
        {
            [FieldNames.InvoiceCode] = code, [FieldNames.InvoiceNumber] = number, [FieldNames.IssueDate] = Date(day),
            [FieldNames.TotalAmount] = Money(total), [T.PlateNumber] = plate, [T.DepartureTime] = Time(day, boarded),
            [T.ArrivalTime] = Time(day, alighted), [T.DistanceKm] = Money(km),
        };
        var print = new Dictionary<string, string>
        {
            ["title"] = title, ["plate"] = printedPlate, ["unitPrice"] = Money(unitPrice), ["km"] = km.ToString("0.0", CultureInfo.InvariantCulture),
            ["waiting"] = waiting,
        };
        if (surcharge is { } s) print["surcharge"] = Money(s);
        return new(name, DocumentKind.Taxi, TicketLayout.Taxi, expected, print, [], []);
    }

    public static SampleTicket Quota(string name, string title, string code, string number, decimal value, string capitals,
        string figures, string issuer, string issuerTaxId)
    {
        var expected = new Dictionary<string, string>
        {
            [FieldNames.InvoiceCode] = code, [FieldNames.InvoiceNumber] = number, [FieldNames.TotalAmount] = Money(value),
        };
        var print = new Dictionary<string, string>
        {
            ["title"] = title, ["capitals"] = capitals, ["figures"] = figures, ["issuer"] = issuer, ["issuerTaxId"] = issuerTaxId,
        };
        return new(name, DocumentKind.QuotaInvoice, TicketLayout.Quota, expected, print, [], [FieldNames.IssueDate]);
    }

    public static SampleTicket Toll(string name, string title, string code, string number, string entry, string exit,
        string vehicleClass, decimal amount, DateOnly day, string? entryTime, string exitTime, string tollStation)
    {
        var expected = new Dictionary<string, string>
        {
            [FieldNames.InvoiceCode] = code, [FieldNames.InvoiceNumber] = number, [FieldNames.IssueDate] = Date(day),
            [FieldNames.TotalAmount] = Money(amount), [T.From] = entry, [T.To] = exit,
        };
        // A receipt that prints both times says when the car entered and left; a lone time is only the issue's.
        if (entryTime is not null)
        {
            expected[T.DepartureTime] = Time(day, entryTime);
            expected[T.ArrivalTime] = Time(day, exitTime);
        }
        var print = new Dictionary<string, string>
        {
            ["title"] = title, ["vehicleClass"] = vehicleClass, ["exitTime"] = exitTime, ["tollStation"] = tollStation,
        };
        if (entryTime is not null) print["entryTime"] = entryTime;
        return new(name, DocumentKind.Toll, TicketLayout.Toll, expected, print, [], []);
    }

    public static SampleTicket BusOrShip(string name, bool ship, string title, string serial, string from, string to,
        DateTime departs, string service, string seat, decimal fare, string station)
    {
        var day = DateOnly.FromDateTime(departs);
        var expected = new Dictionary<string, string>
        {
            [FieldNames.SerialNumber] = serial, [FieldNames.TravelDate] = Date(day), [FieldNames.Fare] = Money(fare),
            [FieldNames.TotalAmount] = Money(fare), [T.From] = from, [T.To] = to,
            [T.DepartureTime] = Time(day, departs.ToString("HH:mm", CultureInfo.InvariantCulture)),
        };
        var print = new Dictionary<string, string> { ["title"] = title, ["service"] = service, ["seatNo"] = seat, ["station"] = station };
        return new(name, DocumentKind.BusShipTicket, ship ? TicketLayout.Ship : TicketLayout.Bus, expected, print, [], []);
    }

    /// <summary>Items: name, quantity, unit price, amount.</summary>
    public static SampleTicket Roll(string name, string title, string code, string number, string machine, string seller,
        string sellerTaxId, DateOnly day, IReadOnlyList<string[]> items, decimal total, string capitals, string checkCode, string cashier)
    {
        var expected = new Dictionary<string, string>
        {
            [FieldNames.InvoiceCode] = code, [FieldNames.InvoiceNumber] = number, [FieldNames.IssueDate] = Date(day),
            [FieldNames.SellerName] = seller, [FieldNames.SellerTaxId] = sellerTaxId, [FieldNames.TotalAmount] = Money(total),
            [FieldNames.CheckCode] = checkCode,
        };
        var print = new Dictionary<string, string> { ["title"] = title, ["machine"] = machine, ["capitals"] = capitals, ["cashier"] = cashier };
        return new(name, DocumentKind.RollInvoice, TicketLayout.Roll, expected, print, items, []);
    }

    /// <summary>Rows: date, code, description (zh), description (en), charge, credit.</summary>
    public static SampleTicket Hotel(string name, string hotel, string hotelEnglish, string folio, string guest, string room,
        DateOnly arrival, DateOnly departure, decimal rate, IReadOnlyList<string[]> rows, decimal total, string address)
    {
        var expected = new Dictionary<string, string>
        {
            [FieldNames.SerialNumber] = folio, [FieldNames.SellerName] = hotel, [FieldNames.TotalAmount] = Money(total),
            [T.PassengerName] = guest, [T.CheckIn] = Date(arrival), [T.CheckOut] = Date(departure),
            [T.Nights] = (departure.DayNumber - arrival.DayNumber).ToString(CultureInfo.InvariantCulture),
            [T.NightlyRate] = Money(rate), [T.Room] = room,
        };
        var print = new Dictionary<string, string> { ["hotelEnglish"] = hotelEnglish, ["address"] = address };
        return new(name, DocumentKind.HotelFolio, TicketLayout.HotelFolio, expected, print, rows, []);
    }
}
