using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.Payments.Contracts;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Domain.Statements;
using ExpenseFlow.Payments.Infrastructure;
using ExpenseFlow.Payments.Infrastructure.Statements;

namespace ExpenseFlow.Payments.Application.Statements;

/// <summary>
/// What one statement file does to our payments, worked out in memory before anything is written: the entries in file
/// order, each matched (<see cref="Matcher"/>) against the open lines as the entries before it left them, and settled
/// through the same aggregate methods as a hand resolution (<see cref="Settlement.ApplyAsync"/>): the batch settles the
/// line, the payable is marked paid or reopened, and ClaimPaid or ClaimPaymentReopened is published for each. The lines,
/// payables and events that changed are then written in bulk by <see cref="StatementBulkWriter"/>, re-checked there
/// against the state read here.
/// </summary>
internal sealed class StatementSettlement
{
    private readonly Dictionary<Guid, (BatchLine Line, BatchLineStatus From)> _lines = [];
    private readonly Dictionary<Guid, Payable> _payables;
    private readonly Dictionary<Guid, Payable> _settledPayables = [];
    private readonly HashSet<Guid> _batches = [];

    private StatementSettlement(Dictionary<Guid, Payable> payables) => _payables = payables;

    public List<ImportedEntry> Entries { get; } = [];

    public List<IntegrationEvent> Events { get; } = [];

    public IReadOnlyList<SettledLine> Lines =>
        _lines.Values.Select(l => new SettledLine(l.Line.Id, l.From, l.Line.Status, l.Line.SettledAt, l.Line.StatementReference)).ToList();

    public IReadOnlyList<SettledPayable> Payables =>
        _settledPayables.Values.Select(p => new SettledPayable(p.Id, p.Version, p.Status, p.BatchId, p.UpdatedAt)).ToList();

    public IReadOnlyCollection<Guid> Batches => _batches;

    /// <summary>How long reading the open lines and their payables took, of the whole work-out (for the import's log line).</summary>
    public TimeSpan ReadTime { get; private set; }

    /// <param name="owners">For each statement, the legal entities whose account it is (<see cref="StatementOwners"/>).</param>
    public static async Task<StatementSettlement> WorkOutAsync(
        PaymentsDbContext db, StatementImport import, IReadOnlyList<BankStatement> statements, IReadOnlyList<Guid[]> owners, DateTimeOffset now, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var open = await Settlement.OpenLinesAsync(db, now, ct, tracked: false);
        var settlement = new StatementSettlement(await Settlement.PayablesOfAsync(db, open, ct)) { ReadTime = watch.Elapsed };
        var sequence = 0;
        for (var s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            var matcher = new Matcher(open.Where(o => owners[s].Contains(o.Batch.LegalEntityId)).ToList());
            foreach (var e in statement.Entries)
            {
                var detail = e.Details.Count > 0 ? e.Details[0] : null;
                var entry = ImportedEntry.Create(import.Id, owners[s][0], ++sequence, e.BookingDate ?? e.ValueDate ?? DateOnly.FromDateTime(now.UtcDateTime), e.Amount,
                    e.Currency ?? statement.Currency ?? "CNY", e.Direction == CreditDebit.Credit || e.IsReversal, e.EndToEndId ?? detail?.EndToEndId,
                    e.CounterpartyName ?? detail?.CounterpartyName, e.CounterpartyAccount ?? detail?.CounterpartyAccount,
                    e.EntryReference ?? e.AccountServicerReference, e.RemittanceInfo ?? e.AdditionalInfo);
                var (match, candidates) = matcher.Find(entry, [e.RemittanceInfo, e.AdditionalInfo, e.SupplementaryDetails, e.EntryReference, .. e.Details.Select(d => d.RemittanceInfo)]);
                if (match is EntryMatch.Matched or EntryMatch.Returned)
                {
                    settlement.Apply(entry, candidates[0].Line, candidates[0].Batch, now);
                }
                else
                {
                    entry.Resolve(match, null, null, null, null);
                }

                settlement.Entries.Add(entry);
            }
        }

        return settlement;
    }

    /// <summary><see cref="Settlement.ApplyAsync"/> for an import: the same steps on objects that are not tracked.</summary>
    private void Apply(ImportedEntry entry, BatchLine line, PaymentBatch batch, DateTimeOffset now)
    {
        var payable = _payables.GetValueOrDefault(line.PayableId) ?? throw new InvalidOperationException($"Payable {line.PayableId} of line {line.Id} is missing.");
        _lines.TryAdd(line.Id, (line, line.Status));
        _settledPayables[payable.Id] = payable;
        _batches.Add(batch.Id);
        Settlement.Settle(entry, line, batch, payable, null, null, now, Events.Add);
    }
}
