using System.Text.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;
using ExpenseFlow.Expenses.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Approvals.Application.Runtime;

/// <summary>
/// Drives approvals: starts them, activates steps one after another (resolving people through the directory), and
/// writes what happened to the outbox. Callers hold the approval's row lock (<see cref="LockAsync"/>) while they change it.
/// </summary>
public sealed class ApprovalRunner(
    ApprovalsDbContext db, FlowCatalog catalog, ApproverResolver resolver, IClaimReader claims, TimeProvider clock, ILogger<ApprovalRunner> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Approval> StartAsync(ClaimInfo claim, IReadOnlyList<string> categories, IReadOnlyList<string> costCentres, Guid legalEntityId, CancellationToken ct)
    {
        var facts = await catalog.FactsAsync(claim.SubmitterId, claim.Amount, claim.Currency, categories, costCentres, legalEntityId, ct);
        var (flow, version, definition) = await catalog.SelectAsync(facts, ct);
        var round = await db.Approvals.CountAsync(a => a.ClaimId == claim.ClaimId, ct) + 1;
        var now = clock.GetUtcNow();
        var approval = Approval.Start(Guid.CreateVersion7(), claim, flow.Id, flow.Name, version.Id, version.Version, round, definition, facts,
            JsonSerializer.Serialize(facts with { GradeRanks = new Dictionary<string, int>() }, Json), now);
        db.Approvals.Add(approval);
        db.Publish(new ApprovalStarted(approval.Id, claim.ClaimId, flow.Id, flow.Name, version.Version, now));
        await AdvanceAsync(approval, definition, ct);
        return approval;
    }

    /// <summary>
    /// Takes the claim's lock (<see cref="ClaimLock"/>) for the rest of the transaction, before any row lock, and reads the
    /// claim's committed state. The employee's cancel takes the same lock, so whatever this transaction then decides, the
    /// claim was not withdrawn meanwhile — and a claim already withdrawn is seen as Cancelled here.
    /// </summary>
    public async Task<string?> LockClaimAsync(Guid claimId, CancellationToken ct)
    {
        await AdvisoryLock.TakeAsync(db.Database, ClaimLock.Scope, claimId, ct);
        return (await claims.GetStatesAsync([claimId], ct)).GetValueOrDefault(claimId);
    }

    /// <summary>Takes the approval's row lock for the rest of the transaction, then loads it whole.</summary>
    public async Task<Approval?> LockAsync(Guid approvalId, CancellationToken ct)
    {
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM approvals.approvals WHERE id = {approvalId} FOR UPDATE").ToListAsync(ct);
        return locked.Count == 0 ? null : await db.Approvals.Include(a => a.Steps).Include(a => a.Tasks).SingleAsync(a => a.Id == approvalId, ct);
    }

    public Task<FlowDefinition> DefinitionAsync(Approval approval, CancellationToken ct) => catalog.DefinitionAsync(approval.FlowVersionId, ct);

    /// <summary>Activates steps until one waits for people or the approval ends, then publishes the outcomes.</summary>
    public async Task AdvanceAsync(Approval approval, FlowDefinition definition, CancellationToken ct)
    {
        while (approval.NextStep() is { } step)
        {
            var stepDefinition = definition.Steps[step.Index];
            var people = await resolver.ResolveStepAsync(stepDefinition, definition.Fallback, approval.SubmitterId, ct);
            approval.Activate(step.Index, people, stepDefinition.Sla, clock.GetUtcNow());
        }

        approval.CompleteIfDone(clock.GetUtcNow());
        Publish(approval);
    }

    private void Publish(Approval approval)
    {
        foreach (var outcome in approval.TakeOutcomes())
        {
            switch (outcome)
            {
                case TaskEnded e:
                    var step = approval.Steps.Single(s => s.Index == e.Task.StepIndex);
                    db.Publish(new ApprovalTaskCompleted(approval.Id, approval.ClaimId, e.Task.Id, step.Key, step.Kind.ToString(), e.Task.AssigneeId,
                        e.Task.DecidedById, e.Task.OnBehalfOfId, e.Task.Status.ToString(), e.Task.CreatedAt, e.Task.OpenedAt, e.Task.CompletedAt ?? clock.GetUtcNow(),
                        approval.FlowName, step.Name, e.Task.Note, e.Task.WaitingSince, e.Task.RemindedAt));
                    break;
                case TaskReminded r:
                    db.Publish(new ApprovalReminderDue(approval.Id, approval.ClaimId, r.Task.Id, r.Task.AssigneeId, r.Task.RemindedAt!.Value));
                    break;
                case TaskEscalated x:
                    db.Publish(new ApprovalEscalated(approval.Id, approval.ClaimId, x.From.Id, x.From.AssigneeId, x.To.Id, x.To.AssigneeId, x.To.CreatedAt));
                    break;
                case ApprovalStuck s:
                    logger.LogWarning("Approval {ApprovalId} of claim {ClaimNumber} is stuck: step {Step} resolved to nobody, fallback included", approval.Id, approval.ClaimNumber, s.Step.Key);
                    break;
                case ApprovalEnded { Status: ApprovalStatus.Approved } end:
                    db.Publish(new ClaimApproved(approval.ClaimId, approval.Id, end.DeciderId, end.OnBehalfOfId, end.At));
                    break;
                case ApprovalEnded { Status: ApprovalStatus.Rejected } end:
                    db.Publish(new ClaimRejected(approval.ClaimId, approval.Id, end.DeciderId, end.OnBehalfOfId, end.Comment, end.At));
                    break;
                case ApprovalEnded { Status: ApprovalStatus.Returned } end:
                    db.Publish(new ClaimReturned(approval.ClaimId, approval.Id, end.DeciderId, end.OnBehalfOfId, end.Comment, end.At));
                    break;
            }
        }
    }
}
