using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Expenses.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExpenseFlow.Expenses.Application.Receipts;

/// <summary>Receipts:Store chooses where receipt bytes live; the host refuses to start when it cannot store them there.</summary>
internal static class ReceiptStorageSetup
{
    public static IServiceCollection AddReceiptStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new ReceiptStorageOptions
        {
            Path = configuration["Receipts:StoragePath"] is { Length: > 0 } path ? path : ReceiptStorageOptions.DefaultPath,
            Store = ParseStore(configuration["Receipts:Store"]),
        };
        services.AddSingleton(options);
        if (options.Store == ReceiptStore.Database)
        {
            services.AddSingleton<IReceiptStorage>(sp =>
                new DatabaseReceiptStorage(NpgsqlDataSource.Create(configuration.GetExpenseFlowConnectionString()), sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton<IReceiptStorage, FileSystemReceiptStorage>();
        }

        services.AddHostedService<ReceiptStorageCheck>();
        return services;
    }

    private static ReceiptStore ParseStore(string? value) =>
        string.IsNullOrWhiteSpace(value) ? ReceiptStore.FileSystem
        : Enum.TryParse<ReceiptStore>(value, ignoreCase: true, out var store) && Enum.IsDefined(store) ? store
        : throw new InvalidOperationException($"Receipts:Store '{value}' is not one of FileSystem, Database.");
}

/// <summary>
/// Fails the start, with the reason, when receipts could not be stored: better a host that does not come up than one
/// that answers every upload with a 500 (or, on a private /tmp, stores receipts that vanish with the next restart).
/// </summary>
internal sealed class ReceiptStorageCheck(IReceiptStorage storage, ReceiptStorageOptions options, ILogger<ReceiptStorageCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.EnsureWritableAsync(cancellationToken);
        }
        catch (ReceiptStorageUnusableException ex)
        {
            logger.LogCritical(ex, "Receipt storage is unusable: {Reason}", ex.Message);
            throw;
        }

        logger.LogInformation("Receipts are stored in {Store}", options.Store == ReceiptStore.Database ? "the database (expenses.receipt_blobs)" : options.Path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
