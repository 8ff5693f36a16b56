using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.BankAccounts;

public sealed record RejectAccountChangeRequest([MaxLength(OrganizationLimits.Note)] string? Note);

/// <summary>
/// Finance's side of account changes: the changes waiting for a decision (pending ones, and owners' own changes still in
/// their waiting period, which may be confirmed early), confirm and reject. A decision already taken answers 409.
/// </summary>
internal static class AccountChangeEndpoints
{
    public static void MapAccountChanges(this RouteGroupBuilder group)
    {
        var changes = group.MapGroup("/bank-account-changes").WithTags("Bank account changes")
            .RequireAuthorization(OrganizationPermissions.BankAccountChangesDecide);
        changes.MapGet("/", ListAsync)
            .WithDescription("Changes awaiting a decision (status=open, the default) or every change, newest first (status=all).");
        changes.MapPost("/{id:guid}/confirm", ConfirmAsync)
            .WithDescription("Confirms a change: a pending one takes effect, an owner's own one is paid without waiting out the period. Never by the changer or the owner.");
        changes.MapPost("/{id:guid}/reject", RejectAsync)
            .WithDescription("Rejects a pending change: it never takes effect (an account it added is removed). Never by the changer or the owner.");
    }

    private static async Task<Ok<List<BankAccountChangeDto>>> ListAsync(
        OrganizationDbContext db, ICurrentUser user, BankAccountSettings settings, TimeProvider clock, string? status, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now - settings.Period;
        var query = db.BankAccountChanges.AsNoTracking();
        if (!string.Equals(status, "all", StringComparison.OrdinalIgnoreCase))
        {
            // An owner's change is open while it is the account's latest, unconfirmed and younger than the period.
            query = query.Where(c => c.Status == BankAccountChangeStatus.Pending
                || (c.Status == BankAccountChangeStatus.Effective && c.MadeAt > since
                    && db.BankAccounts.Any(a => a.Id == c.AccountId && a.ChangedAt == c.MadeAt && a.ConfirmedAt == null)));
        }

        var changes = await query.OrderByDescending(c => c.MadeAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(await ToDtosAsync(db, user, changes, settings, now, ct));
    }

    private static async Task<Ok<BankAccountChangeDto>> ConfirmAsync(
        Guid id, AccountChanges changes, OrganizationDbContext db, ICurrentUser user, BankAccountSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var change = await changes.ConfirmAsync(id, me, ct);
        return TypedResults.Ok((await ToDtosAsync(db, user, [change], settings, clock.GetUtcNow(), ct)).Single());
    }

    private static async Task<Ok<BankAccountChangeDto>> RejectAsync(
        Guid id, RejectAccountChangeRequest? request, AccountChanges changes, OrganizationDbContext db, ICurrentUser user, BankAccountSettings settings,
        TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var change = await changes.RejectAsync(id, me, request?.Note, ct);
        return TypedResults.Ok((await ToDtosAsync(db, user, [change], settings, clock.GetUtcNow(), ct)).Single());
    }

    /// <summary>The account's details come from the log line of the change itself: a rejected account no longer exists.</summary>
    private static async Task<List<BankAccountChangeDto>> ToDtosAsync(
        OrganizationDbContext db, ICurrentUser user, IReadOnlyList<BankAccountChange> changes, BankAccountSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        var ids = changes.Select(c => c.Id).ToList();
        var entries = (await db.BankAccountLog.AsNoTracking().Where(l => l.ChangeId != null && ids.Contains(l.ChangeId.Value)).OrderBy(l => l.Id).ToListAsync(ct))
            .Where(l => BankAccountLogEntry.ChangeTypes.Contains(l.Type)).GroupBy(l => l.ChangeId!.Value).ToDictionary(g => g.Key, g => g.Last());
        var people = changes.SelectMany(c => new[] { c.PersonId, c.MadeBy, c.DecidedBy ?? Guid.Empty }).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { p.DisplayName, p.EmployeeNo }, ct);
        var full = user.HasPermission(OrganizationPermissions.BankAccountsReadFull);
        return changes.Select(c =>
        {
            var entry = entries.GetValueOrDefault(c.Id);
            var number = entry?.AccountNumber ?? string.Empty;
            var awaiting = c.Status == BankAccountChangeStatus.Pending ? "Confirmation"
                : c.Status == BankAccountChangeStatus.Effective && c.MadeAt + settings.Period > now ? "Period" : null;
            return new BankAccountChangeDto(
                c.Id, c.PersonId, names.GetValueOrDefault(c.PersonId)?.DisplayName ?? string.Empty, names.GetValueOrDefault(c.PersonId)?.EmployeeNo ?? string.Empty,
                c.AccountId, c.Kind.ToString(), c.Status.ToString(), c.MakesDefault, entry?.AccountName ?? string.Empty, entry?.BankName ?? string.Empty,
                entry?.CnapsCode, OrganizationErrors.Mask(number), full ? number : null,
                c.MadeBy, names.GetValueOrDefault(c.MadeBy)?.DisplayName, c.MadeAt, c.DecidedBy, c.DecidedBy is { } d ? names.GetValueOrDefault(d)?.DisplayName : null,
                c.DecidedAt, c.Note, awaiting, awaiting == "Period" ? c.MadeAt + settings.Period : null);
        }).ToList();
    }
}
