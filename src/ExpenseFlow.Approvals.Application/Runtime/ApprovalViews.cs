using System.Globalization;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Domain;
using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Application.Runtime;

internal static class ApprovalViews
{
    public static async Task<ApprovalDto> LoadAsync(ApprovalsDbContext db, IOrganizationDirectory directory, Guid approvalId, CancellationToken ct)
    {
        var approval = await db.Approvals.AsNoTracking().Include(a => a.Steps).Include(a => a.Tasks).FirstOrDefaultAsync(a => a.Id == approvalId, ct)
            ?? throw new DomainException(ApprovalsErrors.ApprovalNotFound);
        return await ToDtoAsync(approval, directory, ct);
    }

    public static async Task<ApprovalDto> ToDtoAsync(Approval a, IOrganizationDirectory directory, CancellationToken ct)
    {
        var names = await directory.GetNamesAsync(a.Tasks.Select(t => t.DecidedById).OfType<Guid>().Distinct().ToList(), ct);
        var english = !CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return new ApprovalDto(a.Id, a.ClaimId, a.ClaimNumber, a.ClaimTitle, a.SubmitterId, a.SubmitterName, a.Amount, a.Currency, a.Status.ToString(),
            a.FlowId, a.FlowName, a.FlowVersion, a.Round, a.StartedAt, a.CompletedAt,
            a.Steps.OrderBy(s => s.Index).Select(s => new ApprovalStepDto(s.Index, s.Key, english && s.NameEn is not null ? s.NameEn : s.Name,
                FlowDefinitionParser.Lower(s.Kind.ToString()), FlowDefinitionParser.Lower(s.Mode.ToString()), s.Status.ToString(), s.ActivatedAt, s.CompletedAt, s.Note,
                a.Tasks.Where(t => t.StepIndex == s.Index).OrderBy(t => t.Order).ThenBy(t => t.CreatedAt)
                    .Select(t => new ApprovalTaskDto(t.Id, t.AssigneeId, t.AssigneeName, t.Status.ToString(), Outcome(t.Status), t.Comment, t.DecidedById,
                        t.DecidedById is { } d ? names.GetValueOrDefault(d) : null, t.OnBehalfOfId, t.CreatedAt, t.CompletedAt, t.RemindedAt, t.Note))
                    .ToList()))
                .ToList());
    }

    public static string? Outcome(ApprovalTaskStatus status) => status switch
    {
        ApprovalTaskStatus.Approved => "approve",
        ApprovalTaskStatus.Rejected => "reject",
        ApprovalTaskStatus.Returned => "return",
        _ => null,
    };

    public static string StepName(ApprovalStep s) =>
        !CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && s.NameEn is not null ? s.NameEn : s.Name;
}
