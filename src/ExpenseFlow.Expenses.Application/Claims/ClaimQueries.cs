using ExpenseFlow.BuildingBlocks;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Domain;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Infrastructure;
using ExpenseFlow.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Expenses.Application.Claims;

/// <summary>My claims (filter, sort, page), one claim with its timeline, and a policy preview of a draft.</summary>
internal static class ClaimQueries
{
    public static async Task<Ok<PagedResult<ClaimListItemDto>>> ListAsync(
        ExpensesDbContext db, ICurrentUser user, string? status, DateOnly? from, DateOnly? to, string? search, string? sort, int? page, int? pageSize,
        CancellationToken ct)
    {
        var me = user.Me();
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Max(page ?? 1, 1);
        var query = db.Claims.AsNoTracking().Where(c => c.EmployeeId == me);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var statuses = status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => Enum.TryParse<ClaimStatus>(s, true, out var v) ? v : (ClaimStatus?)null).OfType<ClaimStatus>().ToList();
            query = query.Where(c => statuses.Contains(c.Status));
        }

        if (from is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(c => c.CreatedAt >= start);
        }

        if (to is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(c => c.CreatedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = BuildingBlocks.Infrastructure.Persistence.LikePattern.Contains(search);
            query = query.Where(c => EF.Functions.ILike(c.Number, pattern) || EF.Functions.ILike(c.Title, pattern));
        }

        query = sort switch
        {
            "createdAt" => query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            "total" => query.OrderBy(c => c.TotalInBase).ThenByDescending(c => c.CreatedAt),
            "-total" => query.OrderByDescending(c => c.TotalInBase).ThenByDescending(c => c.CreatedAt),
            "-submittedAt" => query.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.CreatedAt),
            _ => query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        };
        var total = await query.CountAsync(ct);
        var items = await query.Skip((number - 1) * size).Take(size)
            .Select(c => new ClaimListItemDto(c.Id, c.Number, c.Title, c.Status.ToString(), c.TotalInBase, c.BaseCurrency, c.Lines.Count, c.CreatedAt, c.SubmittedAt, c.UpdatedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<ClaimListItemDto>(items, total));
    }

    public static async Task<Ok<ClaimDto>> GetAsync(Guid id, ExpensesDbContext db, IOrganizationDirectory directory, ICurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await LoadDtoAsync(db, directory, id, user, ct));

    public static async Task<Ok<List<PolicyFindingDto>>> CheckAsync(
        Guid id, ExpensesDbContext db, IOrganizationDirectory directory, ClaimEvidence evidence, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var claim = await ClaimContext.LoadOwnAsync(db, id, user, ct);
        var (findings, _) = await ClaimContext.EvaluateAsync(db, directory, evidence, claim, clock, ct);
        return TypedResults.Ok(findings.Select(f => f.ToDto()).ToList());
    }

    public static async Task<ClaimDto> LoadDtoAsync(ExpensesDbContext db, IOrganizationDirectory directory, Guid id, ICurrentUser user, CancellationToken ct) =>
        await LoadDtoAsync(db, directory, id, user.PersonId, ct) ?? throw new DomainException(ExpensesErrors.ClaimNotFound);

    /// <summary>The claim with its timeline; <paramref name="ownerId"/> null reads anyone's (for reviewers whose access is checked elsewhere).</summary>
    public static async Task<ClaimDto?> LoadDtoAsync(ExpensesDbContext db, IOrganizationDirectory directory, Guid id, Guid? ownerId, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == id && (ownerId == null || c.EmployeeId == ownerId), ct);
        if (claim is null)
        {
            return null;
        }

        var events = await db.ClaimEvents.AsNoTracking().Where(e => e.ClaimId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var names = await directory.GetNamesAsync(events.Select(e => e.ActorId).Distinct().ToList(), ct);
        var timeline = events.Select(e => new ClaimEventDto(e.Type, e.FromStatus?.ToString(), e.ToStatus.ToString(), e.ActorId, names.GetValueOrDefault(e.ActorId), e.OnBehalfOfId, e.At, e.Reason)).ToList();
        return claim.ToDto(timeline, await TicketFactsReader.LoadTripsAsync(db, claim, ct));
    }
}
