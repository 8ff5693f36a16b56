using System.Net.Http.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.TestBase;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Approvals.Tests.Api;

/// <summary>
/// Issue 14, finding 4: a manager delegated to an employee for the day, the employee submitted a claim, found their own
/// task in the inbox and approved it. Deciders never decide their own claims, in person or on behalf of someone.
/// </summary>
public class SelfApprovalTests(ExpenseFlowApp app) : IClassFixture<ExpenseFlowApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    [Fact]
    public async Task ManagerDelegatedToTheSubmitter_TheTaskSkipsToTheNextLevel_AndTheSubmitterCannotDecideIt()
    {
        using var submitter = await app.SignInAsync("dev3");
        using var lead = await app.SignInAsync("rnd.lead");
        using var director = await app.SignInAsync("rnd.director");
        using var finance = await app.SignInAsync("finance1");
        await DelegateAsync(lead, submitter);

        var claim = await submitter.SubmitClaimAsync(410m, title: "代理人自己的报销");

        var task = await director.TaskForAsync(claim.Id);
        task.StepKey.ShouldBe("manager");
        (await submitter.InboxAsync()).ShouldNotContain(i => i.ClaimId == claim.Id);
        (await lead.InboxAsync()).ShouldNotContain(i => i.ClaimId == claim.Id);
        await (await submitter.DecideAsync(task.TaskId, "approve")).ProblemAsync(403, "Approvals.OwnClaim");
        var batch = await (await submitter.PostAsJsonAsync("/api/approvals/tasks/batch-approve", new { taskIds = new[] { task.TaskId } }))
            .Content.ReadFromJsonAsync<List<BatchItemResultDto>>();
        var item = batch.ShouldNotBeNull().Single();
        (item.Ok, item.Code).ShouldBe((false, "Approvals.OwnClaim"));

        var afterDirector = await director.DecideOkAsync(task.TaskId);
        afterDirector.Steps[0].Tasks.Single().Note.ShouldBe("submitter-skipped");
        await finance.DecideOkAsync((await finance.TaskForAsync(claim.Id)).TaskId);
        var approved = await submitter.ClaimWhenAsync(claim.Id, "Approved");
        approved.Timeline.Where(e => e.Type == "Approved").ShouldAllBe(e => e.ActorName != "胡斌");
    }

    [Fact]
    public async Task DelegationToTheSubmitterAfterSubmitting_NeverShowsThemTheirOwnTask_AndTheirDecisionIsRefused()
    {
        using var submitter = await app.SignInAsync("sales1");
        using var manager = await app.SignInAsync("sales.east");
        using var finance = await app.SignInAsync("finance1");
        var claim = await submitter.SubmitClaimAsync(520m, title: "提交后才代理");
        var task = await manager.TaskForAsync(claim.Id);

        await DelegateAsync(manager, submitter);

        (await submitter.InboxAsync()).ShouldNotContain(i => i.ClaimId == claim.Id);
        await (await submitter.DecideAsync(task.TaskId, "approve")).ProblemAsync(403, "Approvals.OwnClaim");
        await (await submitter.DecideAsync(task.TaskId, "reject", "自己驳回")).ProblemAsync(403, "Approvals.OwnClaim");
        var review = await submitter.GetFromJsonAsync<Review.ClaimReviewDtoView>($"/api/approvals/claims/{claim.Id}");
        (review!.CanDecide, review.MyTaskId).ShouldBe((false, (Guid?)null));
        using var zh = await app.SignInAsync("sales1", "zh-CN");
        (await (await zh.DecideAsync(task.TaskId, "approve")).ProblemAsync(403, "Approvals.OwnClaim")).GetProperty("title").GetString()!.ShouldContain("本人");

        await manager.DecideOkAsync(task.TaskId, comment: "本人审批");
        await finance.DecideOkAsync((await finance.TaskForAsync(claim.Id)).TaskId);
        await submitter.ClaimWhenAsync(claim.Id, "Approved");
    }

    private static async Task DelegateAsync(HttpClient from, HttpClient to)
    {
        var toId = (await to.GetFromJsonAsync<CurrentUserDto>("/api/organization/account/me"))!.PersonId!.Value;
        var response = await from.PostAsJsonAsync("/api/organization/delegations", new { toPersonId = toId, startDate = Today, endDate = Today.AddDays(1), reason = "休假" });
        ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
    }
}
