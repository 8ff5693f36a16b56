using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
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

public sealed record SaveBankAccountRequest(
    [MaxLength(OrganizationLimits.Name)] string AccountName, [MaxLength(OrganizationLimits.Name)] string BankName, [MaxLength(OrganizationLimits.Cnaps)] string? CnapsCode,
    [MaxLength(OrganizationLimits.AccountNumber)] string AccountNumber, bool IsDefault);

/// <summary>
/// A person's reimbursement accounts: the owner and administrators manage them; numbers stay masked for others. Changes
/// by anyone but the owner (and the owner's second change within the waiting period) wait for Finance (see AccountChanges).
/// </summary>
internal static class BankAccountEndpoints
{
    public static void MapBankAccounts(this RouteGroupBuilder group)
    {
        var accounts = group.MapGroup("/people/{personId:guid}/bank-accounts").WithTags("Bank accounts").RequireAuthorization();
        accounts.MapGet("/", ListAsync);
        accounts.MapPost("/", AddAsync)
            .WithDescription("Adds an account. Answers with status Pending when a finance user must confirm the change first (anyone but the owner, or the owner's second change within the waiting period).");
        accounts.MapPost("/{accountId:guid}/default", MakeDefaultAsync)
            .WithDescription("Makes the account the one the person is paid to; the same confirmation rule as adding applies.");
        accounts.MapDelete("/{accountId:guid}", DeleteAsync)
            .WithDescription("Removes the account at once and withdraws a change still waiting on it.");
        group.MapGet("/people/{personId:guid}/bank-account-log", LogAsync).WithTags("Bank accounts").RequireAuthorization()
            .WithDescription("The person's bank account audit log, newest first (numbers masked): what the owner is told of changes made by others.");
    }

    private static async Task<Ok<List<BankAccountDto>>> ListAsync(Guid personId, OrganizationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        Authorize(user, personId, write: false);
        return TypedResults.Ok(await PeopleQueries.AccountsAsync(db, personId, user, ct));
    }

    private static async Task<Created<BankAccountDto>> AddAsync(
        Guid personId, SaveBankAccountRequest request, AccountChanges changes, OrganizationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var actor = Authorize(user, personId, write: true);
        var account = await changes.AddAsync(personId, actor, new AccountFields(request.AccountName, request.BankName, request.CnapsCode, request.AccountNumber), request.IsDefault, ct);
        var dto = (await PeopleQueries.AccountsAsync(db, personId, user, ct)).Single(a => a.Id == account.Id);
        return TypedResults.Created($"/api/organization/people/{personId}/bank-accounts/{account.Id}", dto);
    }

    private static async Task<Ok<List<BankAccountDto>>> MakeDefaultAsync(
        Guid personId, Guid accountId, AccountChanges changes, OrganizationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var actor = Authorize(user, personId, write: true);
        await changes.MakeDefaultAsync(personId, accountId, actor, ct);
        return TypedResults.Ok(await PeopleQueries.AccountsAsync(db, personId, user, ct));
    }

    private static async Task<NoContent> DeleteAsync(Guid personId, Guid accountId, AccountChanges changes, ICurrentUser user, CancellationToken ct)
    {
        var actor = Authorize(user, personId, write: true);
        await changes.RemoveAsync(personId, accountId, actor, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<BankAccountLogDto>>> LogAsync(Guid personId, OrganizationDbContext db, ICurrentUser user, int? take, CancellationToken ct)
    {
        Authorize(user, personId, write: false);
        var rows = await (from l in db.BankAccountLog.AsNoTracking()
                          where l.PersonId == personId
                          join p in db.People on l.ActorId equals p.Id into actors
                          from p in actors.DefaultIfEmpty()
                          orderby l.Id descending
                          select new { l, ActorName = p == null ? null : p.DisplayName }).Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => new BankAccountLogDto(
            r.l.Id, r.l.AccountId, r.l.ChangeId, r.l.Type.ToString(), r.l.Outcome, r.l.ActorId, r.ActorName, r.l.ActorId == personId, r.l.At,
            r.l.AccountName, r.l.BankName, OrganizationErrors.Mask(r.l.AccountNumber), r.l.Note)).ToList());
    }

    /// <summary>The caller's person id when they may do this: the owner, or an administrator for writing.</summary>
    private static Guid Authorize(ICurrentUser user, Guid personId, bool write)
    {
        var allowed = write
            ? user.PersonId == personId || user.HasPermission(OrganizationPermissions.Manage)
            : PeopleQueries.MaySeeAccounts(user, personId);
        return allowed && user.PersonId is { } me ? me : throw new DomainException(ApiProblems.Forbidden);
    }
}
