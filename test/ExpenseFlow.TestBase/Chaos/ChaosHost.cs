using System.Net;
using System.Net.Http.Json;

namespace ExpenseFlow.TestBase.Chaos;

/// <summary>
/// The host process of a crash-and-race run: one loopback port for its whole life, killed with SIGKILL and started again
/// on the same port, and clients that ride through the restarts (a request that met a dead host is sent again).
/// </summary>
public sealed class ChaosHost(string connectionString, string storagePath) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _port = HostProcess.FreePort();
    private HostProcess? _process;
    private TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Kills { get; private set; }

    /// <summary>Starts of the host process that failed and were tried again (reported, so a run on a loaded machine says so).</summary>
    public List<string> StartFailures { get; } = [];

    public int Retries => _retries;

    public int Requests => _requests;

    public int InFlight => Volatile.Read(ref _inFlight);

    private int _retries;
    private int _requests;
    private int _inFlight;

    /// <summary>Requests that were under way at each kill: the kills hit work in progress, not an idle host.</summary>
    public List<int> InFlightAtKills { get; } = [];

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            // Every login of the run comes from 127.0.0.1: the throttle of failed sign-ins has nothing to do here.
            // On a loaded machine a start can miss its deadline; a restart is what an operator's supervisor would do too.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    _process = await HostProcess.StartAsync(connectionString, storagePath, new Dictionary<string, string> { ["Security__Login__FailuresPerAddress"] = "1000" }, _port);
                    break;
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException && attempt < 3)
                {
                    StartFailures.Add(e.Message);
                }
            }

            _up.TrySetResult();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>kill -9 at whatever moment the run is in, then a new process on the same port.</summary>
    public async Task KillAndRestartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            InFlightAtKills.Add(Volatile.Read(ref _inFlight));
            if (_process is not null)
            {
                await _process.DisposeAsync();
                _process = null;
            }

            Kills++;
        }
        finally
        {
            _gate.Release();
        }

        await StartAsync();
    }

    /// <summary>A signed-in client of a demo user whose requests are retried across restarts.</summary>
    public async Task<ChaosClient> ClientAsync(string login)
    {
        var client = new ChaosClient(this, login);
        await client.SendAsync(h => h.PostAsJsonAsync("/api/organization/account/login", new { email = ExpenseFlowApp.DemoEmail(login), password = TestDatabase.DemoPassword }));
        return client;
    }

    internal async Task<HttpResponseMessage> SendAsync(HttpClient http, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            Interlocked.Increment(ref _requests);
            await _up.Task.WaitAsync(TimeSpan.FromMinutes(3));
            Interlocked.Increment(ref _inFlight);
            try
            {
                var response = await send(http);
                if ((int)response.StatusCode < 500 || attempt >= 20)
                {
                    return response;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && attempt < 20)
            {
                // The process died under this request: whatever it committed stays, and the request is made again.
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(200 + Random.Shared.Next(300));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _gate.Dispose();
    }
}

/// <summary>One person's browser: its cookie outlives the host process (the keys are in the database).</summary>
public sealed class ChaosClient(ChaosHost host, string login) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        BaseAddress = new Uri(host.BaseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public string Login { get; } = login;

    public Task<HttpResponseMessage> SendAsync(Func<HttpClient, Task<HttpResponseMessage>> send) => host.SendAsync(_http, send);

    public async Task<T> GetAsync<T>(string url)
    {
        var response = await SendAsync(h => h.GetAsync(url));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public void Dispose() => _http.Dispose();
}
