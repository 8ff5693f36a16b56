using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ExpenseFlow.Approvals.Tests.Api;

/// <summary>The real host with a clock the test moves; optionally over another host's database (a restart).</summary>
public class SlaApp : ExpenseFlowApp
{
    private readonly string? _existing;
    private readonly bool _jobServer;

    public SlaApp()
        : this(new FakeTimeProvider(DateTimeOffset.UtcNow), null, false)
    {
    }

    internal SlaApp(FakeTimeProvider clock, string? existingDatabase, bool jobServer)
    {
        Clock = clock;
        _existing = existingDatabase;
        _jobServer = jobServer;
    }

    public FakeTimeProvider Clock { get; }

    protected override string? ExistingDatabase => _existing;

    protected override bool JobServer => _jobServer;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
