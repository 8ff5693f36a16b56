using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Application.People;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.BankAccounts;

public sealed record SaveBankAccountRequest(string AccountName, string BankName, string? CnapsCode, string AccountNumber, bool IsDefault);

/// <summary>A person's reimbursement accounts: the owner and administrators manage them; numbers stay masked for others.</summary>
internal static class BankAccountEndpoints
{
    public static void MapBankAccounts(this RouteGroupBuilder group)
    {
        var accounts = group.MapGroup("/people/{personId:guid}/bank-accounts").WithTags("Bank accounts").RequireAuthorization();
        accounts.MapGet("/", ListAsync);
        accounts.MapPost("/", AddAsync);
        accounts.MapDelete("/{accountId:guid}", DeleteAsync);
    }

    private static async Task<Ok<List<BankAccountDto>>> ListAsync(Guid personId, OrganizationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        Authorize(user, personId, write: false);
        var accounts = await db.BankAccounts.AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.IsDefault).ThenBy(a => a.BankName).ToListAsync(ct);
        return TypedResults.Ok(accounts.Select(a => PeopleQueries.ToDto(a, user)).ToList());
    }

    private static async Task<Created<BankAccountDto>> AddAsync(
        Guid personId, SaveBankAccountRequest request, OrganizationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        Authorize(user, personId, write: true);
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            throw new DomainException(OrganizationErrors.PersonNotFound);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var others = await db.BankAccounts.Where(a => a.PersonId == personId).ToListAsync(ct);
        var makeDefault = request.IsDefault || others.Count == 0;
        if (makeDefault)
        {
            others.ForEach(a => a.SetDefault(false));
            await db.SaveChangesAsync(ct);
        }

        var account = BankAccount.Create(Guid.CreateVersion7(), personId, request.AccountName, request.BankName, request.CnapsCode, request.AccountNumber, makeDefault);
        db.BankAccounts.Add(account);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/organization/people/{personId}/bank-accounts/{account.Id}", PeopleQueries.ToDto(account, user));
    }

    private static async Task<NoContent> DeleteAsync(Guid personId, Guid accountId, OrganizationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        Authorize(user, personId, write: true);
        var account = await db.BankAccounts.FirstOrDefaultAsync(a => a.Id == accountId && a.PersonId == personId, ct)
            ?? throw new DomainException(OrganizationErrors.BankAccountNotFound);
        db.BankAccounts.Remove(account);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void Authorize(ICurrentUser user, Guid personId, bool write)
    {
        var allowed = write
            ? user.PersonId == personId || user.HasPermission(OrganizationPermissions.Manage)
            : PeopleQueries.MaySeeAccounts(user, personId);
        if (!allowed)
        {
            throw new DomainException(ApiProblems.Forbidden);
        }
    }
}
