using ExpenseFlow.Insights.Contracts;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Insights.Domain.Facts;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Insights.Infrastructure;

/// <summary>An integration event as Insights received it: the log every KPI is computed from, and replayed on rebuild.</summary>
public sealed class EventRecord
{
    public long Id { get; init; }

    public Guid EventId { get; init; }

    public required string Type { get; init; }

    public Guid? ClaimId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public required string Payload { get; init; }

    /// <summary>What Insights looked up when the event arrived (the submitter's department, names), kept so a replay gives the same answer.</summary>
    public string? Context { get; init; }
}

/// <summary>A rollup cell: the counters of a month × dimension × key (see <see cref="Counter"/> for the positions).</summary>
public sealed class CellRow
{
    public DateOnly Month { get; init; }

    public required string Dim { get; init; }

    public required string Key { get; init; }

    public required long[] Counters { get; set; }

    public string? Label { get; set; }

    public string? Kind { get; set; }
}

/// <summary>A histogram entry: how many durations of a metric fell in a bucket for a month × dimension × key.</summary>
public sealed class HistRow
{
    public short Metric { get; init; }

    public DateOnly Month { get; init; }

    public required string Dim { get; init; }

    public required string Key { get; init; }

    public int Bucket { get; init; }

    public long N { get; set; }
}

/// <summary>A version of the baseline; never changed once written (figures and history summary as JSON).</summary>
public sealed class BaselineRow
{
    public Guid Id { get; init; }

    public int Version { get; init; }

    public required string Name { get; init; }

    public required string Currency { get; init; }

    /// <summary>entered | measured.</summary>
    public required string Method { get; init; }

    public required string FiguresJson { get; init; }

    public string? HistoryJson { get; init; }

    public string? Note { get; init; }

    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A survey score entered by management (soft metric), before and after.</summary>
public sealed class SurveyRow
{
    public required string Key { get; init; }

    public decimal? Before { get; set; }

    public decimal? After { get; set; }

    public Guid? EnteredBy { get; set; }

    public DateTimeOffset? EnteredAt { get; set; }
}

public sealed class InsightsDbContext(DbContextOptions<InsightsDbContext> options, TimeProvider clock) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "insights";

    public string Schema => SchemaName;

    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<ClaimFact> ClaimFacts => Set<ClaimFact>();

    public DbSet<TaskFact> TaskFacts => Set<TaskFact>();

    public DbSet<CellRow> Cells => Set<CellRow>();

    public DbSet<HistRow> Histograms => Set<HistRow>();

    public DbSet<BaselineRow> Baselines => Set<BaselineRow>();

    public DbSet<SurveyRow> Survey => Set<SurveyRow>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();

    public void Publish(IntegrationEvent integrationEvent) => this.AddOutbox(integrationEvent, clock);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(SchemaName);
        modelBuilder.MapOutbox();
        modelBuilder.Entity<EventRecord>(b =>
        {
            b.ToTable("events");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).UseIdentityAlwaysColumn();
            b.HasIndex(x => x.EventId).IsUnique();
            b.Property(x => x.Type).HasMaxLength(200);
            b.Property(x => x.Payload).HasColumnType("jsonb");
            b.Property(x => x.Context).HasColumnType("jsonb");
            b.HasIndex(x => x.ClaimId);
        });
        modelBuilder.Entity<ClaimFact>(b =>
        {
            b.ToTable("claim_facts");
            b.HasKey(x => x.ClaimId);
            b.Property(x => x.ClaimId).ValueGeneratedNever();
            b.Ignore(x => x.PaidAt);
            b.Ignore(x => x.IsTouchless);
            b.Property(x => x.Number).HasMaxLength(40);
            b.Property(x => x.Category).HasMaxLength(50);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.Property(x => x.Amount).HasPrecision(18, 2);
            b.HasIndex(x => x.FirstSubmittedAt);
        });
        modelBuilder.Entity<TaskFact>(b =>
        {
            b.ToTable("task_facts");
            b.HasKey(x => x.TaskId);
            b.Property(x => x.TaskId).ValueGeneratedNever();
            b.Ignore(x => x.IsFinanceReview);
            b.Ignore(x => x.IsNotify);
            b.Ignore(x => x.DecidedByPerson);
            b.Ignore(x => x.Breached);
            b.Ignore(x => x.Wait);
            b.Ignore(x => x.ActiveTime);
            b.HasIndex(x => x.ClaimId);
            b.HasIndex(x => x.CompletedAt);
        });
        modelBuilder.Entity<CellRow>(b =>
        {
            b.ToTable("cells");
            b.HasKey(x => new { x.Dim, x.Month, x.Key });
            b.Property(x => x.Dim).HasMaxLength(20);
            b.Property(x => x.Key).HasMaxLength(300);
        });
        modelBuilder.Entity<HistRow>(b =>
        {
            b.ToTable("histograms");
            b.HasKey(x => new { x.Dim, x.Metric, x.Month, x.Key, x.Bucket });
            b.Property(x => x.Dim).HasMaxLength(20);
            b.Property(x => x.Key).HasMaxLength(300);
        });
        modelBuilder.Entity<BaselineRow>(b =>
        {
            b.ToTable("baselines");
            b.HasKey(x => x.Id);
            b.HasIndex(x => x.Version).IsUnique();
            b.Property(x => x.Name).HasMaxLength(InsightsLimits.BaselineName);
            b.Property(x => x.Currency).HasMaxLength(InsightsLimits.Currency);
            b.Property(x => x.Method).HasMaxLength(20);
            b.Property(x => x.FiguresJson).HasColumnType("jsonb");
            b.Property(x => x.HistoryJson).HasColumnType("jsonb");
            b.Property(x => x.Note).HasMaxLength(2000);
        });
        modelBuilder.Entity<SurveyRow>(b =>
        {
            b.ToTable("survey_scores");
            b.HasKey(x => x.Key);
            b.Property(x => x.Key).HasMaxLength(50);
            b.Property(x => x.Before).HasPrecision(9, 2);
            b.Property(x => x.After).HasPrecision(9, 2);
        });
    }
}
