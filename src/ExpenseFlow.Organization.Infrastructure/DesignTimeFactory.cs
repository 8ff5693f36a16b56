using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExpenseFlow.Organization.Infrastructure;

/// <summary>Lets dotnet-ef build the model without starting the host; no database is contacted to add a migration.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OrganizationDbContext>
{
    public OrganizationDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OrganizationDbContext>()
            .UseNpgsql("Host=localhost;Database=expenseflow_design", o => o.MigrationsHistoryTable("__migrations", OrganizationDbContext.SchemaName))
            .UseSnakeCaseNamingConvention()
            .Options;
        return new OrganizationDbContext(options, TimeProvider.System);
    }
}
