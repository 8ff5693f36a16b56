using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Organization.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Infrastructure;

/// <summary>A login. Its id is the id of the <see cref="Person"/> it belongs to.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
    }
}

public sealed class OrganizationDbContext(DbContextOptions<OrganizationDbContext> options, TimeProvider clock)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IModuleDbContext, IDataProtectionKeyContext
{
    public const string SchemaName = "organization";

    public string Schema => SchemaName;

    public DbSet<Person> People => Set<Person>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Grade> Grades => Set<Grade>();

    public DbSet<CostCentre> CostCentres => Set<CostCentre>();

    public DbSet<LegalEntity> LegalEntities => Set<LegalEntity>();

    public DbSet<BankAccount> BankAccounts => Set<BankAccount>();

    public DbSet<BankAccountChange> BankAccountChanges => Set<BankAccountChange>();

    /// <summary>Append-only: the database refuses updates and deletes.</summary>
    public DbSet<BankAccountLogEntry> BankAccountLog => Set<BankAccountLogEntry>();

    public DbSet<Delegation> Delegations => Set<Delegation>();

    public DbSet<Domain.Access.AccessEvent> AccessEvents => Set<Domain.Access.AccessEvent>();

    public DbSet<Domain.Access.RoleGrant> RoleGrants => Set<Domain.Access.RoleGrant>();

    /// <summary>Cookie-protection keys, shared by every host instance behind a load balancer.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();

    public void Publish(IntegrationEvent integrationEvent) => this.AddOutbox(integrationEvent, clock);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(SchemaName);
        base.OnModelCreating(builder);
        builder.MapOutbox();
        builder.ApplyConfigurationsFromAssembly(typeof(OrganizationDbContext).Assembly);
    }
}
