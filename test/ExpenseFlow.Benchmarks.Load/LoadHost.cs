using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseFlow.Benchmarks.Load;

/// <summary>The host on Kestrel (real sockets on loopback), with the demo company seeded in a fresh database.</summary>
internal sealed class LoadHost : ExpenseFlowApp
{
    public LoadHost() => UseKestrel(0);

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public Task DisposeForLoadAsync() => ShutdownAsync();

    public async Task<HttpClient> ClientAsync(string login)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 4 }) { BaseAddress = new Uri(BaseUrl) };
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

    public static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call, Action<HttpResponseMessage> check)
    {
        var sw = Stopwatch.StartNew();
        using var response = await call();
        sw.Stop();
        check(response);
        return sw.Elapsed.TotalMilliseconds;
    }
}
