using System.Reflection;
using ExpenseFlow.HttpApi.Host.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseFlow.TestBase;

/// <summary>The modules under test: the host's own composition, so tests see what production runs.</summary>
public static class ModuleSet
{
    public static void AddAll(IServiceCollection services, IConfiguration configuration) => services.AddExpenseFlowModules(configuration);

    public static IReadOnlyList<Assembly> MigrationAssemblies { get; } =
    [
        typeof(Organization.Infrastructure.OrganizationDbContext).Assembly,
        typeof(Expenses.Infrastructure.ExpensesDbContext).Assembly,
        typeof(Approvals.Infrastructure.ApprovalsDbContext).Assembly,
        typeof(Payments.Infrastructure.PaymentsDbContext).Assembly,
        typeof(Insights.Infrastructure.InsightsDbContext).Assembly,
    ];
}
