using System.Net.Http.Json;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ExpenseFlow.TestBase;

/// <summary>
/// The real host over a database of its own (one per test class). Seeded with the demo company, whose users all have
/// <see cref="TestDatabase.DemoPassword"/>.
/// </summary>
public class ExpenseFlowApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>This host's receipt storage folder, removed with the host.</summary>
    public string ReceiptStoragePath { get; } = Path.Combine(Path.GetTempPath(), "expenseflow-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Whether the outbox dispatcher runs in the background (tests of delivery may drive it by hand).</summary>
    protected virtual bool OutboxDispatcher => true;

    protected virtual bool SeedDemo => true;

    /// <summary>Whether this host runs Hangfire workers (off by default: tests run jobs directly where they need them).</summary>
    protected virtual bool JobServer => false;

    /// <summary>Where this host keeps receipt bytes (Receipts:Store): its own folder, or the shared database.</summary>
    protected virtual string ReceiptStore => "FileSystem";

    /// <summary>Set to run this host over another host's database (a restart); that database is then left in place.</summary>
    protected virtual string? ExistingDatabase => null;

    public virtual async Task InitializeAsync()
    {
        if (ExistingDatabase is { } existing)
        {
            ConnectionString = existing;
            return;
        }

        ConnectionString = await TestDatabase.CreateAsync();
        if (SeedDemo)
        {
            await TestDatabase.MigrateAsync(ConnectionString, demo: true);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => ShutdownAsync();

    /// <summary>Stops the host and drops the class's database.</summary>
    protected virtual async Task ShutdownAsync()
    {
        await DisposeAsync();
        if (ExistingDatabase is null)
        {
            await TestDatabase.DropAsync(ConnectionString);
        }

        if (Directory.Exists(ReceiptStoragePath))
        {
            Directory.Delete(ReceiptStoragePath, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ExpenseFlow", ConnectionString);
        builder.UseSetting("Jobs:ServerEnabled", JobServer ? "true" : "false");
        builder.UseSetting("Jobs:WorkerCount", "2");
        builder.UseSetting("Receipts:StoragePath", ReceiptStoragePath);
        builder.UseSetting("Receipts:Store", ReceiptStore);
        // Test hosts start by the dozen on two cores: models load on the first image instead of at every start.
        builder.UseSetting("Recognition:WarmUpOnStart", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.Configure<OutboxOptions>(o =>
            {
                o.DispatcherEnabled = OutboxDispatcher;
                o.PollInterval = TimeSpan.FromMilliseconds(200);
            });
            services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        });
    }

    /// <summary>Where clients send requests: the in-memory server, or the real address when the host listens on Kestrel.</summary>
    protected virtual Uri ClientBaseAddress => new("http://localhost");

    /// <summary>A client signed in as a demo user (login name before the @, e.g. "admin", "finance1", "sales1").</summary>
    public async Task<HttpClient> SignInAsync(string login, string language = "en")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false, BaseAddress = ClientBaseAddress });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.PostAsJsonAsync("/api/organization/account/login", new { email = DemoEmail(login), password = TestDatabase.DemoPassword });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public HttpClient Anonymous(string language = "en")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false, BaseAddress = ClientBaseAddress });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public static string DemoEmail(string login) => $"{login}@{Organization.Application.Seeding.OrganizationSeeder.DemoDomain}";

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }
}
