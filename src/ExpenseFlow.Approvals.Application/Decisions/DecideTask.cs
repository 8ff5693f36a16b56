using ExpenseFlow.Approvals.Application.Runtime;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Domain;
using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Application.Decisions;

/// <summary>
/// Approve, reject or return one task. Decisions on one approval are serialized by its row lock, so of two approvers
/// deciding an any-one step at once exactly one counts; the other finds the task closed (409). The same person
/// sending the same decision twice gets the first answer again. Before that, the claim's lock serializes the decision
/// with the employee's cancel: a withdrawn claim is not decided (409 Approvals.ClaimCancelled). Nobody decides their
/// own claim, in person or as someone's delegate (403 Approvals.OwnClaim).
/// </summary>
internal static class DecideTask
{
    public static async Task<Ok<ApprovalDto>> HandleAsync(
        Guid taskId, DecisionRequest request, ApprovalsDbContext db, ApprovalRunner runner, IOrganizationDirectory directory, CompanyCalendar calendar,
        ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var decision = Parse(request.Decision);
        var strategy = db.Database.CreateExecutionStrategy();
        var approval = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await DecideAsync(taskId, decision, request.Comment, db, runner, directory, calendar, user, clock, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        });
        return TypedResults.Ok(await ApprovalViews.LoadAsync(db, directory, approval.Id, ct));
    }

    public static async Task<Ok<List<BatchItemResultDto>>> BatchApproveAsync(
        BatchApproveRequest request, ApprovalsDbContext db, ApprovalRunner runner, IOrganizationDirectory directory, CompanyCalendar calendar,
        ICurrentUser user, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (request.TaskIds.Count > 100)
        {
            throw new DomainException(ApprovalsErrors.TooManyTasks);
        }

        var results = new List<BatchItemResultDto>();
        foreach (var taskId in request.TaskIds.Distinct())
        {
            // Each task in a transaction of its own: one closed task does not undo the others.
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await DecideAsync(taskId, Decision.Approve, request.Comment, db, runner, directory, calendar, user, clock, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                results.Add(new BatchItemResultDto(taskId, true, null, null));
            }
            catch (DomainException ex)
            {
                await tx.RollbackAsync(ct);
                results.Add(new BatchItemResultDto(taskId, false, ex.Error.Code, ex.Error.Message(System.Globalization.CultureInfo.CurrentUICulture)));
            }
        }

        return TypedResults.Ok(results);
    }

    private static async Task<Approval> DecideAsync(
        Guid taskId, Decision decision, string? comment, ApprovalsDbContext db, ApprovalRunner runner, IOrganizationDirectory directory,
        CompanyCalendar calendar, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var target = await db.Tasks.Where(t => t.Id == taskId).Join(db.Approvals, t => t.ApprovalId, a => a.Id, (t, a) => new { t.ApprovalId, a.ClaimId })
            .FirstOrDefaultAsync(ct) ?? throw new DomainException(ApprovalsErrors.TaskNotFound);
        // The claim's lock first: the employee may be withdrawing the claim at this very moment (see CancelClaim).
        var claimState = await runner.LockClaimAsync(target.ClaimId, ct);
        var approval = await runner.LockAsync(target.ApprovalId, ct) ?? throw new DomainException(ApprovalsErrors.TaskNotFound);
        var task = approval.Tasks.Single(t => t.Id == taskId);
        if (approval.SubmitterId == me)
        {
            // However the task reached them (a delegation that began after the task was created, an escalation target).
            throw new DomainException(ApprovalsErrors.OwnClaim);
        }

        Guid? onBehalfOf = null;
        if (task.AssigneeId != me)
        {
            var delegated = await directory.FindDelegateAsync(task.AssigneeId, calendar.Today, ct);
            if (delegated?.Id != me)
            {
                throw new DomainException(ApprovalsErrors.NotYourTask);
            }

            onBehalfOf = task.AssigneeId;
        }

        if (!task.IsOpen && task.DecidedById == me && task.Status == Expected(decision))
        {
            return approval; // a double click: the first click's decision stands, nothing happens twice
        }

        if (claimState == ClaimStates.Cancelled)
        {
            throw new DomainException(ApprovalsErrors.ClaimCancelled);
        }

        var definition = await runner.DefinitionAsync(approval, ct);
        approval.Decide(taskId, decision, me, onBehalfOf, comment, clock.GetUtcNow(), definition.Steps[task.StepIndex].Sla);
        await runner.AdvanceAsync(approval, definition, ct);
        return approval;
    }

    private static ApprovalTaskStatus Expected(Decision d) => d switch
    {
        Decision.Approve => ApprovalTaskStatus.Approved,
        Decision.Reject => ApprovalTaskStatus.Rejected,
        _ => ApprovalTaskStatus.Returned,
    };

    private static Decision Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "approve" => Decision.Approve,
        "reject" => Decision.Reject,
        "return" => Decision.Return,
        _ => throw new DomainException(ApprovalsErrors.InvalidDecision(value ?? string.Empty)),
    };
}
