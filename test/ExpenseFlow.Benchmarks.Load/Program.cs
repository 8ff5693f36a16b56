using ExpenseFlow.Benchmarks.Load;

// Load scenarios against the real host on a loopback port over the test PostgreSQL cluster
// (start it first: bash etc/scripts/pg.sh start pg-test 55433 --test). Bounded in count and time; stops by itself.
//   dotnet run -c Release --project test/ExpenseFlow.Benchmarks.Load -- [submit|list|inbox|decide|payments|insights|all] | serve [seconds]
//   dotnet run -c Release --project test/ExpenseFlow.Benchmarks.Load -- recognize [documents]  (the host's Hangfire workers read real receipts)
//   dotnet run -c Release --project test/ExpenseFlow.Benchmarks.Load -- chaos [claims] [kills] [minutes] [workers]  (crash-and-race run, own host process)
var which = args.FirstOrDefault() ?? "all";
if (which == "chaos")
{
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    var report = await ExpenseFlow.TestBase.Chaos.ChaosRun.ExecuteAsync(
        new ExpenseFlow.TestBase.Chaos.ChaosOptions(Arg(1, 200), Arg(2, 6), TimeSpan.FromMinutes(Arg(3, 15)), Arg(4, 6)), Console.WriteLine);
    Console.WriteLine(report);
    foreach (var violation in report.Violations)
    {
        Console.WriteLine("VIOLATION " + violation);
    }

    return report.Violations.Count == 0 ? 0 : 1;
}

// Outside a test project the factory cannot find the host's folder by itself: name it (the repository's copy).
var repo = new DirectoryInfo(AppContext.BaseDirectory);
while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "ExpenseFlow.sln")))
{
    repo = repo.Parent;
}

Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EXPENSEFLOW_HTTPAPI_HOST", Path.Combine(repo!.FullName, "src", "ExpenseFlow.HttpApi.Host"));
await using var host = new LoadHost(jobs: which == "recognize");
await host.InitializeAsync();
host.StartServer();
Console.WriteLine($"host: {host.BaseUrl}, database: {new Npgsql.NpgsqlConnectionStringBuilder(host.ConnectionString).Database}");
try
{
    if (which is "submit" or "all")
    {
        await SubmitScenario.RunAsync(host, users: 20, submitsPerUser: 25, timeLimit: TimeSpan.FromMinutes(5));
    }

    if (which is "list" or "all")
    {
        await MyClaimsScenario.RunAsync(host, claims: 100_000, requests: 300);
    }

    if (which is "inbox" or "all")
    {
        await ApprovalScenarios.InboxAsync(host, openTasks: 100_000, requests: 300);
    }

    if (which is "decide" or "all")
    {
        await ApprovalScenarios.DecisionsAsync(host, approvers: 20, decisionsEach: 25);
    }

    if (which == "serve")
    {
        // A host with the demo company for trying things against (e.g. the CLI's demo-activity), for the given seconds.
        Console.WriteLine($"serving {host.BaseUrl}; demo password {ExpenseFlow.TestBase.TestDatabase.DemoPassword}");
        await Task.Delay(TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 600));
    }

    if (which == "recognize")
    {
        await RecognitionScenario.RunAsync(host, documents: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100, TimeSpan.FromMinutes(15));
    }

    if (which is "insights" or "all")
    {
        await InsightsScenario.RunAsync(host, claims: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000, requests: 30);
    }

    if (which is "payments" or "all")
    {
        await PaymentsScenario.RunAsync(host, claims: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000);
    }
}
finally
{
    await host.DisposeForLoadAsync();
}

return 0;
