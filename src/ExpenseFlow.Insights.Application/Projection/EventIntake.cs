using System.Text.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.BuildingBlocks.Events;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Insights.Domain.Facts;
using ExpenseFlow.Insights.Infrastructure;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ExpenseFlow.Insights.Application.Projection;

/// <summary>The company's time zone, in which months are counted (Insights:TimeZone, else Approvals:TimeZone, default Asia/Shanghai).</summary>
public sealed class InsightsCalendar(IConfiguration configuration)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(configuration["Insights:TimeZone"] ?? configuration["Approvals:TimeZone"] ?? "Asia/Shanghai");

    public DateOnly MonthOf(DateTimeOffset at) => ClaimFact.MonthOf(at, Zone);
}

/// <summary>
/// Takes every event Insights reads into its log and folds it into the facts and the rollup, in one transaction per
/// event. The log's unique event id makes a redelivered event a no-op; a lock per claim serialises events of one claim.
/// </summary>
internal sealed class EventIntake(InsightsDbContext db, IOrganizationDirectory directory, InsightsCalendar calendar, TimeProvider clock) :
    IIntegrationEventHandler<ClaimSubmitted>, IIntegrationEventHandler<ClaimCancelled>, IIntegrationEventHandler<ApprovalTaskCompleted>,
    IIntegrationEventHandler<ApprovalReminderDue>, IIntegrationEventHandler<ClaimApproved>, IIntegrationEventHandler<ClaimRejected>,
    IIntegrationEventHandler<ClaimReturned>, IIntegrationEventHandler<ClaimPaymentScheduled>, IIntegrationEventHandler<ClaimPaid>,
    IIntegrationEventHandler<ClaimPaymentReopened>
{
    public Task HandleAsync(ClaimSubmitted e, CancellationToken cancellationToken) => IntakeAsync(e, cancellationToken);

    public Task HandleAsync(ClaimCancelled e, CancellationToken cancellationToken) => IntakeAsync(e, cancellationToken);

    public Task HandleAsync(ApprovalTaskCompleted e, CancellationToken cancellationToken) => IntakeAsync(e, cancellationToken);

    public Task HandleAsync(ApprovalReminderDue e, CancellationToken cancellationToken) => IntakeAsync(e, cancellationToken);

    public Task HandleAsync(ClaimApproved e, CancellationToken cancellationToken) => IntakeAsync(e, cancellationToken);

    public Task HandleAsync(ClaimRejected e, CancellationToken cancellationToken) => IntakeAsync(e, cancellationToken);

    public Task HandleAsync(ClaimReturned e, CancellationToken cancellationToken) => IntakeAsync(e, cancellationToken);

    public Task HandleAsync(ClaimPaymentScheduled e, CancellationToken cancellationToken) => IntakeAsync(e, cancellationToken);

    public Task HandleAsync(ClaimPaid e, CancellationToken cancellationToken) => IntakeAsync(e, cancellationToken);

    public Task HandleAsync(ClaimPaymentReopened e, CancellationToken cancellationToken) => IntakeAsync(e, cancellationToken);

    public static long LockKey(Guid claimId) => BitConverter.ToInt64(claimId.ToByteArray(), 8);

    private async Task IntakeAsync(IntegrationEvent e, CancellationToken ct)
    {
        var claimId = EventFolding.ClaimOf(e) ?? throw new InvalidOperationException($"{e.GetType().Name} names no claim.");
        var context = await ContextAsync(e, ct);
        var type = e.GetType().Name;
        var payload = JsonSerializer.Serialize(e, e.GetType(), EventFolding.Json);
        var contextJson = context is null ? null : JsonSerializer.Serialize(context, EventFolding.Json);
        var occurredAt = e.OccurredAt == default ? clock.GetUtcNow() : e.OccurredAt;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lockKey = LockKey(claimId);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", ct);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO insights.events (event_id, type, claim_id, occurred_at, received_at, payload, context)
            VALUES ({e.EventId}, {type}, {claimId}, {occurredAt}, {clock.GetUtcNow()}, CAST({payload} AS jsonb), CAST({contextJson} AS jsonb))
            ON CONFLICT (event_id) DO NOTHING
            """, ct);
        if (inserted == 0)
        {
            // Delivered before: the log has it and the facts include it.
            await tx.RollbackAsync(ct);
            return;
        }

        var fact = await db.ClaimFacts.FindAsync([claimId], ct);
        if (fact is null)
        {
            fact = new ClaimFact { ClaimId = claimId };
            db.ClaimFacts.Add(fact);
        }

        var before = fact.Contribute(calendar.Zone);
        var task = EventFolding.Fold(fact, e, context);
        var delta = Contribution.Difference(before, fact.Contribute(calendar.Zone));
        delta.Add(new CellKey(DateOnly.MinValue, Dimension.Log, string.Empty), 1, 0, 1);
        if (task is not null && await db.TaskFacts.FindAsync([task.TaskId], ct) is null)
        {
            db.TaskFacts.Add(task);
            delta.Merge(task.Contribute(calendar.Zone));
        }

        await db.SaveChangesAsync(ct);
        await RollupWriter.ApplyAsync(db, delta, ct);
        await tx.CommitAsync(ct);
    }

    private async Task<EventContext?> ContextAsync(IntegrationEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case ClaimSubmitted s:
                var person = await directory.FindPersonAsync(s.EmployeeId, ct);
                string? departmentName = null;
                if (person?.DepartmentId is { } departmentId)
                {
                    departmentName = (await directory.GetDepartmentChainAsync(departmentId, ct)).FirstOrDefault(d => d.Id == departmentId)?.Name;
                }

                var legalEntity = (await directory.GetLegalEntitiesAsync(ct)).FirstOrDefault(l => l.Id == s.LegalEntityId)?.Name;
                return new EventContext(person?.DepartmentId, departmentName, legalEntity);
            case ApprovalTaskCompleted t:
                var names = await directory.GetNamesAsync([t.AssigneeId], ct);
                return new EventContext(AssigneeName: names.GetValueOrDefault(t.AssigneeId));
            default:
                return null;
        }
    }
}
