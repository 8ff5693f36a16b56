using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.BuildingBlocks.Infrastructure.Outbox;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Infrastructure;
using ExpenseFlow.Organization.Tests.Api;
using ExpenseFlow.TestBase;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Organization.Tests.Outbox;

/// <summary>
/// The outbox guarantee: an event committed with its change is delivered at least once, even when the process dies
/// right after the commit, and an idempotent handler applies it exactly once.
/// </summary>
public class OutboxDeliveryTests(OutboxDeliveryTests.CrashingApp app) : IClassFixture<OutboxDeliveryTests.CrashingApp>
{
    /// <summary>The first host: it commits but never delivers, as if it died right after each commit.</summary>
    public sealed class CrashingApp : ExpenseFlowApp
    {
        protected override bool OutboxDispatcher => false;
    }

    /// <summary>A second process over the same database, with a handler that records what it applied.</summary>
    private sealed class RestartedApp(string connectionString, bool failFirst) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:ExpenseFlow", connectionString);
            builder.UseSetting("Jobs:ServerEnabled", "false");
            builder.ConfigureTestServices(services =>
            {
                services.Configure<OutboxOptions>(o => o.PollInterval = TimeSpan.FromMilliseconds(100));
                services.AddIntegrationEventHandler<DelegationCreated, RecordingHandler>();
                services.AddSingleton(new HandlerBehaviour(failFirst));
            });
        }
    }

    private sealed record HandlerBehaviour(bool FailAfterCommitOnce)
    {
        public int Failures;
    }

    private static readonly ConcurrentDictionary<Guid, int> Applied = new();

    /// <summary>Idempotent through the inbox; optionally dies once after committing its work, before the outbox row is marked.</summary>
    private sealed class RecordingHandler(OrganizationDbContext db, TimeProvider clock, HandlerBehaviour behaviour) : IIntegrationEventHandler<DelegationCreated>
    {
        public async Task HandleAsync(DelegationCreated integrationEvent, CancellationToken cancellationToken)
        {
            await InboxGuard.RunOnceAsync(db, integrationEvent.EventId, nameof(RecordingHandler), clock, _ =>
            {
                Applied.AddOrUpdate(integrationEvent.DelegationId, 1, (_, n) => n + 1);
                return Task.CompletedTask;
            }, cancellationToken);
            if (behaviour.FailAfterCommitOnce && Interlocked.Increment(ref behaviour.Failures) == 1)
            {
                throw new InvalidOperationException("simulated crash after the handler committed");
            }
        }
    }

    private async Task<Guid> CreateDelegationAsync(string from, string to, string start)
    {
        using var client = await app.SignInAsync(from);
        var toId = await app.PersonIdAsync(to);
        var response = await client.PostAsJsonAsync("/api/organization/delegations", new { toPersonId = toId, startDate = start, endDate = start });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<DelegationDto>())!.Id;
    }

    private async Task<OutboxMessage> OutboxRowAsync(Guid delegationId)
    {
        OutboxMessage? row = null;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            row = (await db.OutboxMessages.AsNoTracking().Where(m => m.Type == typeof(DelegationCreated).FullName).ToListAsync())
                .Single(m => m.Payload.Contains(delegationId.ToString(), StringComparison.Ordinal));
        });
        return row!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300 && !await condition(); i++)
        {
            await Task.Delay(100);
        }

        (await condition()).ShouldBeTrue("condition not reached within 30 s");
    }

    [Fact]
    public async Task EventCommittedBeforeAProcessDies_IsDeliveredAfterRestart_ExactlyOnce()
    {
        // A real host process that dies (FailFast) right after a commit that carried outbox rows, before it could deliver them.
        var storage = Path.Combine(Path.GetTempPath(), "expenseflow-tests", Guid.NewGuid().ToString("N"));
        await using (var host = await HostProcess.StartAsync(app.ConnectionString, storage, new Dictionary<string, string> { ["EXPENSEFLOW_FAULT"] = "outbox-committed" }))
        {
            using var client = await host.SignInAsync("sales.east");
            var toId = await app.PersonIdAsync("sales.director");
            await Should.ThrowAsync<HttpRequestException>(() => client.PostAsJsonAsync("/api/organization/delegations", new { toPersonId = toId, startDate = "2027-01-04", endDate = "2027-01-04" }));
            await host.Process.WaitForExitAsync();
            host.Process.ExitCode.ShouldNotBe(0);
        }

        var delegation = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganizationDbContext>().Delegations.AsNoTracking()
            .Where(d => d.StartDate == new DateOnly(2027, 1, 4)).Select(d => d.Id).SingleAsync());
        (await OutboxRowAsync(delegation)).ProcessedAt.ShouldBeNull(); // committed with the change, never delivered

        await using (var restarted = new RestartedApp(app.ConnectionString, failFirst: false))
        {
            _ = restarted.Server; // start the host: its dispatcher finds the pending row
            await WaitUntilAsync(async () => (await OutboxRowAsync(delegation)).ProcessedAt is not null);
        }

        Applied[delegation].ShouldBe(1);
    }

    [Fact]
    public async Task HandlerThatDiesAfterCommitting_IsRedelivered_ButAppliesOnlyOnce()
    {
        var delegation = await CreateDelegationAsync("rnd.lead", "rnd.director", "2027-02-01");

        await using (var restarted = new RestartedApp(app.ConnectionString, failFirst: true))
        {
            _ = restarted.Server;
            await WaitUntilAsync(async () => (await OutboxRowAsync(delegation)).ProcessedAt is not null);
        }

        var row = await OutboxRowAsync(delegation);
        row.Attempts.ShouldBe(1); // one failed delivery, then one that succeeded
        Applied[delegation].ShouldBe(1);
    }
}
