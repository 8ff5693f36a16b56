using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.Seeding;

internal sealed class OrganizationMigrator(OrganizationDbContext db, OrganizationSeeder seeder) : IModuleMigrator
{
    public string Module => "Organization";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await seeder.SeedRolesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> SeedDemoAsync(string demoPassword, CancellationToken cancellationToken)
    {
        var created = await seeder.SeedDemoAsync(demoPassword, cancellationToken);
        return created.Select(c => $"{c.Email,-40} {c.DisplayName,-8} {string.Join(", ", c.Roles)}").ToList();
    }
}
