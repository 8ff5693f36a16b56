using System.Diagnostics;
using System.Globalization;
using ExpenseFlow.Api.Tests.Walk;
using ExpenseFlow.TestBase;
using Xunit;

namespace ExpenseFlow.Api.Tests;

/// <summary>
/// The real host as a process of its own over a demo database of its own, so Kestrel parses the hostile bodies exactly
/// as in production, with its log read back (<see cref="HostLog"/>) and its memory measurable from outside.
/// </summary>
public sealed class WalkHost : IAsyncLifetime
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "expenseflow-walk", Guid.NewGuid().ToString("N"));
    private string _connectionString = string.Empty;

    public HostLog Log { get; } = new();

    public HostProcess Process { get; private set; } = null!;

    public Uri BaseAddress => new(Process.BaseUrl);

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.CreateAsync();
        await TestDatabase.MigrateAsync(_connectionString, demo: true);
        var environment = new Dictionary<string, string>(HostLog.Environment)
        {
            // Every request of the walk comes from 127.0.0.1: the throttle of failed sign-ins per address is not under test here.
            ["Security__Login__FailuresPerAddress"] = "1000000",
        };
        foreach (var key in new[] { "DOTNET_gcServer", "DOTNET_GCConserveMemory", "DOTNET_GCgen0size", "DOTNET_TieredCompilation", "DOTNET_TieredPGO" })
        {
            // Lets a measurement run compare GC settings (EXPENSEFLOW_WALK_DOTNET_gcServer=0 ...) without touching the host.
            if (Environment.GetEnvironmentVariable("EXPENSEFLOW_WALK_" + key) is { } value)
            {
                environment[key] = value;
            }
        }

        Process = await HostProcess.StartAsync(_connectionString, _storage, environment, output: Log.Accept);
        await WalkData.SeedAsync(Process);
    }

    public async Task DisposeAsync()
    {
        await Process.DisposeAsync();
        await TestDatabase.DropAsync(_connectionString);
        if (Directory.Exists(_storage))
        {
            Directory.Delete(_storage, recursive: true);
        }
    }

    /// <summary>Working set and private memory of the host process, in MB.</summary>
    public (double WorkingSetMb, double PrivateMb) Memory()
    {
        var process = Process.Process;
        process.Refresh();
        return (process.WorkingSet64 / 1048576.0, process.PrivateMemorySize64 / 1048576.0);
    }

    public static string Format((double WorkingSetMb, double PrivateMb) memory) =>
        string.Create(CultureInfo.InvariantCulture, $"working set {memory.WorkingSetMb:F0} MB, private {memory.PrivateMb:F0} MB");

    /// <summary>
    /// Memory after the host had <paramref name="seconds"/> to settle, sampled once a second (the idle period is what is
    /// measured here, not a wait for something to happen); the last sample is the figure.
    /// </summary>
    public async Task<(double WorkingSetMb, double PrivateMb)> MemoryAfterIdleAsync(int seconds, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        var samples = new List<double>();
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            await Task.Delay(1000);
            samples.Add(Memory().WorkingSetMb);
        }

        log(string.Create(CultureInfo.InvariantCulture, $"memory while idle (working set, MB, one per second): {string.Join(" ", samples.Select(s => s.ToString("F0", CultureInfo.InvariantCulture)))}"));
        return Memory();
    }
}
