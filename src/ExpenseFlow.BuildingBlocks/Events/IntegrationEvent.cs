namespace ExpenseFlow.BuildingBlocks.Events;

/// <summary>
/// A fact one module tells the others. Written to the sender's outbox in the same transaction as the change
/// and delivered at least once after commit; handlers must be idempotent on <see cref="EventId"/>.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; }
}

public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
