using System.Net.Http.Json;
using ExpenseFlow.Approvals.Application.Runtime;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.TestBase;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Approvals.Tests.Api;

/// <summary>超时: reminders, escalation and automatic actions, on a clock the test controls.</summary>
public class SlaTests(SlaApp app) : IClassFixture<SlaApp>
{
    private Task<int> SweepAsync() => SweepAsync(app);

    private static async Task<int> SweepAsync(ExpenseFlowApp host)
    {
        var handled = 0;
        await host.WithScopeAsync(async sp => handled = await sp.GetRequiredService<SlaSweepJob>().RunAsync(CancellationToken.None));
        return handled;
    }

    [Fact]
    public async Task WaitingTask_IsRemindedAfter24Hours_AndEscalatedToTheManagersManagerAfter48()
    {
        using var employee = await app.SignInAsync("sales2");
        var claim = await employee.SubmitClaimAsync(300m, title: "超时升级");
        // Sessions last 8 hours: after each jump of the clock people sign in again, as they would the next day.
        var task = await (await app.SignInAsync("sales.east")).TaskForAsync(claim.Id);
        task.EscalateAt.ShouldBe(task.CreatedAt.AddHours(48));

        app.Clock.Advance(TimeSpan.FromHours(23));
        await SweepAsync();
        (await (await app.SignInAsync("sales.east")).TaskForAsync(claim.Id)).RemindedAt.ShouldBeNull();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await SweepAsync();
        (await (await app.SignInAsync("sales.east")).TaskForAsync(claim.Id)).RemindedAt!.Value.ShouldBe(app.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
        await SweepAsync();

        app.Clock.Advance(TimeSpan.FromHours(24));
        await SweepAsync();

        (await (await app.SignInAsync("sales.east")).InboxAsync()).ShouldNotContain(i => i.ClaimId == claim.Id);
        using var director = await app.SignInAsync("sales.director");
        var escalated = await director.TaskForAsync(claim.Id);
        escalated.StepKey.ShouldBe("manager");
        var approval = await director.DecideOkAsync(escalated.TaskId);
        var step = approval.Steps.Single(s => s.Key == "manager");
        step.Tasks.Select(t => (t.AssigneeName, t.Status)).ShouldBe([("刘芳", "Escalated"), ("陈志强", "Approved")]);
        step.Tasks[1].Note.ShouldBe("escalated");
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ApprovalsDbContext>();
            (await db.OutboxCountAsync<ApprovalReminderDue>("taskId", task.TaskId)).ShouldBe(1, "reminded once, however often the sweep runs");
            (await db.OutboxCountAsync<ApprovalEscalated>("taskId", task.TaskId)).ShouldBe(1);
        });
    }

    [Fact]
    public async Task StepWithAutomaticAction_IsApprovedBySystemOnTimeout()
    {
        using var admin = await app.SignInAsync("admin");
        using var employee = await app.SignInAsync("dev1");
        using var finance = await app.SignInAsync("finance2");
        var created = await admin.PostAsJsonAsync("/api/approvals/flows", new
        {
            code = "office-auto", name = "办公用品自动", priority = 10,
            definition = new
            {
                when = new { field = "category", op = "in", value = new[] { "office" } },
                steps = new object[]
                {
                    new { key = "lead", name = "组长", approvers = new[] { new { type = "manager" } }, sla = new { remindAfterHours = 1, escalateAfterHours = 2, autoAction = "approve" } },
                    new { key = "finance", name = "财务审核", kind = "financeReview", mode = "any" },
                },
            },
        });
        ((int)created.StatusCode).ShouldBe(201, await created.Content.ReadAsStringAsync());
        var claim = await employee.SubmitClaimAsync(88m, "office", "打印纸");
        using var lead = await app.SignInAsync("rnd.lead");
        (await lead.TaskForAsync(claim.Id)).StepName.ShouldBe("组长");

        app.Clock.Advance(TimeSpan.FromHours(3));
        await SweepAsync();

        var financeTask = await finance.TaskForAsync(claim.Id);
        var review = await finance.GetFromJsonAsync<Review.ClaimReviewDtoView>($"/api/approvals/claims/{claim.Id}");
        var auto = review!.Approval.Steps[0].Tasks.Single();
        (auto.Status, auto.Note, auto.DecidedById).ShouldBe(("Approved", "auto", Guid.Empty));
        review.Approval.FlowName.ShouldBe("办公用品自动");
        financeTask.StepKey.ShouldBe("finance");
    }

    [Fact]
    public async Task PendingEscalation_SurvivesARestart_AndRunsAsTheRecurringHangfireJob()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = new SlaApp(clock, null, jobServer: false);
        await first.InitializeAsync();
        Guid claimId;
        Guid taskId;
        try
        {
            using var employee = await first.SignInAsync("sales3");
            using var manager = await first.SignInAsync("sales.east");
            claimId = (await employee.SubmitClaimAsync(260m, title: "重启")).Id;
            taskId = (await manager.TaskForAsync(claimId)).TaskId;
        }
        finally
        {
            await first.DisposeAsync(); // the process ends; its database stays
        }

        clock.Advance(TimeSpan.FromHours(49));
        var second = new SlaApp(clock, first.ConnectionString, jobServer: true);
        await second.InitializeAsync();
        try
        {
            using var director = await second.SignInAsync("sales.director");
            await second.WithScopeAsync(sp =>
            {
                using var connection = sp.GetRequiredService<JobStorage>().GetConnection();
                connection.GetRecurringJobs().ShouldContain(j => j.Id == "approvals-sla-sweep" && j.Cron == Cron.Minutely());
                sp.GetRequiredService<IRecurringJobManager>().Trigger("approvals-sla-sweep");
                return Task.CompletedTask;
            });

            // The triggered job goes through Hangfire's queue on a host that has just started: allow it a minute on a busy machine.
            var escalated = await director.TaskForAsync(claimId, TimeSpan.FromSeconds(90));

            escalated.TaskId.ShouldNotBe(taskId);
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
            await TestDatabase.DropAsync(first.ConnectionString);
        }
    }
}
