using System.Text.RegularExpressions;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Domain.Statements;

namespace ExpenseFlow.Payments.Application.Statements;

/// <summary>
/// Pairs a statement entry with one of our payment lines: by EndToEndId (in its field, or quoted in the entry's texts,
/// as MT940 :86: and CSV exports carry it), otherwise by amount + payee name + a date window around the execution
/// date. A debit settles a pending line. A credit (or a reversal) returns a line that was pending or paid only when it
/// names the line by its EndToEndId; a credit that fits by amount and name alone is a <see cref="EntryMatch.ProbableReturn"/>
/// for the queue, where reopening takes two finance users, because a payee's name is no proof the money came back.
/// </summary>
internal sealed partial class Matcher(IReadOnlyList<(BatchLine Line, PaymentBatch Batch)> open)
{
    private const int DateWindowDays = 5;

    private readonly Dictionary<string, (BatchLine Line, PaymentBatch Batch)> _byEndToEnd =
        open.GroupBy(o => o.Line.EndToEndId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    private readonly ILookup<decimal, (BatchLine Line, PaymentBatch Batch)> _byAmount = open.ToLookup(o => o.Line.Amount);

    public (EntryMatch Match, IReadOnlyList<(BatchLine Line, PaymentBatch Batch)> Candidates) Find(ImportedEntry entry, IEnumerable<string?> texts)
    {
        var wanted = entry.IsCredit ? [BatchLineStatus.Pending, BatchLineStatus.Paid] : new[] { BatchLineStatus.Pending };
        foreach (var id in Identifiers(entry.EndToEndId, texts))
        {
            if (_byEndToEnd.TryGetValue(id, out var hit) && wanted.Contains(hit.Line.Status) && hit.Line.Amount == entry.Amount)
            {
                return (entry.IsCredit ? EntryMatch.Returned : EntryMatch.Matched, [hit]);
            }
        }

        var name = Normalize(entry.CounterpartyName);
        var candidates = _byAmount[entry.Amount].Where(o => wanted.Contains(o.Line.Status)
                && string.Equals(o.Line.Currency, entry.Currency, StringComparison.OrdinalIgnoreCase)
                && Math.Abs(entry.BookingDate.DayNumber - o.Batch.ExecutionDate.DayNumber) <= DateWindowDays
                && (name is null || Normalize(o.Line.AccountName) == name || Normalize(o.Line.PayeeName) == name))
            .ToList();
        return candidates.Count switch
        {
            1 when name is not null => (entry.IsCredit ? EntryMatch.ProbableReturn : EntryMatch.Matched, candidates),
            0 => (EntryMatch.Unmatched, candidates),
            _ => (EntryMatch.Ambiguous, candidates),
        };
    }

    private static IEnumerable<string> Identifiers(string? endToEndId, IEnumerable<string?> texts)
    {
        if (!string.IsNullOrWhiteSpace(endToEndId))
        {
            yield return endToEndId.Trim();
        }

        foreach (var text in texts.OfType<string>())
        {
            foreach (Match m in EndToEndPattern().Matches(text))
            {
                yield return m.Value;
            }
        }
    }

    private static string? Normalize(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : WhitespacePattern().Replace(name.Normalize(System.Text.NormalizationForm.FormKC), string.Empty).ToUpperInvariant();

    // Our EndToEndIds are the claim number and the attempt, e.g. EXP-2026-000123-1.
    [GeneratedRegex(@"EXP-\d{4}-\d{6}-\d+", RegexOptions.IgnoreCase)]
    private static partial Regex EndToEndPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
