using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExpenseFlow.Approvals.Infrastructure;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ApprovalsDbContext>
{
    public ApprovalsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApprovalsDbContext>()
            .UseNpgsql("Host=localhost;Database=expenseflow_design", o => o.MigrationsHistoryTable("__migrations", ApprovalsDbContext.SchemaName))
            .UseSnakeCaseNamingConvention()
            .Options, TimeProvider.System);
}
