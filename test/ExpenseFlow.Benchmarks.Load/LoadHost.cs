using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Benchmarks.Load;

/// <summary>The host on Kestrel (real sockets on loopback), with the demo company seeded in a fresh database.</summary>
internal sealed class LoadHost : ExpenseFlowApp
{
    /// <summary>The 20 demo people, in employee-number order (E0001…E0020).</summary>
    public static readonly string[] DemoLogins =
    [
        "ceo", "cfo", "finance1", "finance2", "admin", "sales.director", "sales.east", "sales1", "sales2", "sales3",
        "sales4", "rnd.director", "rnd.lead", "dev1", "dev2", "dev3", "dev4", "office", "analyst", "assistant",
    ];

    private readonly bool _jobs;

    /// <param name="jobs">Whether the host runs its Hangfire workers (recognition as in production).</param>
    public LoadHost(bool jobs = false)
    {
        _jobs = jobs;
        UseKestrel(0);
    }

    protected override bool JobServer => _jobs;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The statement import logs where its time went (parse, match, write): the payments scenario reports it.
        const string statements = "ExpenseFlow.Payments.Application.Statements";
        builder.UseSetting($"Serilog:MinimumLevel:Override:{statements}", "Information");
        builder.ConfigureServices(services => services.AddLogging(l => l.AddFilter(statements, LogLevel.Information)));
    }

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public Task DisposeForLoadAsync() => ShutdownAsync();

    public async Task<HttpClient> ClientAsync(string login) => await ClientAsync(login, TimeSpan.FromSeconds(100));

    public async Task<HttpClient> ClientAsync(string login, TimeSpan timeout)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 4 }) { BaseAddress = new Uri(BaseUrl), Timeout = timeout };
        (await client.PostAsJsonAsync("/api/organization/account/login", new { email = DemoEmail(login), password = TestDatabase.DemoPassword })).EnsureSuccessStatusCode();
        return client;
    }
}

internal static class Stats
{
    public static void Print(string name, IReadOnlyCollection<double> ms, TimeSpan wall, int errors)
    {
        var sorted = ms.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"| {name} | {sorted.Length} | {errors} | {P(0.5):F1} | {P(0.95):F1} | {P(0.99):F1} | {sorted.LastOrDefault():F1} | {sorted.Length / wall.TotalSeconds:F1} |");
    }

    public static void Header() =>
        Console.WriteLine("| scenario | requests | errors | p50 ms | p95 ms | p99 ms | max ms | req/s |\n|---|---|---|---|---|---|---|---|");

    /// <summary>One warm-up call, then <paramref name="requests"/> sequential GETs, printed as a table row.</summary>
    public static async Task MeasureGetAsync(HttpClient client, string name, string url, int requests)
    {
        await client.GetAsync(url);
        var latencies = new List<double>();
        var errors = 0;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            latencies.Add(await TimeAsync(() => client.GetAsync(url), r => errors += r.IsSuccessStatusCode ? 0 : 1));
        }

        Print(name, latencies, wall.Elapsed, errors);
    }

    public static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call, Action<HttpResponseMessage> check)
    {
        var sw = Stopwatch.StartNew();
        using var response = await call();
        sw.Stop();
        check(response);
        return sw.Elapsed.TotalMilliseconds;
    }
}
