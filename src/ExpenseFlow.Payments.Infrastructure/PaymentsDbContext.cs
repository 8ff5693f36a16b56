using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Domain.Batches;
using ExpenseFlow.Payments.Domain.Payables;
using ExpenseFlow.Payments.Domain.Statements;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Payments.Infrastructure;

/// <summary>A bank file generated for a batch, kept byte for byte with its SHA-256 and who generated it.</summary>
public sealed class StoredBankFile
{
    public Guid Id { get; init; }

    public Guid BatchId { get; init; }

    public required string Format { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    public required string Sha256 { get; init; }

    public Guid GeneratedBy { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }
}

/// <summary>The accounting mapping (JSON of <c>AccountingMapping</c>), one row.</summary>
public sealed class AccountingSettings
{
    public int Id { get; init; } = 1;

    public required string MappingJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedBy { get; set; }
}

public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options, TimeProvider clock) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "payments";

    public string Schema => SchemaName;

    public DbSet<Payable> Payables => Set<Payable>();

    public DbSet<PaymentBatch> Batches => Set<PaymentBatch>();

    public DbSet<BatchLine> BatchLines => Set<BatchLine>();

    public DbSet<StoredBankFile> Files => Set<StoredBankFile>();

    public DbSet<StatementImport> StatementImports => Set<StatementImport>();

    public DbSet<ImportedEntry> StatementEntries => Set<ImportedEntry>();

    public DbSet<AccountingSettings> AccountingSettings => Set<AccountingSettings>();

    public DbSet<BankTemplate> BankTemplates => Set<BankTemplate>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();

    public void Publish(IntegrationEvent integrationEvent) => this.AddOutbox(integrationEvent, clock);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(SchemaName);
        modelBuilder.HasSequence<long>("batch_number_seq").StartsAt(1);
        modelBuilder.MapOutbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentsDbContext).Assembly);
    }
}
