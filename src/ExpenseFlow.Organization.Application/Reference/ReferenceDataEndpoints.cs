using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.Reference;

public sealed record SaveGradeRequest([Code(OrganizationLimits.Code)] string Code, [MaxLength(OrganizationLimits.Name)] string Name, int Rank);

public sealed record SaveCostCentreRequest([Code(OrganizationLimits.Code)] string Code, [MaxLength(OrganizationLimits.Name)] string Name, bool? IsActive);

public sealed record SaveLegalEntityRequest(
    [MaxLength(OrganizationLimits.LegalEntityName)] string Name, [MaxLength(OrganizationLimits.TaxId)] string TaxId, [MaxLength(OrganizationLimits.Address)] string? Address,
    [MaxLength(OrganizationLimits.Phone)] string? Phone, [MaxLength(OrganizationLimits.Name)] string? BankName, [MaxLength(OrganizationLimits.AccountNumber)] string? BankAccountNumber);

/// <summary>Grades, cost centres and legal entities: read by every signed-in user, changed by administrators.</summary>
internal static class ReferenceDataEndpoints
{
    public static void MapReferenceData(this RouteGroupBuilder group)
    {
        var grades = group.MapGroup("/grades").WithTags("Grades");
        grades.MapGet("/", async (OrganizationDbContext db, CancellationToken ct) => TypedResults.Ok(
            await db.Grades.AsNoTracking().OrderBy(g => g.Rank).Select(g => new GradeDto(g.Id, g.Name, g.Rank)).ToListAsync(ct))).RequireAuthorization();
        grades.MapPost("/", CreateGradeAsync).RequireAuthorization(OrganizationPermissions.Manage);
        grades.MapPut("/{code}", UpdateGradeAsync).RequireAuthorization(OrganizationPermissions.Manage);

        var centres = group.MapGroup("/cost-centres").WithTags("Cost centres");
        centres.MapGet("/", async (OrganizationDbContext db, CancellationToken ct) => TypedResults.Ok(
            await db.CostCentres.AsNoTracking().OrderBy(c => c.Id).Select(c => new CostCentreDto(c.Id, c.Name, c.IsActive)).ToListAsync(ct))).RequireAuthorization();
        centres.MapPost("/", CreateCostCentreAsync).RequireAuthorization(OrganizationPermissions.Manage);
        centres.MapPut("/{code}", UpdateCostCentreAsync).RequireAuthorization(OrganizationPermissions.Manage);

        var entities = group.MapGroup("/legal-entities").WithTags("Legal entities");
        entities.MapGet("/", async (IOrganizationDirectory directory, CancellationToken ct) => TypedResults.Ok(await directory.GetLegalEntitiesAsync(ct))).RequireAuthorization();
        entities.MapPost("/", CreateLegalEntityAsync).RequireAuthorization(OrganizationPermissions.Manage);
        entities.MapPut("/{id:guid}", UpdateLegalEntityAsync).RequireAuthorization(OrganizationPermissions.Manage);
    }

    private static async Task<Created<GradeDto>> CreateGradeAsync(SaveGradeRequest request, OrganizationDbContext db, CancellationToken ct)
    {
        var grade = Grade.Create(request.Code, request.Name, request.Rank);
        if (await db.Grades.AnyAsync(g => g.Id == grade.Id, ct))
        {
            throw new DomainException(OrganizationErrors.DuplicateCode(grade.Id));
        }

        db.Grades.Add(grade);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/grades/{Uri.EscapeDataString(grade.Id)}", new GradeDto(grade.Id, grade.Name, grade.Rank));
    }

    private static async Task<Ok<GradeDto>> UpdateGradeAsync(string code, SaveGradeRequest request, OrganizationDbContext db, CancellationToken ct)
    {
        var grade = await db.Grades.FirstOrDefaultAsync(g => g.Id == code, ct) ?? throw new DomainException(OrganizationErrors.GradeNotFound);
        grade.Update(request.Name, request.Rank);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new GradeDto(grade.Id, grade.Name, grade.Rank));
    }

    private static async Task<Created<CostCentreDto>> CreateCostCentreAsync(SaveCostCentreRequest request, OrganizationDbContext db, CancellationToken ct)
    {
        var centre = CostCentre.Create(request.Code, request.Name);
        if (await db.CostCentres.AnyAsync(c => c.Id == centre.Id, ct))
        {
            throw new DomainException(OrganizationErrors.DuplicateCode(centre.Id));
        }

        db.CostCentres.Add(centre);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/cost-centres/{Uri.EscapeDataString(centre.Id)}", new CostCentreDto(centre.Id, centre.Name, centre.IsActive));
    }

    private static async Task<Ok<CostCentreDto>> UpdateCostCentreAsync(string code, SaveCostCentreRequest request, OrganizationDbContext db, CancellationToken ct)
    {
        var centre = await db.CostCentres.FirstOrDefaultAsync(c => c.Id == code, ct) ?? throw new DomainException(OrganizationErrors.CostCentreNotFound);
        centre.Update(request.Name, request.IsActive ?? centre.IsActive);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CostCentreDto(centre.Id, centre.Name, centre.IsActive));
    }

    private static async Task<Created<LegalEntityDto>> CreateLegalEntityAsync(SaveLegalEntityRequest request, OrganizationDbContext db, CancellationToken ct)
    {
        var entity = LegalEntity.Create(Guid.CreateVersion7(), request.Name, request.TaxId);
        entity.Update(request.Name, request.TaxId, request.Address, request.Phone, request.BankName, request.BankAccountNumber);
        if (await db.LegalEntities.AnyAsync(e => e.TaxId == entity.TaxId, ct))
        {
            throw new DomainException(OrganizationErrors.DuplicateCode(entity.TaxId));
        }

        db.LegalEntities.Add(entity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/legal-entities/{entity.Id}", ToDto(entity));
    }

    private static async Task<Ok<LegalEntityDto>> UpdateLegalEntityAsync(Guid id, SaveLegalEntityRequest request, OrganizationDbContext db, CancellationToken ct)
    {
        var entity = await db.LegalEntities.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(OrganizationErrors.LegalEntityNotFound);
        entity.Update(request.Name, request.TaxId, request.Address, request.Phone, request.BankName, request.BankAccountNumber);
        if (await db.LegalEntities.AnyAsync(e => e.Id != id && e.TaxId == entity.TaxId, ct))
        {
            throw new DomainException(OrganizationErrors.DuplicateCode(entity.TaxId));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(entity));
    }

    private static LegalEntityDto ToDto(LegalEntity e) => new(e.Id, e.Name, e.TaxId, e.Address, e.Phone, e.BankName, e.BankAccountNumber);
}
