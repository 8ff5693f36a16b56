using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    /// <summary>Whether this process delivers outbox messages (on by default; tests may drive delivery by hand).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the outboxes are polled when no commit signalled new messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Wakes the dispatcher right after a commit that wrote outbox rows, so delivery does not wait for the poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up covers every commit before it.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>The in-process delivery loop over every module's outbox.</summary>
public sealed class OutboxDispatcher(
    IEnumerable<IOutboxProcessor> processors,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var processor in processors)
        {
            int handled;
            do
            {
                handled = await processor.ProcessDueAsync(cancellationToken);
                total += handled;
            }
            while (handled > 0 && !cancellationToken.IsCancellationRequested);
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch pass failed; retrying after the poll interval");
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
