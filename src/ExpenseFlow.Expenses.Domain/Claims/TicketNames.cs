namespace ExpenseFlow.Expenses.Domain.Claims;

/// <summary>What a document kind is called in a message, in English and Chinese (kinds as recognition names them).</summary>
public static class TicketNames
{
    public static string English(string kind) => kind switch
    {
        "train-ticket" => "train ticket",
        "air-itinerary" => "air itinerary",
        "bus-ship-ticket" => "bus or ship ticket",
        "hotel-folio" => "hotel folio",
        _ => "document",
    };

    public static string Chinese(string kind) => kind switch
    {
        "train-ticket" => "火车票",
        "air-itinerary" => "行程单",
        "bus-ship-ticket" => "汽车/船票",
        "hotel-folio" => "酒店账单",
        _ => "票据",
    };
}
