using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Domain.Statements;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ExpenseFlow.Payments.Infrastructure.Statements;

/// <summary>A payment line a statement settled: the status it was read in, and what its batch made of it.</summary>
public sealed record SettledLine(Guid Id, BatchLineStatus From, BatchLineStatus Status, DateTimeOffset? SettledAt, string? Reference);

/// <summary>A payable a statement settled: its version as read (PostgreSQL xmin) and what its aggregate made of it.</summary>
public sealed record SettledPayable(Guid Id, uint Version, PayableStatus Status, Guid? BatchId, DateTimeOffset UpdatedAt);

/// <summary>
/// Writes an imported statement in bulk, inside the caller's transaction: the entries by binary COPY, the settled lines
/// and payables by one set-based UPDATE each, every row re-checked against the state the matching read (a line's status,
/// a payable's xmin). Anything another transaction changed in between makes the counts differ and the whole import
/// rolls back with a conflict, as the per-row optimistic checks of the change tracker did.
/// </summary>
public static class StatementBulkWriter
{
    public static async Task SettleAsync(
        PaymentsDbContext db, IReadOnlyList<SettledLine> lines, IReadOnlyList<SettledPayable> payables, IReadOnlyCollection<Guid> batchIds, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var ids = lines.Select(l => l.Id).ToArray();
        var from = lines.Select(l => l.From.ToString()).ToArray();
        var to = lines.Select(l => l.Status.ToString()).ToArray();
        var settledAt = lines.Select(l => l.SettledAt).ToArray();
        var references = lines.Select(l => l.Reference).ToArray();
        var settled = await db.Database.ExecuteSqlAsync($"""
            UPDATE payments.batch_lines l SET status = u.status, settled_at = u.settled_at, statement_reference = u.reference
            FROM unnest({ids}, {from}, {to}, {settledAt}, {references}) AS u(id, from_status, status, settled_at, reference)
            WHERE l.id = u.id AND l.status = u.from_status
            """, ct);
        EnsureAll(settled, lines.Count);

        var payableIds = payables.Select(p => p.Id).ToArray();
        var versions = payables.Select(p => (long)p.Version).ToArray();
        var states = payables.Select(p => p.Status.ToString()).ToArray();
        var batchOf = payables.Select(p => p.BatchId).ToArray();
        var updatedAt = payables.Select(p => p.UpdatedAt).ToArray();
        var moved = await db.Database.ExecuteSqlAsync($"""
            UPDATE payments.payables p SET status = u.status, batch_id = u.batch_id, updated_at = u.updated_at
            FROM unnest({payableIds}, {versions}, {states}, {batchOf}, {updatedAt}) AS u(id, version, status, batch_id, updated_at)
            WHERE p.id = u.id AND p.xmin::text::bigint = u.version
            """, ct);
        EnsureAll(moved, payables.Count);

        // A released batch closes when none of its lines is pending any more, counted where the lines are.
        var batches = batchIds.ToArray();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE payments.batches b SET status = 'Closed'
            WHERE b.id = ANY({batches}) AND b.status = 'Released'
              AND NOT EXISTS (SELECT 1 FROM payments.batch_lines l WHERE l.batch_id = b.id AND l.status = 'Pending')
            """, ct);
    }

    /// <summary>The entries of the import, in one binary COPY.</summary>
    public static async Task WriteEntriesAsync(PaymentsDbContext db, IReadOnlyList<ImportedEntry> entries, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        try
        {
            await using var writer = await connection.BeginBinaryImportAsync("""
                COPY payments.statement_entries (id, import_id, legal_entity_id, sequence, booking_date, amount, currency, is_credit, end_to_end_id,
                    counterparty_name, counterparty_account, reference, details, match, batch_line_id, resolved_by, resolved_at, note, proposed_by, proposed_at)
                FROM STDIN (FORMAT BINARY)
                """, ct);
            foreach (var e in entries)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(e.ImportId, NpgsqlDbType.Uuid, ct);
                await WriteAsync(writer, e.LegalEntityId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(e.Sequence, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(e.BookingDate, NpgsqlDbType.Date, ct);
                await writer.WriteAsync(e.Amount, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(e.Currency, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(e.IsCredit, NpgsqlDbType.Boolean, ct);
                await WriteAsync(writer, e.EndToEndId, ct);
                await WriteAsync(writer, e.CounterpartyName, ct);
                await WriteAsync(writer, e.CounterpartyAccount, ct);
                await WriteAsync(writer, e.Reference, ct);
                await WriteAsync(writer, e.Details, ct);
                await writer.WriteAsync(e.Match.ToString(), NpgsqlDbType.Varchar, ct);
                await WriteAsync(writer, e.BatchLineId, NpgsqlDbType.Uuid, ct);
                await WriteAsync(writer, e.ResolvedBy, NpgsqlDbType.Uuid, ct);
                await WriteAsync(writer, e.ResolvedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteAsync(writer, e.Note, ct);
                await WriteAsync(writer, e.ProposedBy, NpgsqlDbType.Uuid, ct);
                await WriteAsync(writer, e.ProposedAt, NpgsqlDbType.TimestampTz, ct);
            }

            await writer.CompleteAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // ux_statement_entries_line_matched: a line settled by another entry in the meantime.
            throw new DomainException(ApiProblems.Concurrency);
        }
    }

    private static void EnsureAll(int changed, int expected)
    {
        if (changed != expected)
        {
            throw new DomainException(ApiProblems.Concurrency);
        }
    }

    private static async Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, type, ct);
        }
        else
        {
            await writer.WriteNullAsync(ct);
        }
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(ct);
        }
        else
        {
            await writer.WriteAsync(value, NpgsqlDbType.Varchar, ct);
        }
    }
}
