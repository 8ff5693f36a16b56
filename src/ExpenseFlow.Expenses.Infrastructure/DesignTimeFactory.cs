using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExpenseFlow.Expenses.Infrastructure;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ExpensesDbContext>
{
    public ExpensesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ExpensesDbContext>()
            .UseNpgsql("Host=localhost;Database=expenseflow_design", o => o.MigrationsHistoryTable("__migrations", ExpensesDbContext.SchemaName))
            .UseSnakeCaseNamingConvention()
            .Options, TimeProvider.System);
}
