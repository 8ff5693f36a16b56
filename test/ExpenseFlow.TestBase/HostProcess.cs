using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace ExpenseFlow.TestBase;

/// <summary>
/// The real host as a separate operating-system process over a test database, so that a crash test can kill it
/// (SIGKILL, or a fault point armed by EXPENSEFLOW_FAULT) and nothing of it survives in the test's own process.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private HostProcess(Process process, string baseUrl)
    {
        Process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public Process Process { get; }

    /// <summary>
    /// Starts ExpenseFlow.HttpApi.Host.dll (copied beside the test binaries) and waits until /health answers.
    /// <paramref name="output"/>, when given, receives every line the process writes to stdout and stderr (from the
    /// process's reader threads, so it must be thread-safe): a test that wants the host's logged exceptions reads them there.
    /// </summary>
    public static async Task<HostProcess> StartAsync(
        string connectionString, string receiptStoragePath, IReadOnlyDictionary<string, string>? environment = null, int? onPort = null,
        Action<string>? output = null)
    {
        var port = onPort ?? FreePort();

        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ExpenseFlow.HttpApi.Host.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__ExpenseFlow"] = connectionString;
        start.Environment["Receipts__StoragePath"] = receiptStoragePath;
        start.Environment["Jobs__ServerEnabled"] = "false";
        start.Environment["Recognition__WarmUpOnStart"] = "false";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        // The pipes are always drained (a full pipe would block the host's logging); the lines go to the sink if there is one.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output?.Invoke(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output?.Invoke(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, $"http://127.0.0.1:{port}");
        using var probe = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await probe.GetAsync(host.BaseUrl + "/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host process exited with {process.ExitCode} while starting");
            }

            await Task.Delay(100);
        }

        await host.DisposeAsync();
        throw new TimeoutException("the host process did not become healthy in 90 s");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A client of this process signed in as a demo user; null when the process died during the sign-in.</summary>
    public async Task<HttpClient> SignInAsync(string login)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        (await client.PostAsJsonAsync("/api/organization/account/login", new { email = ExpenseFlowApp.DemoEmail(login), password = TestDatabase.DemoPassword }))
            .EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>kill -9: the process gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        if (_disposed)
        {
            return;
        }

        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _disposed = true;
        Process.Dispose();
    }

    private bool _disposed;
}
