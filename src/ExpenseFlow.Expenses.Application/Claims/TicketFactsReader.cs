using System.Text.Json;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using ExpenseFlow.Expenses.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Claims;

/// <summary>
/// The ticket behind each line, as recognition read it: the receipt's own document, or — for a file of several (a
/// 粘贴单) — the document the line names by its index. A line whose ticket cannot be told apart is not checked.
/// </summary>
internal static class TicketFactsReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly HashSet<string> TravelKinds = new(StringComparer.Ordinal) { "train-ticket", "air-itinerary", "bus-ship-ticket" };

    /// <summary>
    /// The tickets by line id, and the lines whose document index names no document of their file (a file read as one
    /// document, or an index past the sheet's last): such a line would escape the checks of the document it really is.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<Guid, TicketFacts> Tickets, IReadOnlyList<int> BadIndexLines)> LoadAsync(
        ExpensesDbContext db, Claim claim, CancellationToken ct)
    {
        var ids = claim.Lines.SelectMany(l => l.ReceiptIds).Distinct().ToList();
        if (ids.Count == 0)
        {
            return (new Dictionary<Guid, TicketFacts>(), []);
        }

        var receipts = await db.Receipts.AsNoTracking().Where(r => ids.Contains(r.Id) && r.ResultJson != null)
            .Select(r => new { r.Id, r.DocumentKind, r.ResultJson }).ToListAsync(ct);
        var details = receipts.ToDictionary(r => r.Id, r => (r.DocumentKind, Detail: Read(r.ResultJson!)));
        var facts = new Dictionary<Guid, TicketFacts>();
        var bad = new List<int>();
        foreach (var line in claim.Lines)
        {
            if (line.DocumentIndex is { } index && line.ReceiptIds.Any(id => details.TryGetValue(id, out var r) && r.Detail is not null
                                                                           && index >= (r.Detail.Documents?.Count ?? 0)))
            {
                bad.Add(line.Position);
            }

            foreach (var id in line.ReceiptIds)
            {
                if (!details.TryGetValue(id, out var d) || d.Detail is null)
                {
                    continue;
                }

                TicketFacts? ticket = null;
                if (d.Detail.Documents is { Count: > 0 } documents)
                {
                    if (line.DocumentIndex is { } i && i < documents.Count && TravelKinds.Contains(documents[i].Kind))
                    {
                        var doc = documents[i];
                        ticket = new TicketFacts(doc.Kind, doc.Travel?.PassengerName, doc.Travel?.SeatClass, doc.TravelDate ?? doc.Proposed.IssueDate);
                    }
                }
                else if (d.DocumentKind is { } kind && TravelKinds.Contains(kind))
                {
                    ticket = new TicketFacts(kind, d.Detail.Travel?.PassengerName, d.Detail.Travel?.SeatClass, d.Detail.TravelDate);
                }

                if (ticket is not null)
                {
                    facts[line.Id] = ticket;
                    break;
                }
            }
        }

        return (facts, bad);
    }

    /// <summary>
    /// The trip of each line's ticket (any kind recognition read a trip for: train, flight, bus, taxi, toll, hotel), for
    /// the claim's readers — the employee's detail page and the approver's. The line's own document on a sheet.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, LineTicketDto>> LoadTripsAsync(ExpensesDbContext db, Claim claim, CancellationToken ct)
    {
        var ids = claim.Lines.SelectMany(l => l.ReceiptIds).Distinct().ToList();
        var trips = new Dictionary<Guid, LineTicketDto>();
        if (ids.Count == 0)
        {
            return trips;
        }

        var receipts = await db.Receipts.AsNoTracking().Where(r => ids.Contains(r.Id) && r.ResultJson != null)
            .Select(r => new { r.Id, r.DocumentKind, r.ResultJson }).ToListAsync(ct);
        var details = receipts.ToDictionary(r => r.Id, r => (r.DocumentKind, Detail: Read(r.ResultJson!)));
        foreach (var line in claim.Lines)
        {
            foreach (var id in line.ReceiptIds)
            {
                if (!details.TryGetValue(id, out var d) || d.Detail is null)
                {
                    continue;
                }

                LineTicketDto? trip = d.Detail.Documents is { Count: > 0 } documents
                    ? line.DocumentIndex is { } i && i < documents.Count && documents[i].Travel is { } travel ? new LineTicketDto(documents[i].Kind, documents[i].TravelDate, travel) : null
                    : d.DocumentKind is { } kind && d.Detail.Travel is { } own ? new LineTicketDto(kind, d.Detail.TravelDate, own) : null;
                if (trip is not null)
                {
                    trips[line.Id] = trip;
                    break;
                }
            }
        }

        return trips;
    }

    private static RecognitionDetailDto? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RecognitionDetailDto>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
