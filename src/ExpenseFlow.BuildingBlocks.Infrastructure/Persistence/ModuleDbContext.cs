using System.Text.Json;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Base of every module's DbContext: one schema per module, with that module's outbox and inbox tables in it.
/// </summary>
public interface IModuleDbContext
{
    string Schema { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<InboxRecord> InboxRecords { get; }

    /// <summary>Queues an integration event; it is committed with the next SaveChanges, or not at all.</summary>
    void Publish(IntegrationEvent integrationEvent);
}

public static class ModuleDbContextExtensions
{
    internal static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public static void AddOutbox(this DbContext context, IntegrationEvent integrationEvent, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Set<OutboxMessage>().Add(ToOutboxMessage(integrationEvent, clock));
    }

    /// <summary>The outbox row of an event, stamped now unless it carries its time: what <see cref="AddOutbox"/> stores and a bulk write copies.</summary>
    public static OutboxMessage ToOutboxMessage(IntegrationEvent integrationEvent, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        ArgumentNullException.ThrowIfNull(clock);
        var occurredAt = integrationEvent.OccurredAt == default ? clock.GetUtcNow() : integrationEvent.OccurredAt;
        var stamped = integrationEvent with { OccurredAt = occurredAt };
        return new OutboxMessage
        {
            Id = stamped.EventId,
            Type = stamped.GetType().FullName!,
            Payload = JsonSerializer.Serialize(stamped, stamped.GetType(), EventJson),
            OccurredAt = occurredAt,
        };
    }

    /// <summary>Maps the outbox and inbox tables into the module's schema.</summary>
    public static void MapOutbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasColumnName("id");
            b.Property(x => x.Type).HasColumnName("type").HasMaxLength(300);
            b.Property(x => x.Payload).HasColumnName("payload").HasColumnType("jsonb");
            b.Property(x => x.OccurredAt).HasColumnName("occurred_at");
            b.Property(x => x.ProcessedAt).HasColumnName("processed_at");
            b.Property(x => x.Attempts).HasColumnName("attempts");
            b.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
            b.Property(x => x.LastError).HasColumnName("last_error");
            b.HasIndex(x => x.OccurredAt).HasFilter("processed_at IS NULL").HasDatabaseName("ix_outbox_pending");
        });
        modelBuilder.Entity<InboxRecord>(b =>
        {
            b.ToTable("inbox_records");
            b.HasKey(x => new { x.EventId, x.Handler });
            b.Property(x => x.EventId).HasColumnName("event_id");
            b.Property(x => x.Handler).HasColumnName("handler").HasMaxLength(300);
            b.Property(x => x.ProcessedAt).HasColumnName("processed_at");
        });
    }
}
