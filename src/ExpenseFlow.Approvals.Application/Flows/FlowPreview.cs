using ExpenseFlow.Approvals.Application.Runtime;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Domain;
using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Application.Flows;

/// <summary>"Who would approve this claim?" — a flow (saved, or a draft being edited) run on paper for a claim or a sample.</summary>
internal static class FlowPreview
{
    public static async Task<IResult> HandleAsync(
        PreviewRequest request, ApprovalsDbContext db, FlowCatalog catalog, FlowValidation validation, ApproverResolver resolver, IClaimReader claims,
        IOrganizationDirectory directory, CompanyCalendar calendar, HttpContext http, CancellationToken ct)
    {
        ClaimFacts facts;
        Guid submitterId;
        if (request.ClaimId is { } claimId)
        {
            var claim = await claims.GetClaimAsync(claimId, ct) ?? throw new DomainException(ApprovalsErrors.ClaimNotVisible);
            submitterId = claim.EmployeeId;
            facts = await catalog.FactsAsync(claim.EmployeeId, claim.TotalInBase, claim.BaseCurrency, claim.Lines.Select(l => l.Category).Distinct().ToList(),
                claim.Lines.Select(l => l.CostCentreCode).OfType<string>().Distinct().ToList(), claim.LegalEntityId, ct);
        }
        else if (request.Sample is { } sample)
        {
            submitterId = sample.SubmitterId;
            var entities = await directory.GetLegalEntitiesAsync(ct);
            var legalEntity = sample.LegalEntityId ?? (entities.Count > 0 ? entities[0].Id : Guid.Empty);
            facts = await catalog.FactsAsync(sample.SubmitterId, sample.Amount, "CNY", sample.Categories ?? [], sample.CostCentres ?? [], legalEntity, ct);
        }
        else
        {
            throw new DomainException(ApprovalsErrors.PreviewNeedsClaim);
        }

        Guid? flowId = null;
        int? version = null;
        string flowName;
        FlowDefinition definition;
        if (request.Definition is { } draft)
        {
            var (parsed, errors) = await validation.ValidateAsync(draft, isDefault: false, ct);
            if (parsed is null)
            {
                var problem = ApiProblems.Create(ApprovalsErrors.InvalidDefinition, http);
                problem.Extensions["errors"] = errors;
                return TypedResults.Problem(problem);
            }

            (definition, flowId, flowName) = (parsed, request.FlowId, "draft");
        }
        else if (request.FlowId is { } id)
        {
            var flow = await db.Flows.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new DomainException(ApprovalsErrors.FlowNotFound);
            var current = await db.FlowVersions.AsNoTracking().SingleAsync(v => v.FlowId == id && v.Version == flow.CurrentVersion, ct);
            (definition, flowId, flowName, version) = (await catalog.DefinitionAsync(current.Id, ct), flow.Id, flow.Name, flow.CurrentVersion);
        }
        else
        {
            var (flow, current, parsed) = await catalog.SelectAsync(facts, ct);
            (definition, flowId, flowName, version) = (parsed, flow.Id, flow.Name, current.Version);
        }

        var approvedSoFar = new HashSet<Guid>();
        var steps = new List<PreviewStepDto>();
        foreach (var step in definition.Steps)
        {
            var kind = FlowDefinitionParser.Lower(step.Kind.ToString());
            var mode = FlowDefinitionParser.Lower(step.Mode.ToString());
            if (step.When?.Evaluate(facts) == false)
            {
                steps.Add(new PreviewStepDto(step.Key, step.Name, kind, mode, false, "condition-not-met", []));
                continue;
            }

            var approvers = new List<PreviewApproverDto>();
            foreach (var person in await resolver.ResolveStepAsync(step, definition.Fallback, submitterId, ct))
            {
                var notes = new List<string>();
                if (person.Note is not null)
                {
                    notes.Add(person.Note);
                }

                if (step.Kind == StepKind.Approval && definition.Dedupe && approvedSoFar.Contains(person.PersonId))
                {
                    notes.Add("dedupe");
                }

                if (await directory.FindDelegateAsync(person.PersonId, calendar.Today, ct) is { } delegated)
                {
                    notes.Add($"delegated:{delegated.DisplayName}");
                }

                approvers.Add(new PreviewApproverDto(person.PersonId, person.Name, notes.Count == 0 ? null : string.Join(", ", notes)));
            }

            if (step.Kind != StepKind.Notify)
            {
                approvedSoFar.UnionWith(approvers.Select(a => a.PersonId));
            }

            steps.Add(new PreviewStepDto(step.Key, step.Name, kind, mode, true, approvers.Count == 0 ? "nobody-resolved" : null, approvers));
        }

        return TypedResults.Ok(new PreviewDto(flowId, flowName, version, steps));
    }
}
