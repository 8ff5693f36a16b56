using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExpenseFlow.EndToEnd.Tests;

/// <summary>
/// The real host on a loopback port (Kestrel), serving the built portal, with headless Debian Chromium driving it.
/// </summary>
public sealed class PortalHost : ExpenseFlowApp
{
    private IPlaywright? _playwright;

    public PortalHost() => UseKestrel(0);

    /// <summary>The portal journeys need recognition to run in the background, as in production.</summary>
    protected override bool JobServer => true;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>
    /// URL waits end when the route is committed, not at the document's load event: the portal is a single page, its
    /// load event says nothing about what a step uses, and on a saturated CI machine it once came after 30 s.
    /// </summary>
    public static PageWaitForURLOptions UrlCommitted => new() { WaitUntil = WaitUntilState.Commit };

    protected override Uri ClientBaseAddress => new(BaseUrl);

    public static string ArtifactsDir
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("EXPENSEFLOW_ARTIFACTS")
                ?? Path.Combine(RepoRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ExpenseFlow.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("ExpenseFlow.sln not found above the test output folder.");
        }
    }

    public override async Task InitializeAsync()
    {
        var index = Path.Combine(RepoRoot, "src", "ExpenseFlow.HttpApi.Host", "wwwroot", "index.html");
        if (!File.Exists(index))
        {
            throw new InvalidOperationException($"The portal is not built ({index} is missing): run etc/scripts/build-portal.sh first.");
        }

        await base.InitializeAsync();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("EXPENSEFLOW_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A browser page signed in as a demo user through the login page, landed on <paramref name="path"/>.</summary>
    public async Task<IPage> SignInPageAsync(IBrowserContext context, string login, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        // Requests still open when a step times out are named in the failure, so a stalled resource can be told from a
        // slow page (one run on a clean clone timed out waiting for the load event once).
        var open = new System.Collections.Concurrent.ConcurrentDictionary<IRequest, DateTime>();
        // What the page went through, for the failure message: failed requests, error answers, script errors.
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, r) => open[r] = DateTime.UtcNow;
        page.RequestFinished += (_, r) => open.TryRemove(r, out DateTime _);
        page.RequestFailed += (_, r) =>
        {
            open.TryRemove(r, out DateTime _);
            events.Enqueue($"failed {r.Method} {r.Url}: {r.Failure}");
        };
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                events.Enqueue($"{r.Status} {r.Request.Method} {r.Url}");
            }
        };
        page.PageError += (_, e) => events.Enqueue($"page error: {e}");
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                events.Enqueue($"console: {m.Text}");
            }
        };
        try
        {
            // The portal is ready when its login form is, not when every font and chunk has fired the load event.
            await page.GotoAsync(BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
            await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), UrlCommitted);
            await page.FillAsync("input[name=email]", DemoEmail(login));
            await page.FillAsync("input[name=password]", TestDatabase.DemoPassword);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(path) + "$"), UrlCommitted);
        }
        catch (TimeoutException ex)
        {
            var pending = string.Join(", ", open.Select(o => $"{o.Key.Method} {o.Key.Url} ({(DateTime.UtcNow - o.Value).TotalSeconds:0.0} s)"));
            var shot = Path.Combine(Environment.GetEnvironmentVariable("EXPENSEFLOW_ARTIFACTS") ?? Path.GetTempPath(), $"sign-in-timeout-{login}.png");
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, Timeout = 5_000 });
            }
            catch (PlaywrightException)
            {
                shot = "(no screenshot)";
            }

            throw new TimeoutException(
                $"Signing in {login} at {path} timed out at {page.Url}; requests still open: [{pending}]; page events: [{string.Join(" | ", events)}]; screenshot {shot}", ex);
        }
        return page;
    }

    protected override async Task ShutdownAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.ShutdownAsync();
    }
}
