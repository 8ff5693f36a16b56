using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExpenseFlow.Insights.Infrastructure;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<InsightsDbContext>
{
    public InsightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InsightsDbContext>()
            .UseNpgsql("Host=localhost;Database=expenseflow_design", o => o.MigrationsHistoryTable("__migrations", InsightsDbContext.SchemaName))
            .UseSnakeCaseNamingConvention()
            .Options, TimeProvider.System);
}
