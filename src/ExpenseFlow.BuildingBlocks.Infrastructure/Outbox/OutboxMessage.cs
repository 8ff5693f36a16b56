namespace ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;

/// <summary>An integration event waiting in its module's schema to be delivered.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public required string Type { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>Remembers which handler already processed which event, so redelivery has no second effect.</summary>
public sealed class InboxRecord
{
    public Guid EventId { get; set; }

    public required string Handler { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
