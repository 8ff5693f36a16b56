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
        var details = await DetailsAsync(db, claim, ct);
        var bad = claim.Lines.Where(line => line.DocumentIndex is { } index && line.ReceiptIds.Any(id => details.TryGetValue(id, out var r) && r.Detail is not null
                                                                                              && index >= (r.Detail.Documents?.Count ?? 0)))
            .Select(line => line.Position).ToList();
        var facts = PerLine(claim, details, doc => TravelKinds.Contains(doc.Kind)
            ? new TicketFacts(doc.Kind, doc.Travel?.PassengerName, doc.Travel?.SeatClass, doc.TravelDate ?? doc.IssueDate)
            : null);
        return (facts, bad);
    }

    /// <summary>
    /// The trip of each line's ticket (any kind recognition read a trip for: train, flight, bus, taxi, toll, hotel), for
    /// the claim's readers — the employee's detail page and the approver's. The line's own document on a sheet.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, LineTicketDto>> LoadTripsAsync(ExpensesDbContext db, Claim claim, CancellationToken ct) =>
        PerLine(claim, await DetailsAsync(db, claim, ct), doc => doc.Travel is { } travel ? new LineTicketDto(doc.Kind, doc.TravelDate, travel) : null);

    /// <summary>What recognition read of one document: on a sheet its own fields (its issue date too), else the receipt's.</summary>
    private sealed record LineDocument(string Kind, DateOnly? TravelDate, TravelDto? Travel, DateOnly? IssueDate);

    private static async Task<Dictionary<Guid, (string? Kind, RecognitionDetailDto? Detail)>> DetailsAsync(ExpensesDbContext db, Claim claim, CancellationToken ct)
    {
        var ids = claim.Lines.SelectMany(l => l.ReceiptIds).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var receipts = await db.Receipts.AsNoTracking().Where(r => ids.Contains(r.Id) && r.ResultJson != null)
            .Select(r => new { r.Id, r.DocumentKind, r.ResultJson }).ToListAsync(ct);
        return receipts.ToDictionary(r => r.Id, r => (r.DocumentKind, Read(r.ResultJson!)));
    }

    /// <summary>Per line, the first of its receipts whose document (the one its index names on a sheet) gives a value.</summary>
    private static Dictionary<Guid, T> PerLine<T>(Claim claim, Dictionary<Guid, (string? Kind, RecognitionDetailDto? Detail)> details, Func<LineDocument, T?> select)
        where T : class
    {
        var found = new Dictionary<Guid, T>();
        foreach (var line in claim.Lines)
        {
            foreach (var id in line.ReceiptIds)
            {
                if (details.TryGetValue(id, out var d) && d.Detail is { } detail && DocumentOf(line, d.Kind, detail) is { } doc && select(doc) is { } value)
                {
                    found[line.Id] = value;
                    break;
                }
            }
        }

        return found;
    }

    private static LineDocument? DocumentOf(ClaimLine line, string? kind, RecognitionDetailDto detail) =>
        detail.Documents is { Count: > 0 } documents
            ? line.DocumentIndex is { } i && i < documents.Count ? new LineDocument(documents[i].Kind, documents[i].TravelDate, documents[i].Travel, documents[i].Proposed.IssueDate) : null
            : kind is { } k ? new LineDocument(k, detail.TravelDate, detail.Travel, null) : null;

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
