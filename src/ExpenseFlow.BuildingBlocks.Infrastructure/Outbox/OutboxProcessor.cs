using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;

public interface IOutboxProcessor
{
    string Module { get; }

    /// <summary>Delivers due messages; returns how many were handled (delivered or failed) in this pass.</summary>
    Task<int> ProcessDueAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Reads one module's outbox under row locks (SKIP LOCKED, so several hosts can share the work), delivers each
/// message and marks it processed in the same transaction; a failure is retried later with back-off.
/// </summary>
public sealed class OutboxProcessor<TContext>(
    IServiceScopeFactory scopes,
    IntegrationEventTypes types,
    IntegrationEventPublisher publisher,
    TimeProvider clock,
    ILogger<OutboxProcessor<TContext>> logger) : IOutboxProcessor
    where TContext : DbContext
{
    private const int BatchSize = 50;

    public string Module => typeof(TContext).Name;

    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // The table name comes from the EF model, never from input.
#pragma warning disable EF1003
        var due = await db.Set<OutboxMessage>()
            .FromSqlRaw(
                "SELECT * FROM " + table +
                " WHERE processed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {0})" +
                " ORDER BY occurred_at LIMIT " + BatchSize + " FOR UPDATE SKIP LOCKED",
                now)
            .ToListAsync(cancellationToken);
#pragma warning restore EF1003
        foreach (var message in due)
        {
            await DeliverAsync(message, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return due.Count;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var type = types.Find(message.Type)
                ?? throw new InvalidOperationException($"Unknown integration event type '{message.Type}'.");
            var integrationEvent = (Events.IntegrationEvent)JsonSerializer.Deserialize(
                message.Payload, type, Persistence.ModuleDbContextExtensions.EventJson)!;
            await publisher.PublishAsync(integrationEvent, cancellationToken);
            message.ProcessedAt = clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.Attempts++;
            message.LastError = ex.ToString()[..Math.Min(4000, ex.ToString().Length)];
            var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, message.Attempts)));
            message.NextAttemptAt = clock.GetUtcNow() + delay;
            logger.LogWarning(ex, "Delivery of outbox message {MessageId} ({Type}) failed, attempt {Attempt}", message.Id, message.Type, message.Attempts);
        }
    }
}
