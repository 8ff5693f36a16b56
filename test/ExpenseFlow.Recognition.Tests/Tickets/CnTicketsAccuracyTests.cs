using System.Text.Json;
using ExpenseFlow.Recognition.Tests.Support;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Tests.Tickets;

/// <summary>
/// The 30 real paper railway tickets of ../shared/data/cn-tickets-dev (three sources; photos and scans, some stamped or
/// tilted) through PP-OCRv4 and the ticket rules: serial, travel date and fare each at the issue's floor of 97%.
/// </summary>
public class CnTicketsAccuracyTests
{
    private const double Floor = 0.97;

    [SharedDataFact("cn-tickets-dev")]
    public void Recognize_CnTicketsDev_NumberDateAndFareAtTheFloor()
    {
        var dir = SharedData.Path("cn-tickets-dev");
        var labels = File.ReadLines(Path.Combine(dir, "labels.jsonl")).Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        labels.Count.ShouldBeGreaterThanOrEqualTo(30);
        var outcomes = new (bool Kind, bool Number, bool Date, bool Fare, string Detail)[labels.Count];

        Parallel.For(0, labels.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var label = labels[i];
            var path = Path.Combine(dir, label.GetProperty("path").GetString()!);
            var r = Engines.WithOcr.Recognize(File.ReadAllBytes(path), path);
            var number = label.GetProperty("number").GetString();
            var date = Parsing.Date(label.GetProperty("date").GetString());
            var fare = Parsing.Amount(label.GetProperty("amount").GetString());
            outcomes[i] = (r.Kind == DocumentKind.TrainTicket, r.Fields.SerialNumber == number, r.Fields.TravelDate == date,
                r.Fields.Fare == fare && r.Fields.TotalAmount == fare,
                $"{label.GetProperty("path").GetString()}: {r.Kind} serial {r.Fields.SerialNumber}/{number} date {r.Fields.TravelDate}/{date} fare {r.Fields.Fare}/{fare}");
        });

        double Rate(Func<(bool Kind, bool Number, bool Date, bool Fare, string Detail), bool> ok) => outcomes.Count(o => ok(o)) / (double)outcomes.Length;
        var misses = string.Join("\n", outcomes.Where(o => !(o.Kind && o.Number && o.Date && o.Fare)).Select(o => o.Detail));
        Rate(o => o.Kind).ShouldBeGreaterThanOrEqualTo(Floor, misses);
        Rate(o => o.Number).ShouldBeGreaterThanOrEqualTo(Floor, misses);
        Rate(o => o.Date).ShouldBeGreaterThanOrEqualTo(Floor, misses);
        Rate(o => o.Fare).ShouldBeGreaterThanOrEqualTo(Floor, misses);
    }
}
