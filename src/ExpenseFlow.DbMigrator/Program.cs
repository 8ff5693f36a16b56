using System.Security.Cryptography;
using ExpenseFlow.Approvals.Application;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Expenses.Application;
using ExpenseFlow.Organization.Application;
using ExpenseFlow.Payments.Application;
using ExpenseFlow.Insights.Application;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Applies every module's migrations (one schema per module); with --demo also seeds the demo company once.
var demo = args.Contains("--demo");
// Content root = the program's folder, so its appsettings.json loads first and environment variables override it.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args.Where(a => a != "--demo").ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Services.AddOrganizationModule(builder.Configuration);
builder.Services.AddExpensesModule(builder.Configuration);
builder.Services.AddApprovalsModule(builder.Configuration);
builder.Services.AddPaymentsModule(builder.Configuration);
builder.Services.AddInsightsModule(builder.Configuration);
using var host = builder.Build();

await using var scope = host.Services.CreateAsyncScope();
var migrators = scope.ServiceProvider.GetServices<IModuleMigrator>().ToList();
foreach (var migrator in migrators)
{
    await migrator.MigrateAsync(CancellationToken.None);
    Console.WriteLine($"migrated: {migrator.Module}");
}

if (demo)
{
    var password = Environment.GetEnvironmentVariable("EXPENSEFLOW_DEMO_PASSWORD");
    if (string.IsNullOrWhiteSpace(password))
    {
        password = "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant() + "X9";
    }

    var lines = new List<string>();
    foreach (var migrator in migrators)
    {
        lines.AddRange(await migrator.SeedDemoAsync(password, CancellationToken.None));
    }

    if (lines.Count == 0)
    {
        Console.WriteLine("demo: the demo company already exists; its credentials were printed when it was created.");
    }
    else
    {
        Console.WriteLine("==== ExpenseFlow demo credentials (printed once) ====");
        Console.WriteLine($"password for every demo user: {password}");
        lines.ForEach(Console.WriteLine);
        Console.WriteLine("=====================================================");
    }
}

return 0;
