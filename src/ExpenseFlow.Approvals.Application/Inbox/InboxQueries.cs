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
                var owners = (await directory.FindDelegatorsAsync(me, calendar.Today, ct)).Append(me).ToList();
                tasks = tasks.Where(t => owners.Contains(t.AssigneeId) && t.Status == ApprovalTaskStatus.Waiting);
                break;
        }

        var query = from t in tasks
                    join a in db.Approvals.AsNoTracking() on t.ApprovalId equals a.Id
                    join s in db.Steps.AsNoTracking() on new { t.ApprovalId, Index = t.StepIndex } equals new { s.ApprovalId, s.Index }
                    select new { t, a, s };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = LikePattern.Contains(search);
            query = query.Where(x => EF.Functions.ILike(x.a.ClaimNumber, pattern) || EF.Functions.ILike(x.a.ClaimTitle, pattern) || EF.Functions.ILike(x.a.SubmitterName, pattern));
        }

        if (minAmount is { } min)
        {
            query = query.Where(x => x.a.Amount >= min);
        }

        if (maxAmount is { } max)
        {
            query = query.Where(x => x.a.Amount <= max);
        }

        query = (sort, view) switch
        {
            ("-waiting", _) => query.OrderByDescending(x => x.t.WaitingSince ?? x.t.CreatedAt).ThenBy(x => x.t.Id),
            ("amount", _) => query.OrderBy(x => x.a.Amount).ThenBy(x => x.t.Id),
            ("-amount", _) => query.OrderByDescending(x => x.a.Amount).ThenBy(x => x.t.Id),
            ("submitted", _) => query.OrderByDescending(x => x.a.StartedAt).ThenBy(x => x.t.Id),
            (null or "", "done" or "notifications") => query.OrderByDescending(x => x.t.CompletedAt ?? x.t.CreatedAt).ThenBy(x => x.t.Id),
            _ => query.OrderBy(x => x.t.WaitingSince ?? x.t.CreatedAt).ThenBy(x => x.t.Id),
        };
        var total = await query.CountAsync(ct);
        var rows = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = rows.Select(x => new InboxItemDto(
            x.t.Id, x.a.Id, x.a.ClaimId, x.a.ClaimNumber, x.a.ClaimTitle, x.a.SubmitterId, x.a.SubmitterName, x.a.Amount, x.a.Currency, x.s.Key,
            ApprovalViews.StepName(x.s), FlowDefinitionParser.Lower(x.s.Kind.ToString()), x.t.Status.ToString(), x.t.CreatedAt,
            Math.Round(((x.t.CompletedAt ?? now) - (x.t.WaitingSince ?? x.t.CreatedAt)).TotalHours, 1), x.t.AssigneeId, x.t.AssigneeName, x.t.AssigneeId != me,
            x.t.RemindedAt, x.t.DeadlineAt, ApprovalViews.Outcome(x.t.Status), x.t.CompletedAt)).ToList();
        return TypedResults.Ok(new PagedResult<InboxItemDto>(items, total));
    }
}
