using ExpenseFlow.Expenses.Infrastructure.Recognition;
using ExpenseFlow.Recognition;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;

namespace ExpenseFlow.Expenses.Application;

/// <summary>Registers the module's recurring jobs when the host starts.</summary>
internal sealed class ExpensesJobs(IRecurringJobManager recurring, RecognitionEngine engine, IConfiguration configuration, ILogger<ExpensesJobs> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // This instance recognises receipts: load the OCR models now, in the background, not on the first photo.
        if (configuration.GetValue("Recognition:WarmUpOnStart", true))
        {
            _ = Task.Run(() =>
        {
            try
            {
                engine.WarmUp();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "Recognition warm-up failed; images will fail until the OCR models are installed");
            }
            }, CancellationToken.None);
        }

        recurring.AddOrUpdate<ReceiptMaintenanceJob>("expenses-receipt-maintenance", j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
