using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;

namespace ExpenseFlow.Benchmarks.Load;

/// <summary>20 employees at once, each creating a claim with its own invoice and submitting it; submit latency measured.</summary>
internal static class SubmitScenario
{
    public static async Task RunAsync(LoadHost host, int users, int submitsPerUser, TimeSpan timeLimit)
    {
        var clients = await Task.WhenAll(LoadHost.DemoLogins.Take(users).Select(host.ClientAsync));
        var entity = (await clients[0].GetFromJsonAsync<List<LegalEntityDto>>("/api/organization/legal-entities"))!.First().Id;
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        using var stop = new CancellationTokenSource(timeLimit);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((client, u) => Task.Run(async () =>
        {
            for (var i = 0; i < submitsPerUser && !stop.IsCancellationRequested; i++)
            {
                var invoice = new
                {
                    invoiceCode = "031001900111", invoiceNumber = $"{u:00}{i:000000}", issueDate = "2026-11-01", totalAmount = 88m,
                    buyerName = "上海示例科技有限公司", buyerTaxId = "91310115MA1K4B2C3J",
                };
                var created = await client.PostAsJsonAsync("/api/expenses/claims", new
                {
                    title = "load", legalEntityId = entity,
                    lines = new[] { new { category = "office", amount = 88m, currency = "CNY", expenseDate = "2026-11-01", receiptIds = Array.Empty<Guid>(), invoice } },
                });
                var claim = (await created.Content.ReadFromJsonAsync<ClaimDto>())!;
                latencies.Add(await Stats.TimeAsync(
                    () =>
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/expenses/claims/{claim.Id}/submit") { Content = JsonContent.Create(new { }) };
                        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                        return client.SendAsync(request);
                    },
                    r =>
                    {
                        if (!r.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }));
            }
        })));
        wall.Stop();
        Stats.Header();
        Stats.Print($"submit, {users} concurrent users", latencies, wall.Elapsed, errors);
        foreach (var c in clients)
        {
            c.Dispose();
        }
    }
}
