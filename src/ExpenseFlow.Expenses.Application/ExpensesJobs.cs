using ExpenseFlow.Expenses.Infrastructure.Recognition;
using Hangfire;
using Microsoft.Extensions.Hosting;

namespace ExpenseFlow.Expenses.Application;

/// <summary>Registers the module's recurring jobs when the host starts.</summary>
internal sealed class ExpensesJobs(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<ReceiptMaintenanceJob>("expenses-receipt-maintenance", j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
