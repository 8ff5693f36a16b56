using ExpenseFlow.Approvals.Domain.Flows;
using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Infrastructure;

public sealed class ApprovalsDbContext(DbContextOptions<ApprovalsDbContext> options, TimeProvider clock) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "approvals";

    public string Schema => SchemaName;

    public DbSet<ApprovalFlow> Flows => Set<ApprovalFlow>();

    public DbSet<FlowVersion> FlowVersions => Set<FlowVersion>();

    public DbSet<Approval> Approvals => Set<Approval>();

    public DbSet<ApprovalStep> Steps => Set<ApprovalStep>();

    public DbSet<ApprovalTask> Tasks => Set<ApprovalTask>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();

    public void Publish(IntegrationEvent integrationEvent) => this.AddOutbox(integrationEvent, clock);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(SchemaName);
        modelBuilder.MapOutbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApprovalsDbContext).Assembly);
    }
}
