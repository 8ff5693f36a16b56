using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Many integration events written to a module's outbox with one binary COPY in the context's open transaction, for a
/// use case that settles tens of thousands of things at once (a bank statement). The rows are the ones
/// <see cref="ModuleDbContextExtensions.AddOutbox"/> would have saved one by one, and they commit or roll back with the
/// rest of the transaction; the dispatcher is woken on commit.
/// </summary>
public static class OutboxBulk
{
    public static async Task<int> WriteAsync(DbContext context, IReadOnlyList<IntegrationEvent> events, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        if (context.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Outbox rows are written in the transaction of the change they announce; begin one first.");
        }

        var entity = context.Model.FindEntityType(typeof(OutboxMessage))!;
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        // The table name comes from the EF model, never from input.
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{entity.GetSchema()}\".\"{entity.GetTableName()}\" (id, type, payload, occurred_at, attempts) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var integrationEvent in events)
            {
                var message = ModuleDbContextExtensions.ToOutboxMessage(integrationEvent, clock);
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(message.Id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(message.Type, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(message.Payload, NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(message.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        OutboxSignalInterceptor.WrittenOutsideChangeTracker(context);
        return events.Count;
    }
}
