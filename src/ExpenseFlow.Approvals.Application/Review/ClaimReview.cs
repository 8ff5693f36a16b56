using ExpenseFlow.Approvals.Application.Runtime;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Domain;
using ExpenseFlow.Approvals.Domain.Definitions;
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

namespace ExpenseFlow.Approvals.Application.Review;

/// <summary>The claim as an approver sees it: lines, recognised fields, policy findings, receipts and the approval so far.</summary>
public sealed record ClaimReviewDto(ClaimDto Claim, IReadOnlyList<ReceiptDto> Receipts, ApprovalDto Approval, Guid? MyTaskId, bool CanDecide);

/// <summary>
/// Who may look: the submitter (to follow their claim), anyone who has or had a task on the claim (or whose
/// delegate-of-the-day task it is), and flow administrators. Everyone else gets 404, as if the claim did not exist.
/// </summary>
internal static class ClaimReview
{
    public static async Task<Ok<ClaimReviewDto>> GetAsync(
        Guid claimId, ApprovalsDbContext db, IClaimReader claims, IOrganizationDirectory directory, CompanyCalendar calendar, ICurrentUser user,
        TimeProvider clock, CancellationToken ct)
    {
        var (approval, owners) = await AuthorizeAsync(claimId, db, directory, calendar, user, ct);
        var claim = await claims.GetClaimAsync(claimId, ct) ?? throw new DomainException(ApprovalsErrors.ClaimNotVisible);
        var receipts = await claims.GetReceiptsAsync(claimId, ct);
        var mine = approval.Tasks.Where(t => owners.Contains(t.AssigneeId)).ToList();
        // The submitter follows their claim; they never decide it, not even as somebody's delegate.
        var waiting = approval.SubmitterId == user.PersonId ? null
            : mine.Where(t => t.Status == ApprovalTaskStatus.Waiting).OrderBy(t => t.AssigneeId == user.PersonId ? 0 : 1).FirstOrDefault();
        var now = clock.GetUtcNow();
        // The first look is recorded (decision time from opening, for the KPIs); reading a notification marks it read.
        var touched = false;
        foreach (var task in mine.Where(t => t.AssigneeId == user.PersonId))
        {
            if (task.Status == ApprovalTaskStatus.Waiting && task.OpenedAt is null)
            {
                task.MarkOpened(now);
                touched = true;
            }

            if (task.Status == ApprovalTaskStatus.Unread)
            {
                task.MarkRead(now);
                touched = true;
            }
        }

        if (touched)
        {
            await db.SaveChangesAsync(ct);
        }

        var dto = await ApprovalViews.ToDtoAsync(approval, directory, ct);
        return TypedResults.Ok(new ClaimReviewDto(claim, receipts, dto, waiting?.Id, waiting is not null && waiting.Kind != StepKind.Notify));
    }

    public static async Task<IResult> ReceiptAsync(
        Guid claimId, Guid receiptId, HttpResponse response, ApprovalsDbContext db, IClaimReader claims, IOrganizationDirectory directory, CompanyCalendar calendar, ICurrentUser user,
        CancellationToken ct)
    {
        await AuthorizeAsync(claimId, db, directory, calendar, user, ct);
        var file = await claims.OpenReceiptAsync(claimId, receiptId, ct) ?? throw new DomainException(ApprovalsErrors.ClaimNotVisible);
        return FileDownloads.Serve(response, file.Content, file.ContentType, file.FileName, file.Inline);
    }

    public static async Task<NoContent> MarkReadAsync(Guid taskId, ApprovalsDbContext db, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId && t.AssigneeId == user.PersonId, ct) ?? throw new DomainException(ApprovalsErrors.TaskNotFound);
        task.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<(Approval Approval, List<Guid> Owners)> AuthorizeAsync(
        Guid claimId, ApprovalsDbContext db, IOrganizationDirectory directory, CompanyCalendar calendar, ICurrentUser user, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var owners = (await directory.FindDelegatorsAsync(me, calendar.Today, ct)).Append(me).ToList();
        var admin = user.HasPermission(ApprovalsPermissions.ManageFlows);
        var involved = admin || await db.Approvals.AnyAsync(a => a.ClaimId == claimId && a.SubmitterId == me, ct) || await db.Tasks.AnyAsync(t => db.Approvals.Any(a => a.Id == t.ApprovalId && a.ClaimId == claimId)
            && (t.AssigneeId == me || t.DecidedById == me || (owners.Contains(t.AssigneeId) && t.Status == ApprovalTaskStatus.Waiting)), ct);
        var approval = involved
            ? await db.Approvals.Include(a => a.Steps).Include(a => a.Tasks).Where(a => a.ClaimId == claimId).OrderByDescending(a => a.Round).FirstOrDefaultAsync(ct)
            : null;
        return (approval ?? throw new DomainException(ApprovalsErrors.ClaimNotVisible), owners);
    }
}
