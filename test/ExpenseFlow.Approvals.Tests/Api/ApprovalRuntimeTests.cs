using System.Net.Http.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Approvals.Tests.Api;

/// <summary>The demo company's default flow, end to end through the real host: submit → approval → claim state.</summary>
public class ApprovalRuntimeTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    [Fact]
    public async Task SmallClaim_GoesToTheManager_ThenFinance_AndTheClaimBecomesApproved()
    {
        using var employee = await app.SignInAsync("sales1");
        using var manager = await app.SignInAsync("sales.east");
        using var finance = await app.SignInAsync("finance1");
        var claim = await employee.SubmitClaimAsync(800m);

        var task = await manager.TaskForAsync(claim.Id);
        task.StepKey.ShouldBe("manager");
        task.SubmitterName.ShouldBe("杨帆");
        task.Amount.ShouldBe(800m);
        await employee.ClaimWhenAsync(claim.Id, "InApproval");
        var afterManager = await manager.DecideOkAsync(task.TaskId, comment: "同意");

        afterManager.Steps.Select(s => (s.Key, s.Status)).ShouldBe(
            [("manager", "Approved"), ("dept-head", "Skipped"), ("cfo", "Skipped"), ("hr", "Skipped"), ("finance", "Active")]);
        afterManager.Steps[^1].Tasks.Select(t => t.AssigneeName).ShouldBe(["李晓梅", "张会计", "赵出纳"], ignoreOrder: true);
        var financeTask = await finance.TaskForAsync(claim.Id);
        financeTask.StepKind.ShouldBe("financeReview");
        var done = await finance.DecideOkAsync(financeTask.TaskId);

        done.Status.ShouldBe("Approved");
        var approved = await employee.ClaimWhenAsync(claim.Id, "Approved");
        approved.Timeline.Select(e => e.Type).ShouldBe(["Created", "Edited", "Submitted", "ApprovalStarted", "Approved"]);
        approved.Timeline[^1].ActorName.ShouldBe("张会计");
        (await manager.InboxAsync("&view=done")).ShouldContain(i => i.TaskId == task.TaskId && i.Outcome == "approve");
    }

    [Fact]
    public async Task LargeEntertainmentClaim_SkipsRepeatedApprovers_CountersignsWithTheCfo_AndInformsHr()
    {
        using var employee = await app.SignInAsync("sales2");
        using var manager = await app.SignInAsync("sales.east");
        using var cfo = await app.SignInAsync("cfo");
        using var hr = await app.SignInAsync("office");
        var claim = await employee.SubmitClaimAsync(25_000m, "entertainment", "客户招待");

        var afterManager = await manager.DecideOkAsync((await manager.TaskForAsync(claim.Id)).TaskId);

        // The head of SALES-E is the manager who just approved: 去重 passes the step; in the countersign only the CFO is left.
        var head = afterManager.Steps.Single(s => s.Key == "dept-head");
        head.Status.ShouldBe("Approved");
        head.Tasks.Single().Status.ShouldBe("Skipped");
        head.Tasks.Single().Note.ShouldBe("dedupe");
        var countersign = afterManager.Steps.Single(s => s.Key == "cfo");
        countersign.Mode.ShouldBe("all");
        countersign.Tasks.Select(t => (t.AssigneeName, t.Status)).ShouldBe([("李晓梅", "Waiting"), ("刘芳", "Skipped")], ignoreOrder: true);

        var afterCfo = await cfo.DecideOkAsync((await cfo.TaskForAsync(claim.Id)).TaskId);

        afterCfo.Steps.Single(s => s.Key == "hr").Status.ShouldBe("Notified");
        afterCfo.Steps.Single(s => s.Key == "finance").Status.ShouldBe("Active");
        var note = (await hr.InboxAsync("&view=notifications")).Single(i => i.ClaimId == claim.Id);
        note.Status.ShouldBe("Unread");
        var review = await hr.GetFromJsonAsync<Review.ClaimReviewDtoView>($"/api/approvals/claims/{claim.Id}");
        review!.CanDecide.ShouldBeFalse();
        (await hr.InboxAsync("&view=notifications")).Single(i => i.ClaimId == claim.Id).Status.ShouldBe("Read");
    }

    [Fact]
    public async Task SubmitterWhoHeadsTheDepartment_NeverApprovesTheirOwnClaim()
    {
        using var head = await app.SignInAsync("sales.east");
        using var director = await app.SignInAsync("sales.director");
        var claim = await head.SubmitClaimAsync(6_000m);

        var afterDirector = await director.DecideOkAsync((await director.TaskForAsync(claim.Id)).TaskId);

        var step = afterDirector.Steps.Single(s => s.Key == "dept-head");
        step.Tasks.Single().AssigneeName.ShouldBe("陈志强", "the head's own step passes to the next level up");
        step.Tasks.Single().Status.ShouldBe("Skipped");
        afterDirector.Steps.SelectMany(s => s.Tasks).ShouldNotContain(t => t.AssigneeName == "刘芳");
    }

    [Fact]
    public async Task StepResolvingToNobody_GoesToTheFallback()
    {
        using var ceo = await app.SignInAsync("ceo");
        using var admin = await app.SignInAsync("admin");
        var claim = await ceo.SubmitClaimAsync(300m);

        var task = await admin.TaskForAsync(claim.Id);

        task.StepKey.ShouldBe("manager");
        var review = await admin.GetFromJsonAsync<Review.ClaimReviewDtoView>($"/api/approvals/claims/{claim.Id}");
        review!.Approval.Steps[0].Tasks.Single().Note.ShouldBe("fallback");
        review.CanDecide.ShouldBeTrue();
    }

    [Fact]
    public async Task TwoApproversOnAnAnyOneStep_ExactlyOneDecisionCounts_AndTheClaimIsApprovedOnce()
    {
        using var employee = await app.SignInAsync("sales3");
        using var manager = await app.SignInAsync("sales.east");
        using var finance1 = await app.SignInAsync("finance1");
        using var finance2 = await app.SignInAsync("finance2");
        var claim = await employee.SubmitClaimAsync(500m);
        await manager.DecideOkAsync((await manager.TaskForAsync(claim.Id)).TaskId);
        var t1 = await finance1.TaskForAsync(claim.Id);
        var t2 = await finance2.TaskForAsync(claim.Id);

        var responses = await Task.WhenAll(finance1.DecideAsync(t1.TaskId, "approve"), finance2.DecideAsync(t2.TaskId, "approve"));

        responses.Select(r => (int)r.StatusCode).ShouldBe([200, 409], ignoreOrder: true);
        await responses.Single(r => (int)r.StatusCode == 409).ProblemAsync(409, "Approvals.TaskClosed");
        await employee.ClaimWhenAsync(claim.Id, "Approved");
        await app.WithScopeAsync(async sp =>
        {
            var approvals = sp.GetRequiredService<ApprovalsDbContext>();
            (await approvals.OutboxCountAsync<ClaimApproved>("claimId", claim.Id)).ShouldBe(1);
            var expenses = sp.GetRequiredService<ExpensesDbContext>();
            (await expenses.ClaimEvents.CountAsync(e => e.ClaimId == claim.Id && e.Type == "Approved")).ShouldBe(1);
        });
    }

    [Fact]
    public async Task OneApproverClickingTwice_DecidesOnce()
    {
        using var employee = await app.SignInAsync("sales4");
        using var director = await app.SignInAsync("sales.director");
        var claim = await employee.SubmitClaimAsync(400m);
        var task = await director.TaskForAsync(claim.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => director.DecideAsync(task.TaskId, "approve")));

        responses.ShouldAllBe(r => (int)r.StatusCode == 200);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ApprovalsDbContext>();
            (await db.OutboxCountAsync<ApprovalTaskCompleted>("taskId", task.TaskId)).ShouldBe(1);
            (await db.Tasks.CountAsync(t => t.ApprovalId == task.ApprovalId && t.StepIndex == 4)).ShouldBe(3, "the finance step opened once");
        });
        await (await director.DecideAsync(task.TaskId, "reject", "改主意")).ProblemAsync(409, "Approvals.TaskClosed");
    }

    [Fact]
    public async Task Return_SendsTheClaimBack_AndResubmittingStartsANewRound()
    {
        using var employee = await app.SignInAsync("sales1");
        using var manager = await app.SignInAsync("sales.east");
        var claim = await employee.SubmitClaimAsync(900m, title: "退回测试");
        var task = await manager.TaskForAsync(claim.Id);
        await (await manager.DecideAsync(task.TaskId, "return")).ProblemAsync(400, "Approvals.CommentRequired");

        await manager.DecideOkAsync(task.TaskId, "return", "请补充行程单");
        var returned = await employee.ClaimWhenAsync(claim.Id, "Returned");
        returned.Timeline[^1].Reason.ShouldBe("请补充行程单");
        var resubmitted = await employee.PostAsJsonAsync($"/api/expenses/claims/{claim.Id}/submit", new { justifications = Array.Empty<object>() });
        ((int)resubmitted.StatusCode).ShouldBe(200, await resubmitted.Content.ReadAsStringAsync());

        var again = await manager.TaskForAsync(claim.Id);
        again.TaskId.ShouldNotBe(task.TaskId);
        var review = await manager.GetFromJsonAsync<Review.ClaimReviewDtoView>($"/api/approvals/claims/{claim.Id}");
        review!.Approval.Round.ShouldBe(2);
    }

    [Fact]
    public async Task Reject_EndsTheClaim()
    {
        using var employee = await app.SignInAsync("sales2");
        using var manager = await app.SignInAsync("sales.east");
        var claim = await employee.SubmitClaimAsync(700m, title: "驳回测试");

        await manager.DecideOkAsync((await manager.TaskForAsync(claim.Id)).TaskId, "reject", "与业务无关");

        (await employee.ClaimWhenAsync(claim.Id, "Rejected")).Timeline[^1].ActorName.ShouldBe("刘芳");
    }

    [Fact]
    public async Task OnlyPeopleInvolved_SeeTheClaim_AndOnlyTheAssigneeDecides()
    {
        using var employee = await app.SignInAsync("sales3");
        using var manager = await app.SignInAsync("sales.east");
        using var colleague = await app.SignInAsync("sales4");
        var claim = await employee.SubmitClaimAsync(650m, title: "可见性");
        var task = await manager.TaskForAsync(claim.Id);

        var review = await manager.GetFromJsonAsync<Review.ClaimReviewDtoView>($"/api/approvals/claims/{claim.Id}");
        review!.Claim.Number.ShouldBe(claim.Number);
        review.Claim.Lines.Single().Invoice.BuyerName.ShouldBe("上海示例科技有限公司");
        review.MyTaskId.ShouldBe(task.TaskId);
        review.CanDecide.ShouldBeTrue();
        var own = await employee.GetFromJsonAsync<Review.ClaimReviewDtoView>($"/api/approvals/claims/{claim.Id}");
        (own!.CanDecide, own.MyTaskId, own.Approval.Steps[0].Tasks.Single().AssigneeName).ShouldBe((false, (Guid?)null, "刘芳"), "the submitter follows the progress");
        await (await colleague.GetAsync($"/api/approvals/claims/{claim.Id}")).ProblemAsync(404, "Approvals.ClaimNotFound");
        var lookup = await colleague.GetStringAsync("/api/organization/people/lookup?search=刘");
        lookup.ShouldContain("刘芳");
        lookup.ShouldNotContain("@", Case.Insensitive, "a colleague picker carries no email addresses");
        await (await colleague.DecideAsync(task.TaskId, "approve")).ProblemAsync(403, "Approvals.NotYourTask");
        (await colleague.InboxAsync()).ShouldNotContain(i => i.ClaimId == claim.Id);
        await (await app.Anonymous().GetAsync("/api/approvals/inbox")).ProblemAsync(401, "General.Unauthenticated");
    }

    [Fact]
    public async Task Inbox_FiltersAndSorts_AndBatchApproveReportsEachTask()
    {
        using var employee = await app.SignInAsync("sales4");
        using var director = await app.SignInAsync("sales.director");
        var small = await employee.SubmitClaimAsync(120m, title: "批量A");
        var large = await employee.SubmitClaimAsync(4_500m, title: "批量B");
        var smallTask = await director.TaskForAsync(small.Id);
        var largeTask = await director.TaskForAsync(large.Id);

        var byAmount = await director.InboxAsync("&sort=-amount&search=批量");
        byAmount.Select(i => i.ClaimId).ShouldBe([large.Id, small.Id]);
        (await director.InboxAsync("&minAmount=1000&search=批量")).Select(i => i.ClaimId).ShouldBe([large.Id]);
        (await director.InboxAsync("&search=批量")).Select(i => i.ClaimId).ShouldBe([small.Id, large.Id], "longest waiting first");

        var results = await (await director.PostAsJsonAsync("/api/approvals/tasks/batch-approve",
            new { taskIds = new[] { smallTask.TaskId, largeTask.TaskId, Guid.NewGuid() }, comment = "批量同意" })).Content.ReadFromJsonAsync<List<BatchItemResultDto>>();

        results.ShouldNotBeNull();
        results.Select(r => r.Ok).ShouldBe([true, true, false]);
        results[2].Code.ShouldBe("Approvals.TaskNotFound");
        (await director.InboxAsync("&search=批量")).ShouldBeEmpty();
    }
}
