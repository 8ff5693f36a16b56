using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Application.Access;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.People;

public sealed record SavePersonRequest(
    [MaxLength(OrganizationLimits.Code)] string EmployeeNo, [MaxLength(OrganizationLimits.Name)] string DisplayName, [MaxLength(OrganizationLimits.Email)] string Email,
    [MaxLength(OrganizationLimits.Phone)] string? Phone, Guid? DepartmentId, [MaxLength(OrganizationLimits.Code)] string? GradeCode, Guid? ManagerId,
    [MaxLength(OrganizationLimits.Code)] string? CostCentreCode, [MaxItems(16)] IReadOnlyList<string>? Roles, [MaxLength(128)] string? InitialPassword, bool? IsActive);

public sealed record SetPasswordRequest([MaxLength(128)] string Password);

/// <summary>Administrators create and change people; each person gets a login with the same id.</summary>
internal static class SavePerson
{
    public static async Task<Created<PersonDto>> CreateAsync(
        SavePersonRequest request, OrganizationDbContext db, UserManager<AppUser> users, ICurrentUser caller, TimeProvider clock, CancellationToken ct)
    {
        var roles = PersonPlacement.CheckRoles(request.Roles);
        var person = Person.Create(Guid.CreateVersion7(), request.EmployeeNo, request.DisplayName, request.Email, request.Phone);
        await EnsureUniqueAsync(db, person, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.People.Add(person);
        await PersonPlacement.PlaceAsync(db, person, request.DepartmentId, request.GradeCode, request.ManagerId, request.CostCentreCode, ct);
        await db.SaveChangesAsync(ct);
        var user = new AppUser { Id = person.Id, UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.DisplayName };
        PersonPlacement.ThrowIfFailed(string.IsNullOrEmpty(request.InitialPassword)
            ? await users.CreateAsync(user)
            : await users.CreateAsync(user, request.InitialPassword));
        await AccessChanges.SetRolesAsync(db, users, user, roles, caller.PersonId, clock.GetUtcNow(), ct);
        db.Publish(new PersonRegistered(person.Id, person.EmployeeNo, person.DisplayName, person.DepartmentId, person.ManagerId));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/organization/people/{person.Id}", await PeopleQueries.LoadAsync(db, person.Id, caller, ct));
    }

    public static async Task<Ok<PersonDto>> UpdateAsync(
        Guid id, SavePersonRequest request, OrganizationDbContext db, UserManager<AppUser> users, ICurrentUser caller, TimeProvider clock, CancellationToken ct)
    {
        var roles = PersonPlacement.CheckRoles(request.Roles);
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException(OrganizationErrors.PersonNotFound);
        person.Rename(request.EmployeeNo, request.DisplayName, request.Email, request.Phone);
        await EnsureUniqueAsync(db, person, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PersonPlacement.PlaceAsync(db, person, request.DepartmentId, request.GradeCode, request.ManagerId, request.CostCentreCode, ct);
        var wasActive = person.IsActive;
        person.SetActive(request.IsActive ?? person.IsActive);
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new DomainException(OrganizationErrors.PersonNotFound);
        user.Email = person.Email;
        user.UserName = person.Email;
        user.DisplayName = person.DisplayName;
        PersonPlacement.ThrowIfFailed(await users.UpdateAsync(user));
        var now = clock.GetUtcNow();
        await AccessChanges.SetActiveAsync(db, users, user, wasActive, person.IsActive, caller.PersonId, now);
        await AccessChanges.SetRolesAsync(db, users, user, roles, caller.PersonId, now, ct);
        db.Publish(new PersonChanged(person.Id, person.DepartmentId, person.ManagerId, person.GradeCode, person.CostCentreCode, person.IsActive));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await PeopleQueries.LoadAsync(db, id, caller, ct));
    }

    public static async Task<NoContent> SetPasswordAsync(
        Guid id, SetPasswordRequest request, OrganizationDbContext db, UserManager<AppUser> users, ICurrentUser caller, TimeProvider clock, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new DomainException(OrganizationErrors.PersonNotFound);
        foreach (var validator in users.PasswordValidators)
        {
            PersonPlacement.ThrowIfFailed(await validator.ValidateAsync(users, user, request.Password ?? string.Empty));
        }

        if (await users.HasPasswordAsync(user))
        {
            PersonPlacement.ThrowIfFailed(await users.RemovePasswordAsync(user));
        }

        PersonPlacement.ThrowIfFailed(await users.AddPasswordAsync(user, request.Password!));
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        db.AccessEvents.Add(Domain.Access.AccessEvent.Create(clock.GetUtcNow(), caller.PersonId, id, "PasswordSet"));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task EnsureUniqueAsync(OrganizationDbContext db, Person person, CancellationToken ct)
    {
        if (await db.People.AnyAsync(p => p.Id != person.Id && p.EmployeeNo == person.EmployeeNo, ct))
        {
            throw new DomainException(OrganizationErrors.DuplicateEmployeeNo(person.EmployeeNo));
        }

        if (await db.People.AnyAsync(p => p.Id != person.Id && p.Email == person.Email, ct))
        {
            throw new DomainException(OrganizationErrors.DuplicateEmail(person.Email));
        }
    }
}
