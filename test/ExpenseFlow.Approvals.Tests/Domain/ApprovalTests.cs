using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.BuildingBlocks.Errors;
using Shouldly;
using Xunit;

namespace ExpenseFlow.Approvals.Tests.Domain;

public class ApprovalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly Assignee Ann = new(Guid.CreateVersion7(), "Ann");
    private static readonly Assignee Bob = new(Guid.CreateVersion7(), "Bob");
    private static readonly Assignee Cat = new(Guid.CreateVersion7(), "Cat");
    private static readonly ClaimFacts Facts = new(100m, "CNY", ["travel"], [], [], Guid.Empty, null, null, null, new Dictionary<string, int>());

    private static StepDefinition Step(string key, StepMode mode = StepMode.Sequential, StepKind kind = StepKind.Approval, SlaDefinition? sla = null, Condition? when = null) =>
        new(key, key, null, kind, mode, [new ApproverRule(ApproverType.Manager)], when, sla);

    private static Approval Start(bool dedupe, params StepDefinition[] steps) =>
        Approval.Start(Guid.CreateVersion7(), new ClaimInfo(Guid.CreateVersion7(), "EF-1", "Trip", Guid.CreateVersion7(), "Sam", 100m, "CNY"),
            Guid.CreateVersion7(), "flow", Guid.CreateVersion7(), 1, 1, new FlowDefinition(null, dedupe, ApproverRule.AdminRole, steps), Facts, "{}", T0);

    private static ApprovalTask Waiting(Approval a, Assignee who) => a.Tasks.Single(t => t.AssigneeId == who.PersonId && t.Status == ApprovalTaskStatus.Waiting);

    private static void Approve(Approval a, Assignee who, int minutes = 1) => a.Decide(Waiting(a, who).Id, Decision.Approve, who.PersonId, null, null, T0.AddMinutes(minutes), null);

    [Fact]
    public void Sequential_AsksOneApproverAfterAnother()
    {
        var a = Start(false, Step("s"));
        a.Activate(0, [Ann, Bob], null, T0);
        a.Tasks.Select(t => t.Status).ShouldBe([ApprovalTaskStatus.Waiting, ApprovalTaskStatus.Queued]);

        Approve(a, Ann);
        Waiting(a, Bob).WaitingSince.ShouldBe(T0.AddMinutes(1));
        Approve(a, Bob, 2);
        a.CompleteIfDone(T0.AddMinutes(2));

        a.Status.ShouldBe(ApprovalStatus.Approved);
        a.TakeOutcomes().OfType<ApprovalEnded>().Single().DeciderId.ShouldBe(Bob.PersonId);
    }

    [Fact]
    public void AllMustApprove_WaitsForEveryone()
    {
        var a = Start(false, Step("s", StepMode.All));
        a.Activate(0, [Ann, Bob], null, T0);
        Approve(a, Bob);
        a.Steps[0].Status.ShouldBe(ApprovalStepStatus.Active);
        Approve(a, Ann);
        a.Steps[0].Status.ShouldBe(ApprovalStepStatus.Approved);
    }

    [Fact]
    public void AnyOne_FirstApprovalDecides_AndClosesTheOthers()
    {
        var a = Start(false, Step("s", StepMode.Any));
        a.Activate(0, [Ann, Bob, Cat], null, T0);
        var bobTask = Waiting(a, Bob).Id;
        Approve(a, Cat);

        a.Steps[0].Status.ShouldBe(ApprovalStepStatus.Approved);
        a.Tasks.Where(t => t.AssigneeId != Cat.PersonId).ShouldAllBe(t => t.Status == ApprovalTaskStatus.Closed);
        Should.Throw<DomainException>(() => a.Decide(bobTask, Decision.Approve, Bob.PersonId, null, null, T0, null)).Error.Code.ShouldBe("Approvals.TaskClosed");
    }

    [Theory]
    [InlineData(Decision.Reject, ApprovalStatus.Rejected)]
    [InlineData(Decision.Return, ApprovalStatus.Returned)]
    public void RejectOrReturn_EndsTheApproval_AndNeedsAComment(Decision decision, ApprovalStatus expected)
    {
        var a = Start(false, Step("s", StepMode.All), Step("t"));
        a.Activate(0, [Ann, Bob], null, T0);
        Should.Throw<DomainException>(() => a.Decide(Waiting(a, Ann).Id, decision, Ann.PersonId, null, "  ", T0, null)).Error.Code.ShouldBe("Approvals.CommentRequired");

        a.Decide(Waiting(a, Ann).Id, decision, Ann.PersonId, null, "发票抬头有误", T0, null);

        a.Status.ShouldBe(expected);
        a.Steps[1].Status.ShouldBe(ApprovalStepStatus.Cancelled);
        a.Tasks.Single(t => t.AssigneeId == Bob.PersonId).Status.ShouldBe(ApprovalTaskStatus.Closed);
        a.NextStep().ShouldBeNull();
        a.TakeOutcomes().OfType<ApprovalEnded>().Single().Comment.ShouldBe("发票抬头有误");
    }

    [Fact]
    public void Dedupe_SkipsAnApproverWhoAlreadyApproved_ButNeverTheFinanceReview()
    {
        var a = Start(true, Step("m"), Step("head"), Step("fin", StepMode.Any, StepKind.FinanceReview));
        a.Activate(0, [Ann], null, T0);
        Approve(a, Ann);
        a.Activate(a.NextStep()!.Index, [Ann], null, T0.AddMinutes(2));
        a.Steps[1].Status.ShouldBe(ApprovalStepStatus.Approved);
        a.Tasks[^1].Note.ShouldBe("dedupe");

        a.Activate(a.NextStep()!.Index, [Ann, Bob], null, T0.AddMinutes(3));

        a.Steps[2].Status.ShouldBe(ApprovalStepStatus.Active, "finance review is a control: the earlier approval does not count");
        Waiting(a, Ann).ShouldNotBeNull();
    }

    [Fact]
    public void WithoutDedupe_TheSameApproverDecidesAgain()
    {
        var a = Start(false, Step("m"), Step("head"));
        a.Activate(0, [Ann], null, T0);
        Approve(a, Ann);
        a.Activate(1, [Ann], null, T0);
        Waiting(a, Ann).ShouldNotBeNull();
    }

    [Fact]
    public void NotifyStep_InformsWithoutBlocking()
    {
        var a = Start(false, Step("cc", kind: StepKind.Notify), Step("m"));
        a.Activate(0, [Cat], null, T0);

        a.Steps[0].Status.ShouldBe(ApprovalStepStatus.Notified);
        a.Tasks.Single().Status.ShouldBe(ApprovalTaskStatus.Unread);
        a.NextStep()!.Index.ShouldBe(1);
        Should.Throw<DomainException>(() => a.Decide(a.Tasks.Single().Id, Decision.Approve, Cat.PersonId, null, null, T0, null)).Error.Code.ShouldBe("Approvals.NotADecisionTask");
    }

    [Fact]
    public void StepWhoseConditionFails_IsSkipped()
    {
        var a = Start(false, Step("m"), Step("big", when: new Compare(ConditionField.Amount, ConditionOp.Gt, 5000m, [])));
        a.Steps[1].Status.ShouldBe(ApprovalStepStatus.Skipped);
        a.Activate(0, [Ann], null, T0);
        Approve(a, Ann);
        a.NextStep().ShouldBeNull();
        a.CompleteIfDone(T0);
        a.Status.ShouldBe(ApprovalStatus.Approved);
    }

    [Fact]
    public void StepResolvingToNobody_LeavesTheApprovalStuck_NotApproved()
    {
        var a = Start(false, Step("m"));
        a.Activate(0, [], null, T0);
        a.CompleteIfDone(T0);

        a.Status.ShouldBe(ApprovalStatus.Stuck);
        a.TakeOutcomes().ShouldContain(o => o is ApprovalStuck);
    }

    [Fact]
    public void Sla_SetsReminderAndDeadline_AndEscalationHandsTheTaskOver()
    {
        var sla = new SlaDefinition(24, 48, new ApproverRule(ApproverType.Manager), null);
        var a = Start(false, Step("m", sla: sla));
        a.Activate(0, [Ann], sla, T0);
        var task = Waiting(a, Ann);
        task.RemindAt.ShouldBe(T0.AddHours(24));
        task.DeadlineAt.ShouldBe(T0.AddHours(48));
        task.OnTimeout.ShouldBe(TimeoutAction.Escalate);

        a.Remind(task.Id, T0.AddHours(24));
        var next = a.Escalate(task.Id, Bob, sla, T0.AddHours(48));

        task.Status.ShouldBe(ApprovalTaskStatus.Escalated);
        next.AssigneeId.ShouldBe(Bob.PersonId);
        next.EscalatedFromId.ShouldBe(task.Id);
        next.DeadlineAt.ShouldBeNull("an escalated task escalates no further");
        next.RemindAt.ShouldBe(T0.AddHours(72));
        a.TakeOutcomes().OfType<TaskEscalated>().Single().To.ShouldBe(next);
        Approve(a, Bob, 60 * 50);
        a.Steps[0].Status.ShouldBe(ApprovalStepStatus.Approved);
    }

    [Fact]
    public void Cancel_ClosesOpenTasks_AndEndsQuietly()
    {
        var a = Start(false, Step("m", StepMode.All));
        a.Activate(0, [Ann, Bob], null, T0);
        a.Cancel(T0);
        a.Status.ShouldBe(ApprovalStatus.Cancelled);
        a.Tasks.ShouldAllBe(t => t.Status == ApprovalTaskStatus.Closed);
        a.TakeOutcomes().ShouldNotContain(o => o is ApprovalEnded);
    }
}
