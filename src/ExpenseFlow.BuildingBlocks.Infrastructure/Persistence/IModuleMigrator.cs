namespace ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Brings one module's schema up to date and seeds its reference data; DbMigrator and tests run every one.</summary>
public interface IModuleMigrator
{
    string Module { get; }

    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Seeds the demo company; returns lines to print once (for example demo logins), empty when already seeded.</summary>
    Task<IReadOnlyList<string>> SeedDemoAsync(string demoPassword, CancellationToken cancellationToken);
}
