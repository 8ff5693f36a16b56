using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Application.Batches;
using ExpenseFlow.Payments.Application.Payables;

namespace ExpenseFlow.TestBase.Chaos;

public sealed record ChaosOptions(int Claims, int Kills, TimeSpan TimeLimit, int Workers = 6, int Seed = 20261207);

public sealed record ChaosReport(
    int ClaimsStarted, int ClaimsSubmitted, int CancelRaces, int Kills, IReadOnlyList<int> InFlightAtKills, int Requests, int Retries, int Batches, int Statements,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, int> ClaimStates, IReadOnlyList<string> Violations)
{
    public override string ToString() =>
        $"claims {ClaimsStarted} ({ClaimsSubmitted} submitted, {CancelRaces} cancel-vs-approve races), kills {Kills} " +
        $"(requests under way at each: {string.Join("/", InFlightAtKills)}), requests {Requests} ({Retries} retried), " +
        $"batches {Batches}, statements {Statements} (each imported twice at once), {Elapsed.TotalSeconds:F0} s; states " +
        string.Join(", ", ClaimStates.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")) + $"; violations {Violations.Count}";
}

/// <summary>
/// The whole chain under fire: employees submit (double-clicked), managers and finance approve (two clicks at once), some
/// employees cancel at the moment of the final approval, finance batches, releases and imports each statement twice at
/// once, while the host process is killed (SIGKILL) and restarted at random moments. Then the money invariants are
/// checked in SQL across every schema (<see cref="ChaosInvariants"/>, <see cref="MoneyInvariants"/>).
/// </summary>
public sealed class ChaosRun(ChaosHost host, string connectionString, string storagePath, ChaosOptions options)
{
    // Each demo employee, with the manager who approves first; the finance review is the CFO's (demo flow).
    private static readonly (string Employee, string Manager)[] People =
    [
        ("sales1", "sales.east"), ("sales2", "sales.east"), ("sales3", "sales.east"), ("sales4", "sales.director"),
        ("dev1", "rnd.lead"), ("dev2", "rnd.lead"), ("dev3", "rnd.lead"), ("dev4", "rnd.director"),
    ];

    private static readonly string[] Approvers = ["sales.east", "sales.director", "rnd.lead", "rnd.director", "cfo", "ceo"];

    /// <summary>A fresh demo company in its own database, a host process over it, the run, the report; then all is removed.</summary>
    public static async Task<ChaosReport> ExecuteAsync(ChaosOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = await TestDatabase.CreateAsync();
        var storage = Path.Combine(Path.GetTempPath(), "expenseflow-chaos", Guid.NewGuid().ToString("N"));
        try
        {
            await TestDatabase.MigrateAsync(connectionString, demo: true);
            await using var host = new ChaosHost(connectionString, storage);
            await host.StartAsync();
            log?.Invoke($"chaos: host {host.BaseUrl}, {options.Claims} claims, {options.Kills} kills, {options.Workers} workers, limit {options.TimeLimit}");
            var run = new ChaosRun(host, connectionString, storage, options);
            try
            {
                var report = await run.RunAsync();
                if (host.StartFailures.Count > 0)
                {
                    log?.Invoke($"chaos: {host.StartFailures.Count} host start(s) failed and were tried again: {string.Join(" | ", host.StartFailures)}");
                }

                return report;
            }
            finally
            {
                foreach (var client in run._clients.Values)
                {
                    client.Dispose();
                }
            }
        }
        finally
        {
            await TestDatabase.DropAsync(connectionString);
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }
        }
    }

    private readonly ConcurrentDictionary<string, ChaosClient> _clients = new();
    private readonly Random _random = new(options.Seed);
    private int _started;
    private int _submitted;
    private int _cancelRaces;
    private int _batches;
    private int _statements;
    private int _invoice = new Random(options.Seed).Next(10_000_000, 80_000_000);

    public async Task<ChaosReport> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(options.TimeLimit);
        var workers = Enumerable.Range(0, options.Workers).Select(w => Task.Run(() => WorkerAsync(w, stop.Token))).ToList();
        using var workDone = new CancellationTokenSource();
        var finance = Task.Run(() => FinanceLoopAsync(workDone.Token));
        var killer = Task.Run(() => KillerAsync(stop.Token));
        await Task.WhenAll(workers);
        await killer;
        // Everything approved is paid before the books are checked.
        await PayEverythingAsync(TimeSpan.FromMinutes(3));
        await workDone.CancelAsync();
        await finance;
        var violations = await ChaosInvariants.CheckAsync(connectionString, storagePath);
        var states = await ChaosInvariants.ClaimStatesAsync(connectionString);
        return new ChaosReport(_started, _submitted, _cancelRaces, host.Kills, host.InFlightAtKills, host.Requests, host.Retries, _batches, _statements, clock.Elapsed, states, violations);
    }

    private async Task<ChaosClient> As(string login) =>
        _clients.TryGetValue(login, out var c) ? c : _clients.GetOrAdd(login, await host.ClientAsync(login));

    private async Task KillerAsync(CancellationToken stop)
    {
        // Kills spread over the expected working time, each at a random point of its slot.
        var slot = options.TimeLimit / (options.Kills + 2);
        for (var k = 0; k < options.Kills && !stop.IsCancellationRequested; k++)
        {
            int delay;
            lock (_random)
            {
                delay = (int)(slot.TotalMilliseconds * (0.3 + (0.7 * _random.NextDouble())));
            }

            try
            {
                await Task.Delay(delay, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            // Kill while requests are under way (a commit may be half done), not in a pause between them.
            for (var wait = 0; wait < 100 && host.InFlight < 2 && !stop.IsCancellationRequested; wait++)
            {
                await Task.Delay(50, CancellationToken.None);
            }

            await host.KillAndRestartAsync();
        }
    }

    private async Task WorkerAsync(int worker, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _started);
            if (n > options.Claims)
            {
                Interlocked.Decrement(ref _started);
                return;
            }

            var (employee, manager) = People[(n + worker) % People.Length];
            try
            {
                await OneClaimAsync(n, employee, manager, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task OneClaimAsync(int n, string employeeLogin, string managerLogin, CancellationToken stop)
    {
        var employee = await As(employeeLogin);
        var title = $"chaos-{options.Seed}-{n}";
        var claim = await CreateAsync(employee, title, 50m + (n % 37 * 7.5m));
        var key = Guid.NewGuid().ToString();
        // A double click: the same submit, twice at once.
        var submits = await Task.WhenAll(SubmitAsync(employee, claim, key), SubmitAsync(employee, claim, key));
        if (submits.All(s => !s.IsSuccessStatusCode))
        {
            return;
        }

        Interlocked.Increment(ref _submitted);
        var race = n % 5 == 0;
        var early = n % 11 == 0;
        if (early)
        {
            // Withdrawn before anyone decided.
            await employee.SendAsync(h => h.PostAsJsonAsync($"/api/expenses/claims/{claim}/cancel", new { reason = "chaos: early" }));
            return;
        }

        for (var round = 0; round < 6 && !stop.IsCancellationRequested; round++)
        {
            var status = (await employee.GetAsync<ClaimDto>($"/api/expenses/claims/{claim}")).Status;
            if (status is not ("Submitted" or "InApproval"))
            {
                return;
            }

            // The demo flow: the manager, then the CFO's finance review; anyone else only if the flow asked for more.
            var (approver, task) = await WaitingTaskAsync(claim, round == 0 ? managerLogin : "cfo", stop);
            if (task is null)
            {
                continue;
            }

            var decide = DecideTwiceAsync(approver!, task.Value);
            if (race && approver!.Login == "cfo")
            {
                Interlocked.Increment(ref _cancelRaces);
                await Task.WhenAll(decide, employee.SendAsync(h => h.PostAsJsonAsync($"/api/expenses/claims/{claim}/cancel", new { reason = "chaos: race" })));
            }
            else
            {
                await decide;
            }
        }
    }

    private async Task<Guid> CreateAsync(ChaosClient employee, string title, decimal amount)
    {
        var legalEntity = (await employee.GetAsync<List<LegalEntityDto>>("/api/organization/legal-entities")).First().Id;
        var number = Interlocked.Increment(ref _invoice).ToString("D8", CultureInfo.InvariantCulture);
        var date = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var receipt = await UploadAsync(employee, $"chaos receipt {title} {number}");
        var invoice = new
        {
            invoiceCode = "031001900111", invoiceNumber = number, issueDate = date, totalAmount = amount,
            buyerName = "上海示例科技有限公司", buyerTaxId = "91310115MA1K4B2C3J", sellerName = "示例商户",
        };
        var line = new { category = "travel", amount, currency = "CNY", expenseDate = date, receiptIds = new[] { receipt }, invoice };
        var created = await employee.SendAsync(h => h.PostAsJsonAsync("/api/expenses/claims", new { title, legalEntityId = legalEntity, lines = new[] { line } }));
        if (created.StatusCode == HttpStatusCode.Created)
        {
            return (await created.Content.ReadFromJsonAsync<ClaimDto>())!.Id;
        }

        // The host may have died after creating it: the draft is found by its title.
        var mine = await employee.GetAsync<PagedResult<ClaimListItemDto>>($"/api/expenses/claims?search={Uri.EscapeDataString(title)}");
        return mine.Items.Select(i => i.Id).FirstOrDefault() is var id && id != Guid.Empty
            ? id
            : throw new InvalidOperationException($"could not create {title}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
    }

    private static async Task<Guid> UploadAsync(ChaosClient employee, string text)
    {
        var response = await employee.SendAsync(h =>
        {
            var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(content, "files", "receipt.txt");
            return h.PostAsync("/api/expenses/receipts", form);
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<ReceiptDto>>())!.Single().Id;
    }

    private static Task<HttpResponseMessage> SubmitAsync(ChaosClient employee, Guid claim, string key) =>
        employee.SendAsync(h =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/expenses/claims/{claim}/submit") { Content = JsonContent.Create(new { justifications = Array.Empty<object>() }) };
            request.Headers.Add("Idempotency-Key", key);
            return h.SendAsync(request);
        });

    private async Task<(ChaosClient? Approver, Guid? Task)> WaitingTaskAsync(Guid claim, string expected, CancellationToken stop)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var attempt = 0; DateTime.UtcNow < deadline && !stop.IsCancellationRequested; attempt++)
        {
            // The approval starts when ClaimSubmitted is delivered: the expected approver first, everyone now and then.
            foreach (var login in attempt % 10 == 9 ? Approvers : [expected])
            {
                var approver = await As(login);
                var inbox = await approver.GetAsync<PagedResult<InboxItemDto>>("/api/approvals/inbox?pageSize=100");
                var task = inbox.Items.FirstOrDefault(i => i.ClaimId == claim && i.StepKind != "Notify");
                if (task is not null)
                {
                    return (approver, task.TaskId);
                }
            }

            await Task.Delay(250, stop);
        }

        return (null, null);
    }

    private static Task<HttpResponseMessage[]> DecideTwiceAsync(ChaosClient approver, Guid task) =>
        Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            approver.SendAsync(h => h.PostAsJsonAsync($"/api/approvals/tasks/{task}/decision", new { decision = "approve", comment = "chaos" }))));

    private async Task FinanceLoopAsync(CancellationToken done)
    {
        while (!done.IsCancellationRequested)
        {
            try
            {
                await PayOnceAsync();
                await Task.Delay(1500, done);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PayEverythingAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && await ChaosInvariants.UnpaidApprovedAsync(connectionString) > 0)
        {
            await PayOnceAsync();
            await Task.Delay(500);
        }
    }

    /// <summary>Maker builds a batch of what is open, checker releases it, and the bank's statement comes back twice at once.</summary>
    private async Task PayOnceAsync()
    {
        var maker = await As("finance1");
        var checker = await As("finance2");
        var open = (await maker.GetAsync<List<PayableDto>>("/api/payments/payables")).Where(p => p.Status == "Open").ToList();
        if (open.Count > 0)
        {
            var legalEntity = open[0].LegalEntityId;
            var built = await maker.SendAsync(h => h.PostAsJsonAsync("/api/payments/batches",
                new { legalEntityId = legalEntity, payableIds = open.Where(p => p.LegalEntityId == legalEntity).Select(p => p.Id).ToList() }));
            if (built.StatusCode == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref _batches);
            }
        }

        foreach (var draft in await maker.GetAsync<List<BatchDto>>("/api/payments/batches?status=Draft"))
        {
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => checker.SendAsync(h => h.PostAsync($"/api/payments/batches/{draft.Id}/release", null))));
        }

        foreach (var released in await maker.GetAsync<List<BatchDto>>("/api/payments/batches?status=Released"))
        {
            var batch = await maker.GetAsync<BatchDto>($"/api/payments/batches/{released.Id}");
            var unpaid = batch.Lines.Where(l => l.Status == "Pending").ToList();
            if (unpaid.Count == 0)
            {
                continue;
            }

            (await maker.SendAsync(h => h.GetAsync($"/api/payments/batches/{batch.Id}/files/pain.001.001.09"))).EnsureSuccessStatusCode();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var statement = DemoStatements.Camt053($"CHAOS-{batch.Number}-{unpaid.Count}",
                [.. unpaid.Select(l => new DemoStatements.Entry(l.Amount, false, today, l.EndToEndId, l.PayeeName, l.EndToEndId))]);
            Interlocked.Increment(ref _statements);
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => maker.SendAsync(h =>
            {
                var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(statement);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
                form.Add(file, "file", "statement.xml");
                return h.PostAsync("/api/payments/statements", form);
            })));
        }
    }
}
