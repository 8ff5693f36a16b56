using System.Text.Json;
using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Approvals.Domain;
using ExpenseFlow.Approvals.Domain.Flows;
using ExpenseFlow.Approvals.Infrastructure;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Approvals.Application.Flows;

/// <summary>Flow administration: list, read, create, revise (a new version each time), switch on/off, validate, preview.</summary>
internal static class FlowEndpoints
{
    public static void MapFlows(this RouteGroupBuilder group)
    {
        var flows = group.MapGroup("/flows").WithTags("Approval flows").RequireAuthorization(ApprovalsPermissions.ManageFlows);
        flows.MapGet("/", ListAsync);
        flows.MapGet("/schema", () => TypedResults.Text(FlowSchema.Json, "application/schema+json"));
        flows.MapGet("/{id:guid}", GetAsync);
        flows.MapPost("/", CreateAsync);
        flows.MapPut("/{id:guid}", UpdateAsync);
        flows.MapPost("/{id:guid}/activate", (Guid id, ApprovalsDbContext db, IOrganizationDirectory d, ICurrentUser u, TimeProvider c, CancellationToken ct) => SetActiveAsync(id, true, db, d, u, c, ct));
        flows.MapPost("/{id:guid}/deactivate", (Guid id, ApprovalsDbContext db, IOrganizationDirectory d, ICurrentUser u, TimeProvider c, CancellationToken ct) => SetActiveAsync(id, false, db, d, u, c, ct));
        flows.MapPost("/validate", ValidateAsync);
        flows.MapPost("/preview", FlowPreview.HandleAsync);
    }

    public sealed record ValidateRequest(JsonElement Definition, bool? IsDefault);

    private static async Task<Ok<List<FlowSummaryDto>>> ListAsync(ApprovalsDbContext db, IOrganizationDirectory directory, CancellationToken ct)
    {
        var flows = await db.Flows.AsNoTracking().OrderBy(f => f.IsDefault).ThenBy(f => f.Priority).ThenBy(f => f.Code).ToListAsync(ct);
        var names = await directory.GetNamesAsync(flows.Select(f => f.UpdatedBy).OfType<Guid>().Distinct().ToList(), ct);
        return TypedResults.Ok(flows.Select(f => Summary(f, names)).ToList());
    }

    private static async Task<Ok<FlowDto>> GetAsync(Guid id, ApprovalsDbContext db, IOrganizationDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await LoadAsync(id, db, directory, ct));

    private static async Task<IResult> CreateAsync(
        SaveFlowRequest request, ApprovalsDbContext db, FlowValidation validation, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var (definition, errors) = await validation.ValidateAsync(request.Definition, isDefault: false, ct);
        if (definition is null)
        {
            return Invalid(errors, http);
        }

        var flow = ApprovalFlow.Create(Guid.CreateVersion7(), request.Code, request.Name, request.Priority ?? 100, false, request.Definition.GetRawText(),
            definition.When is not null, user.PersonId, clock.GetUtcNow());
        if (request.IsActive == false)
        {
            flow.SetActive(false, user.PersonId, clock.GetUtcNow());
        }

        db.Flows.Add(flow);
        await SaveAsync(db, ct);
        return TypedResults.Created($"/api/approvals/flows/{flow.Id}", await LoadAsync(flow.Id, db, directory, ct));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, SaveFlowRequest request, ApprovalsDbContext db, FlowValidation validation, IOrganizationDirectory directory, ICurrentUser user,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var flow = await db.Flows.Include(f => f.Versions).FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new DomainException(ApprovalsErrors.FlowNotFound);
        var (definition, errors) = await validation.ValidateAsync(request.Definition, flow.IsDefault, ct);
        if (definition is null)
        {
            return Invalid(errors, http);
        }

        flow.Rename(request.Code, request.Name, request.Priority ?? flow.Priority);
        flow.Revise(request.Definition.GetRawText(), definition.When is not null, user.PersonId, clock.GetUtcNow());
        if (request.IsActive is { } active && active != flow.IsActive)
        {
            flow.SetActive(active, user.PersonId, clock.GetUtcNow());
        }

        await SaveAsync(db, ct);
        return TypedResults.Ok(await LoadAsync(flow.Id, db, directory, ct));
    }

    private static async Task<Ok<FlowSummaryDto>> SetActiveAsync(
        Guid id, bool active, ApprovalsDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var flow = await db.Flows.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new DomainException(ApprovalsErrors.FlowNotFound);
        flow.SetActive(active, user.PersonId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var names = await directory.GetNamesAsync(flow.UpdatedBy is { } u ? [u] : [], ct);
        return TypedResults.Ok(Summary(flow, names));
    }

    private static async Task<Ok<ValidationResultDto>> ValidateAsync(ValidateRequest request, FlowValidation validation, CancellationToken ct)
    {
        var (definition, errors) = await validation.ValidateAsync(request.Definition, request.IsDefault ?? false, ct);
        return TypedResults.Ok(new ValidationResultDto(definition is not null, errors));
    }

    private static ProblemHttpResult Invalid(List<DefinitionErrorDto> errors, HttpContext http)
    {
        var problem = ApiProblems.Create(ApprovalsErrors.InvalidDefinition, http);
        problem.Extensions["errors"] = errors;
        return TypedResults.Problem(problem);
    }

    private static async Task SaveAsync(ApprovalsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainException(ApprovalsErrors.DuplicateFlowCode);
        }
    }

    private static async Task<FlowDto> LoadAsync(Guid id, ApprovalsDbContext db, IOrganizationDirectory directory, CancellationToken ct)
    {
        var flow = await db.Flows.AsNoTracking().Include(f => f.Versions).FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new DomainException(ApprovalsErrors.FlowNotFound);
        var names = await directory.GetNamesAsync(flow.Versions.Select(v => v.CreatedBy).OfType<Guid>().Distinct().ToList(), ct);
        var current = flow.Versions.Single(v => v.Version == flow.CurrentVersion);
        using var document = JsonDocument.Parse(current.DefinitionJson);
        return new FlowDto(flow.Id, flow.Code, flow.Name, flow.Priority, flow.IsDefault, flow.IsActive, flow.CurrentVersion, document.RootElement.Clone(),
            flow.Versions.OrderByDescending(v => v.Version).Select(v => new FlowVersionDto(v.Version, v.CreatedAt, v.CreatedBy is { } c ? names.GetValueOrDefault(c) : null)).ToList());
    }

    private static FlowSummaryDto Summary(ApprovalFlow f, IReadOnlyDictionary<Guid, string> names) =>
        new(f.Id, f.Code, f.Name, f.Priority, f.IsDefault, f.IsActive, f.CurrentVersion, f.UpdatedAt, f.UpdatedBy is { } u ? names.GetValueOrDefault(u) : null);
}
