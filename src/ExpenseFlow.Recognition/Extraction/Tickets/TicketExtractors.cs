namespace ExpenseFlow.Recognition.Extraction.Tickets;

/// <summary>Reads a ticket of a decided kind with its own rules; every kind is CNY.</summary>
internal static class TicketExtractors
{
    public static void Extract(DocumentKind kind, IReadOnlyList<TextLine> lines, FieldCollector c, FieldSource source)
    {
        var layout = new Layout(lines);
        var conf = source == FieldSource.Ocr ? 0.85 : 0.95;
        switch (kind)
        {
            case DocumentKind.TrainTicket: TrainTicketExtractor.Extract(layout, c, source, conf); break;
            case DocumentKind.AirItinerary: AirItineraryExtractor.Extract(layout, c, source, conf); break;
            case DocumentKind.HotelFolio: HotelFolioExtractor.Extract(layout, c, source, conf); break;
            default: SmallInvoiceExtractor.Extract(kind, layout, c, source, conf); break;
        }
        c.SetText(FieldNames.Currency, "CNY", source, conf);
    }
}
