using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using ExpenseFlow.Expenses.Domain.Receipts;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Infrastructure;

/// <summary>
/// An invoice identity (canonical key, see InvoiceIdentity) claimed by a submitted claim; the primary key makes a
/// second claim impossible. Released (a trigger) when the claim is cancelled or rejected.
/// </summary>
public sealed class ClaimedInvoice
{
    public required string InvoiceKey { get; init; }

    public Guid ClaimId { get; init; }

    public Guid LineId { get; init; }

    public DateTimeOffset ClaimedAt { get; init; }
}

/// <summary>
/// A receipt file (by the SHA-256 of its bytes) claimed by a submitted claim: the primary key lets the same bytes be
/// reimbursed once, whoever uploads them again. Released (a trigger) when the claim is cancelled or rejected.
/// </summary>
public sealed class ClaimedReceiptFile
{
    public required string ContentHash { get; init; }

    public Guid ClaimId { get; init; }

    public Guid ReceiptId { get; init; }

    public DateTimeOffset ClaimedAt { get; init; }
}

/// <summary>
/// An identity read from a claimed document too unsurely to claim (an OCR reading below the sure confidence, or a serial
/// unique only within its issuer): kept so a later claim holding it is warned, never refused. Several claims may note
/// the same key. Released with the claim's other documents (the same trigger) when it is cancelled or rejected.
/// </summary>
public sealed class NotedIdentity
{
    public required string IdentityKey { get; init; }

    public Guid ClaimId { get; init; }

    public Guid LineId { get; init; }

    public DateTimeOffset NotedAt { get; init; }
}

/// <summary>A request made with an Idempotency-Key and the answer it got, replayed to a retry.</summary>
public sealed class IdempotentRequest
{
    public Guid UserId { get; init; }

    public required string Key { get; init; }

    public required string Operation { get; init; }

    public int? StatusCode { get; set; }

    public string? Response { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class ExpensesDbContext(DbContextOptions<ExpensesDbContext> options, TimeProvider clock) : DbContext(options), IModuleDbContext
{
    public const string SchemaName = "expenses";

    public string Schema => SchemaName;

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<ClaimLine> ClaimLines => Set<ClaimLine>();

    public DbSet<ClaimEvent> ClaimEvents => Set<ClaimEvent>();

    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<ClaimedInvoice> ClaimedInvoices => Set<ClaimedInvoice>();

    public DbSet<ClaimedReceiptFile> ClaimedReceiptFiles => Set<ClaimedReceiptFile>();

    public DbSet<NotedIdentity> NotedIdentities => Set<NotedIdentity>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public DbSet<ExpenseCategory> Categories => Set<ExpenseCategory>();

    public DbSet<CategoryLimit> CategoryLimits => Set<CategoryLimit>();

    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();

    public DbSet<PolicySettings> PolicySettings => Set<PolicySettings>();

    public DbSet<TravelClassRule> TravelClassRules => Set<TravelClassRule>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();

    public void Publish(IntegrationEvent integrationEvent) => this.AddOutbox(integrationEvent, clock);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(SchemaName);
        modelBuilder.HasSequence<long>("claim_number_seq").StartsAt(1);
        modelBuilder.MapOutbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ExpensesDbContext).Assembly);
    }
}
