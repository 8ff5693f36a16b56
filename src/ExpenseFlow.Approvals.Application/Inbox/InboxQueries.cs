using ExpenseFlow.Approvals.Application.Runtime;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.BuildingBlocks;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Application.Inbox;

/// <summary>
/// My inbox: the tasks waiting for me or for someone who delegated to me today (open), what I decided (done), and
/// what I was kept informed of (notifications). Longest waiting first unless asked otherwise.
/// </summary>
internal static class InboxQueries
{
    public static async Task<Ok<PagedResult<InboxItemDto>>> ListAsync(
        ApprovalsDbContext db, IOrganizationDirectory directory, CompanyCalendar calendar, ICurrentUser user, TimeProvider clock,
        string? view, string? search, decimal? minAmount, decimal? maxAmount, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Max(page ?? 1, 1);
        var tasks = db.Tasks.AsNoTracking();
        switch (view)
        {
            case "done":
                tasks = tasks.Where(t => t.Kind != StepKind.Notify && (t.DecidedById == me || (t.AssigneeId == me && t.CompletedAt != null)));
                break;
            case "notifications":
                tasks = tasks.Where(t => t.AssigneeId == me && t.Kind == StepKind.Notify);
                break;
            default:
                var delegators = await directory.FindDelegatorsAsync(me, calendar.Today, ct);
                // Tasks delegated to me, except those on my own claims: nobody decides their own claim, not even on behalf.
                var approvalsOfMine = db.Approvals.Where(a => a.SubmitterId == me);
                tasks = delegators.Count == 0
                    ? tasks.Where(t => t.AssigneeId == me && t.Status == ApprovalTaskStatus.Waiting)
                    : tasks.Where(t => t.Status == ApprovalTaskStatus.Waiting
                        && (t.AssigneeId == me || (delegators.Contains(t.AssigneeId) && !approvalsOfMine.Any(a => a.Id == t.ApprovalId))));
                break;
        }

        // Filters on the claim go through a semi-join; the count and the page read the tasks' own index where they can,
        // and the page's approvals and steps are fetched for its 20 rows only.
        var approvals = db.Approvals.AsNoTracking();
        var filtered = false;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = LikePattern.Contains(search);
            approvals = approvals.Where(a => EF.Functions.ILike(a.ClaimNumber, pattern) || EF.Functions.ILike(a.ClaimTitle, pattern) || EF.Functions.ILike(a.SubmitterName, pattern));
            filtered = true;
        }

        if (minAmount is { } min)
        {
            approvals = approvals.Where(a => a.Amount >= min);
            filtered = true;
        }

        if (maxAmount is { } max)
        {
            approvals = approvals.Where(a => a.Amount <= max);
            filtered = true;
        }

        if (filtered)
        {
            tasks = tasks.Where(t => approvals.Any(a => a.Id == t.ApprovalId));
        }

        var total = await tasks.CountAsync(ct);
        var skip = (number - 1) * size;
        List<Guid> pageIds = sort switch
        {
            "amount" or "-amount" or "submitted" => await OrderByClaim(tasks, db.Approvals.AsNoTracking(), sort).Skip(skip).Take(size).ToListAsync(ct),
            "-waiting" => await tasks.OrderByDescending(t => t.WaitingSince).ThenBy(t => t.Id).Select(t => t.Id).Skip(skip).Take(size).ToListAsync(ct),
            null or "" when view is "done" or "notifications" =>
                await tasks.OrderByDescending(t => t.CompletedAt ?? t.CreatedAt).ThenBy(t => t.Id).Select(t => t.Id).Skip(skip).Take(size).ToListAsync(ct),
            _ => await tasks.OrderBy(t => t.WaitingSince).ThenBy(t => t.Id).Select(t => t.Id).Skip(skip).Take(size).ToListAsync(ct),
        };
        var rows = await (from t in db.Tasks.AsNoTracking().Where(t => pageIds.Contains(t.Id))
                          join a in db.Approvals.AsNoTracking() on t.ApprovalId equals a.Id
                          join st in db.Steps.AsNoTracking() on new { t.ApprovalId, Index = t.StepIndex } equals new { st.ApprovalId, st.Index }
                          select new { t, a, s = st }).ToListAsync(ct);
        rows = rows.OrderBy(r => pageIds.IndexOf(r.t.Id)).ToList();
        var now = clock.GetUtcNow();
        var items = rows.Select(x => new InboxItemDto(
            x.t.Id, x.a.Id, x.a.ClaimId, x.a.ClaimNumber, x.a.ClaimTitle, x.a.SubmitterId, x.a.SubmitterName, x.a.Amount, x.a.Currency, x.s.Key,
            ApprovalViews.StepName(x.s), FlowDefinitionParser.Lower(x.s.Kind.ToString()), x.t.Status.ToString(), x.t.CreatedAt,
            Math.Round(((x.t.CompletedAt ?? now) - (x.t.WaitingSince ?? x.t.CreatedAt)).TotalHours, 1), x.t.AssigneeId, x.t.AssigneeName, x.t.AssigneeId != me,
            x.t.RemindedAt, x.t.DeadlineAt, ApprovalViews.Outcome(x.t.Status), x.t.CompletedAt)).ToList();
        return TypedResults.Ok(new PagedResult<InboxItemDto>(items, total));
    }

    private static IQueryable<Guid> OrderByClaim(IQueryable<ApprovalTask> tasks, IQueryable<Approval> approvals, string sort)
    {
        var joined = from t in tasks join a in approvals on t.ApprovalId equals a.Id select new { t.Id, a.Amount, a.StartedAt };
        return (sort switch
        {
            "amount" => joined.OrderBy(x => x.Amount).ThenBy(x => x.Id),
            "-amount" => joined.OrderByDescending(x => x.Amount).ThenBy(x => x.Id),
            _ => joined.OrderByDescending(x => x.StartedAt).ThenBy(x => x.Id),
        }).Select(x => x.Id);
    }
}
