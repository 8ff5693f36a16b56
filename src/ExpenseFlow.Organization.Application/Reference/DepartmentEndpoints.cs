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

public sealed record SaveDepartmentRequest([Code(OrganizationLimits.Code)] string Code, [MaxLength(OrganizationLimits.Name)] string Name, Guid? ParentId, Guid? HeadPersonId);

/// <summary>The department tree; each department may name its head (used by approval rules).</summary>
internal static class DepartmentEndpoints
{
    public static void MapDepartments(this RouteGroupBuilder group)
    {
        var departments = group.MapGroup("/departments").WithTags("Departments");
        departments.MapGet("/", ListAsync).RequireAuthorization();
        departments.MapPost("/", CreateAsync).RequireAuthorization(OrganizationPermissions.Manage);
        departments.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(OrganizationPermissions.Manage);
        departments.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(OrganizationPermissions.Manage);
    }

    private static async Task<Ok<List<DepartmentDto>>> ListAsync(OrganizationDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await (from d in db.Departments.AsNoTracking()
                               join p in db.People on d.HeadPersonId equals p.Id into ps
                               from p in ps.DefaultIfEmpty()
                               orderby d.Code
                               select new DepartmentDto(d.Id, d.Code, d.Name, d.ParentId, d.HeadPersonId, p == null ? null : p.DisplayName)).ToListAsync(ct));

    private static async Task<Created<DepartmentDto>> CreateAsync(SaveDepartmentRequest request, OrganizationDbContext db, CancellationToken ct)
    {
        var department = Department.Create(Guid.CreateVersion7(), request.Code, request.Name);
        db.Departments.Add(department);
        await ApplyAsync(db, department, request, ct);
        return TypedResults.Created($"/api/organization/departments/{department.Id}", await LoadAsync(db, department.Id, ct));
    }

    private static async Task<Ok<DepartmentDto>> UpdateAsync(Guid id, SaveDepartmentRequest request, OrganizationDbContext db, CancellationToken ct)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new DomainException(OrganizationErrors.DepartmentNotFound);
        department.Rename(request.Code, request.Name);
        await ApplyAsync(db, department, request, ct);
        return TypedResults.Ok(await LoadAsync(db, id, ct));
    }

    private static async Task<NoContent> DeleteAsync(Guid id, OrganizationDbContext db, CancellationToken ct)
    {
        var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new DomainException(OrganizationErrors.DepartmentNotFound);
        if (await db.Departments.AnyAsync(d => d.ParentId == id, ct) || await db.People.AnyAsync(p => p.DepartmentId == id, ct))
        {
            throw new DomainException(OrganizationErrors.DepartmentNotEmpty);
        }

        db.Departments.Remove(department);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task ApplyAsync(OrganizationDbContext db, Department department, SaveDepartmentRequest request, CancellationToken ct)
    {
        if (await db.Departments.AnyAsync(d => d.Id != department.Id && d.Code == department.Code, ct))
        {
            throw new DomainException(OrganizationErrors.DuplicateCode(department.Code));
        }

        var chain = new List<Guid>();
        for (var current = request.ParentId; current is { } c && chain.Count < 64 && !chain.Contains(c);)
        {
            chain.Add(c);
            var parent = await db.Departments.Where(d => d.Id == c).Select(d => new { d.ParentId }).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(OrganizationErrors.UnknownDepartment(c.ToString()));
            current = parent.ParentId;
        }

        department.MoveUnder(request.ParentId, chain);
        if (request.HeadPersonId is { } head && !await db.People.AnyAsync(p => p.Id == head, ct))
        {
            throw new DomainException(OrganizationErrors.UnknownManager(head.ToString()));
        }

        department.SetHead(request.HeadPersonId);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<DepartmentDto> LoadAsync(OrganizationDbContext db, Guid id, CancellationToken ct) =>
        (await ListAsync(db, ct)).Value!.Single(d => d.Id == id);
}
