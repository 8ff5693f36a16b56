using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExpenseFlow.Payments.Infrastructure;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PaymentsDbContext>
{
    public PaymentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PaymentsDbContext>()
            .UseNpgsql("Host=localhost;Database=expenseflow_design", o => o.MigrationsHistoryTable("__migrations", PaymentsDbContext.SchemaName))
            .UseSnakeCaseNamingConvention()
            .Options, TimeProvider.System);
}
