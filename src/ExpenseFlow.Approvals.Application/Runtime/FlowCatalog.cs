using System.Collections.Concurrent;
using System.Text.Json;
using ExpenseFlow.Approvals.Domain.Definitions;
using ExpenseFlow.Approvals.Domain.Flows;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Application.Runtime;

/// <summary>Parsed flow versions (immutable, so cached by id) and the choice of the flow that applies to a claim.</summary>
public sealed class FlowCatalog(ApprovalsDbContext db, IOrganizationDirectory directory)
{
    private static readonly ConcurrentDictionary<Guid, FlowDefinition> Parsed = new();

    public async Task<FlowDefinition> DefinitionAsync(Guid versionId, CancellationToken ct)
    {
        if (Parsed.TryGetValue(versionId, out var cached))
        {
            return cached;
        }

        var json = await db.FlowVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => v.DefinitionJson).SingleAsync(ct);
        var definition = Parse(json);
        Parsed.TryAdd(versionId, definition);
        return definition;
    }

    public static FlowDefinition Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var (definition, errors) = FlowDefinitionParser.Parse(document.RootElement);
        return definition ?? throw new InvalidOperationException($"Stored flow definition is invalid: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Code}"))}");
    }

    /// <summary>The first active flow by priority whose condition matches; the default flow last, matching everything.</summary>
    public async Task<(ApprovalFlow Flow, FlowVersion Version, FlowDefinition Definition)> SelectAsync(ClaimFacts facts, CancellationToken ct)
    {
        var flows = await db.Flows.AsNoTracking().Where(f => f.IsActive).OrderBy(f => f.IsDefault).ThenBy(f => f.Priority).ThenBy(f => f.Code).ToListAsync(ct);
        foreach (var flow in flows)
        {
            var version = await db.FlowVersions.AsNoTracking().SingleAsync(v => v.FlowId == flow.Id && v.Version == flow.CurrentVersion, ct);
            var definition = await DefinitionAsync(version.Id, ct);
            if (flow.IsDefault || definition.When?.Evaluate(facts) != false)
            {
                return (flow, version, definition);
            }
        }

        throw new InvalidOperationException("No default approval flow exists; run the DbMigrator.");
    }

    /// <summary>What conditions see of a claim: its amount and lines, and the submitter's department chain and grade.</summary>
    public async Task<ClaimFacts> FactsAsync(
        Guid submitterId, decimal amount, string currency, IReadOnlyList<string> categories, IReadOnlyList<string> costCentres, Guid legalEntityId, CancellationToken ct)
    {
        var person = await directory.FindPersonAsync(submitterId, ct);
        var departments = person?.DepartmentId is { } d ? (await directory.GetDepartmentChainAsync(d, ct)).Select(x => x.Code).ToList() : [];
        var grades = (await directory.GetGradesAsync(ct)).ToDictionary(g => g.Code, g => g.Rank, StringComparer.OrdinalIgnoreCase);
        var taxId = (await directory.GetLegalEntitiesAsync(ct)).FirstOrDefault(e => e.Id == legalEntityId)?.TaxId;
        var costs = costCentres.Count > 0 || person?.CostCentreCode is null ? costCentres : [person.CostCentreCode];
        return new ClaimFacts(amount, currency, categories, costs, departments, legalEntityId, taxId, person?.GradeCode,
            person?.GradeCode is { } g && grades.TryGetValue(g, out var rank) ? rank : null, grades);
    }
}
