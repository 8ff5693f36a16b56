using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.Approvals.Domain.Runtime;
using ExpenseFlow.Organization.Contracts;

namespace ExpenseFlow.Approvals.Application.Runtime;

/// <summary>
/// Turns approver rules into people, through the organization directory. The submitter never approves their own claim,
/// in person or on behalf of someone: they are left out, and so is anyone whose delegate today is the submitter (their
/// tasks would land in the submitter's inbox). When nobody else is left the step goes up the submitter's reporting line,
/// skipping such managers too ("skip to the next level"). When a rule finds nobody, the flow's fallback applies.
/// </summary>
public sealed class ApproverResolver(IOrganizationDirectory directory, CompanyCalendar calendar)
{
    /// <summary>How far up the reporting line a step looks for someone who is neither the submitter nor delegating to them.</summary>
    private const int MaxLevelsUp = 5;

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
        // The submitter, and whoever hands today's decisions to the submitter (their tasks would land in the submitter's inbox).
        var conflicted = (await directory.FindDelegatorsAsync(submitterId, calendar.Today, ct)).Append(submitterId).ToHashSet();
        var skipped = people.Any(p => conflicted.Contains(p.PersonId));
        var result = people.Where(p => !conflicted.Contains(p.PersonId)).DistinctBy(p => p.PersonId).ToList();
        for (var level = 1; result.Count == 0 && skipped && level <= MaxLevelsUp; level++)
        {
            if (await directory.FindManagerAsync(submitterId, level, ct) is not { IsActive: true } manager)
            {
                break;
            }

            if (!conflicted.Contains(manager.Id))
            {
                result.Add(new Assignee(manager.Id, manager.DisplayName, "submitter-skipped"));
            }
        }

        if (result.Count == 0)
        {
            result = (await ResolveAsync(fallback, submitterId, "fallback", ct)).Where(p => !conflicted.Contains(p.PersonId)).ToList();
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
