using System.Text.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Insights.Domain.Facts;
using ExpenseFlow.Payments.Contracts;

namespace ExpenseFlow.Insights.Application.Projection;

/// <summary>What Insights looked up when an event arrived, stored with it so a replay folds the same facts.</summary>
public sealed record EventContext(Guid? DepartmentId = null, string? DepartmentName = null, string? LegalEntityName = null, string? AssigneeName = null);

/// <summary>
/// How each event of the log changes the facts. The one place the meaning of events is defined: the live intake and
/// the rebuild both fold through here.
/// </summary>
public static class EventFolding
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The events Insights reads, by the short name stored in the log.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Types = new[]
    {
        typeof(ClaimSubmitted), typeof(ClaimCancelled), typeof(ApprovalTaskCompleted), typeof(ApprovalReminderDue), typeof(ClaimApproved),
        typeof(ClaimRejected), typeof(ClaimReturned), typeof(ClaimPaymentScheduled), typeof(ClaimPaid), typeof(ClaimPaymentReopened),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static Guid? ClaimOf(IntegrationEvent e) => e switch
    {
        ClaimSubmitted x => x.ClaimId,
        ClaimCancelled x => x.ClaimId,
        ApprovalTaskCompleted x => x.ClaimId,
        ApprovalReminderDue x => x.ClaimId,
        ClaimApproved x => x.ClaimId,
        ClaimRejected x => x.ClaimId,
        ClaimReturned x => x.ClaimId,
        ClaimPaymentScheduled x => x.ClaimId,
        ClaimPaid x => x.ClaimId,
        ClaimPaymentReopened x => x.ClaimId,
        _ => null,
    };

    public static IntegrationEvent Read(string type, string payload) =>
        Types.TryGetValue(type, out var t)
            ? (IntegrationEvent)JsonSerializer.Deserialize(payload, t, Json)!
            : throw new InvalidOperationException($"Insights does not read events of type {type}.");

    /// <summary>Folds <paramref name="e"/> into the claim's fact; an ended approval task also comes back as its own fact.</summary>
    public static TaskFact? Fold(ClaimFact claim, IntegrationEvent e, EventContext? context)
    {
        switch (e)
        {
            case ClaimSubmitted s:
                claim.Submitted(s.Number, s.EmployeeId, context?.DepartmentId, context?.DepartmentName, s.LegalEntityId, context?.LegalEntityName,
                    s.MainCategory ?? (s.Categories.Count > 0 ? s.Categories[0] : null), s.TotalAmount, s.Currency, s.SubmittedAt, s.FirstUploadAt,
                    s.RecognisedFieldsProposed, s.RecognisedFieldsCorrected, s.ManualLines);
                return null;
            case ClaimCancelled:
                claim.Cancel();
                return null;
            case ClaimApproved a:
                claim.Approved(a.ApprovedAt);
                return null;
            case ClaimRejected:
                claim.Reject();
                return null;
            case ClaimReturned:
                claim.Returned();
                return null;
            case ClaimPaymentScheduled p:
                claim.Scheduled(p.ScheduledAt);
                return null;
            case ClaimPaid p:
                claim.Paid(p.RecordedAt, automatically: p.ResolvedBy is null);
                return null;
            case ClaimPaymentReopened r:
                claim.PaymentReopened(r.ReopenedAt);
                return null;
            case ApprovalReminderDue:
                claim.Reminded();
                return null;
            case ApprovalTaskCompleted t:
                var task = new TaskFact
                {
                    TaskId = t.TaskId, ClaimId = t.ClaimId, ApprovalId = t.ApprovalId, FlowName = t.FlowName ?? string.Empty, StepKey = t.StepKey,
                    StepName = t.StepName ?? t.StepKey, StepKind = t.StepKind, AssigneeId = t.AssigneeId, AssigneeName = context?.AssigneeName,
                    DecidedById = t.DecidedById, Outcome = t.Outcome, Note = t.Note, CreatedAt = t.CreatedAt, WaitingSince = t.WaitingSince,
                    OpenedAt = t.OpenedAt, RemindedAt = t.RemindedAt, CompletedAt = t.CompletedAt,
                };
                claim.TaskCompleted(task);
                return task;
            default:
                return null;
        }
    }
}
