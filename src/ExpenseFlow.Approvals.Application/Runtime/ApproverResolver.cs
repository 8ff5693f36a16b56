using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.Organization.Contracts;

namespace ExpenseFlow.Approvals.Application.Runtime;

/// <summary>
/// Turns approver rules into people, through the organization directory. The submitter never approves their own claim:
/// they are left out, and when nobody else is left the step goes to their manager. When a rule finds nobody, the
/// flow's fallback applies.
/// </summary>
public sealed class ApproverResolver(IOrganizationDirectory directory)
{
    public async Task<List<Assignee>> ResolveStepAsync(StepDefinition step, ApproverRule fallback, Guid submitterId, CancellationToken ct)
    {
        var people = new List<Assignee>();
        foreach (var rule in step.Approvers)
        {
            people.AddRange(await ResolveAsync(rule, submitterId, null, ct));
        }

        if (step.Kind == StepKind.Notify)
        {
            return people.Where(p => p.PersonId != submitterId).DistinctBy(p => p.PersonId).ToList();
        }

        return await NotTheSubmitterAsync(people, fallback, submitterId, ct);
    }

    /// <summary>Whom a timed-out task goes to: relative rules (manager) start from the task's assignee.</summary>
    public async Task<Assignee?> ResolveEscalationAsync(ApproverRule rule, ApproverRule fallback, Guid assigneeId, Guid submitterId, CancellationToken ct)
    {
        var people = (await ResolveAsync(rule, assigneeId, "escalated", ct)).Where(p => p.PersonId != assigneeId).ToList();
        return (await NotTheSubmitterAsync(people, fallback, submitterId, ct)).FirstOrDefault();
    }

    private async Task<List<Assignee>> NotTheSubmitterAsync(List<Assignee> people, ApproverRule fallback, Guid submitterId, CancellationToken ct)
    {
        var hadSubmitter = people.Any(p => p.PersonId == submitterId);
        var result = people.Where(p => p.PersonId != submitterId).DistinctBy(p => p.PersonId).ToList();
        if (result.Count == 0 && hadSubmitter && await directory.FindManagerAsync(submitterId, 1, ct) is { IsActive: true } manager)
        {
            result.Add(new Assignee(manager.Id, manager.DisplayName, "submitter-skipped"));
        }

        if (result.Count == 0)
        {
            result = (await ResolveAsync(fallback, submitterId, "fallback", ct)).Where(p => p.PersonId != submitterId).ToList();
        }

        return result;
    }

    private async Task<List<Assignee>> ResolveAsync(ApproverRule rule, Guid relativeTo, string? note, CancellationToken ct)
    {
        IReadOnlyList<PersonSummary> found = rule.Type switch
        {
            ApproverType.Manager => await directory.FindManagerAsync(relativeTo, rule.Levels, ct) is { } m ? [m] : [],
            ApproverType.DepartmentHead => await DepartmentHeadAsync(relativeTo, ct),
            ApproverType.Role => await directory.FindPeopleInRoleAsync(rule.Role!, ct),
            _ => await directory.FindPersonAsync(rule.PersonId!.Value, ct) is { } p ? [p] : [],
        };
        return found.Where(p => p.IsActive).Select(p => new Assignee(p.Id, p.DisplayName, note)).ToList();
    }

    /// <summary>The head of the person's department, or of the nearest parent department that has one.</summary>
    private async Task<IReadOnlyList<PersonSummary>> DepartmentHeadAsync(Guid personId, CancellationToken ct)
    {
        var person = await directory.FindPersonAsync(personId, ct);
        if (person?.DepartmentId is not { } departmentId)
        {
            return [];
        }

        foreach (var department in await directory.GetDepartmentChainAsync(departmentId, ct))
        {
            if (department.HeadPersonId is { } head && await directory.FindPersonAsync(head, ct) is { IsActive: true } found)
            {
                return [found];
            }
        }

        return [];
    }
}
