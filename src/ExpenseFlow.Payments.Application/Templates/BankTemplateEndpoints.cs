using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Domain;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpenseFlow.Payments.Application.Templates;

/// <summary>A bank template as Finance sees it; <see cref="Version"/> goes back with the next PUT (optimistic concurrency).</summary>
public sealed record BankTemplateDto(
    string Code, string Name, bool IsActive, JsonElement Profile, uint Version, IReadOnlyList<string> Formats, Guid? UpdatedBy, string? UpdatedByName, DateTimeOffset UpdatedAt);

/// <summary>Create (no version) or replace (the version last read) a template: its name and column profile (<see cref="BankTemplateProfile"/> as JSON).</summary>
public sealed record SaveBankTemplateRequest([MaxLength(BankTemplateRules.MaxNameLength)] string? Name, JsonElement Profile, uint? Version);

/// <summary>One problem of a template Finance tried to save: a JSON path (<c>profile.columns[2].field</c>), a stable code, the message.</summary>
public sealed record TemplateProblemDto(string Path, string Code, string Message);

/// <summary>
/// Finance keeps the list of Chinese banks' batch-payment templates: list, read, create or replace (validated in full,
/// 400 <c>Payments.InvalidTemplate</c> naming each problem), switch on and off. Each active template offers two file
/// formats, <c>{code}-csv</c> and <c>{code}-xlsx</c>.
/// </summary>
internal static class BankTemplateEndpoints
{
    public static async Task<Ok<List<BankTemplateDto>>> ListAsync(PaymentsDbContext db, IOrganizationDirectory directory, CancellationToken ct)
    {
        var templates = await db.BankTemplates.AsNoTracking().OrderByDescending(t => t.IsActive).ThenBy(t => t.Code).ToListAsync(ct);
        var names = await directory.GetNamesAsync(templates.Select(t => t.UpdatedBy).OfType<Guid>().Distinct().ToList(), ct);
        return TypedResults.Ok(templates.Select(t => ToDto(t, names)).ToList());
    }

    public static async Task<Ok<BankTemplateDto>> GetAsync(string code, PaymentsDbContext db, IOrganizationDirectory directory, CancellationToken ct)
    {
        var template = await db.BankTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new DomainException(PaymentsErrors.TemplateNotFound);
        return TypedResults.Ok(await DtoAsync(template, directory, ct));
    }

    public static async Task<Results<Created<BankTemplateDto>, Ok<BankTemplateDto>, ProblemHttpResult>> SaveAsync(
        string code, SaveBankTemplateRequest request, PaymentsDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, HttpContext http,
        CancellationToken ct)
    {
        if (BankTemplateRules.TryParse(code, request.Name, request.Profile, out var problems) is not { } profile)
        {
            return Invalid(problems, http);
        }

        var template = await db.BankTemplates.FirstOrDefaultAsync(t => t.Code == code, ct);
        if (template is null)
        {
            if (request.Version is not null)
            {
                throw new DomainException(PaymentsErrors.TemplateNotFound);
            }

            template = BankTemplate.Create(code, request.Name!, profile, user.PersonId, clock.GetUtcNow());
            db.BankTemplates.Add(template);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw new DomainException(PaymentsErrors.TemplateCodeTaken); // created by someone else a moment ago
            }

            return TypedResults.Created($"/api/payments/templates/{Uri.EscapeDataString(code)}", await DtoAsync(template, directory, ct));
        }

        // Replacing needs the version the editor started from: a create that finds the code taken, or an edit of a
        // template someone saved since, must not overwrite their work.
        if (request.Version is not { } version)
        {
            throw new DomainException(PaymentsErrors.TemplateCodeTaken);
        }

        if (version != template.Version)
        {
            throw new DomainException(ApiProblems.Concurrency);
        }

        db.Entry(template).Property(t => t.Version).OriginalValue = version;
        template.Revise(request.Name!, profile, user.PersonId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct); // a save in between → DbUpdateConcurrencyException → 409
        return TypedResults.Ok(await DtoAsync(template, directory, ct));
    }

    public static Task<Ok<BankTemplateDto>> ActivateAsync(string code, PaymentsDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, CancellationToken ct) =>
        SetActiveAsync(code, true, db, directory, user, clock, ct);

    public static Task<Ok<BankTemplateDto>> DeactivateAsync(string code, PaymentsDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, CancellationToken ct) =>
        SetActiveAsync(code, false, db, directory, user, clock, ct);

    private static async Task<Ok<BankTemplateDto>> SetActiveAsync(
        string code, bool active, PaymentsDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var template = await db.BankTemplates.FirstOrDefaultAsync(t => t.Code == code, ct) ?? throw new DomainException(PaymentsErrors.TemplateNotFound);
        if (template.IsActive != active)
        {
            template.SetActive(active, user.PersonId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(await DtoAsync(template, directory, ct));
    }

    /// <summary>400 <c>Payments.InvalidTemplate</c>; <c>errors</c> lists each problem with its path, as the flow editor's errors do.</summary>
    private static ProblemHttpResult Invalid(List<TemplateProblem> problems, HttpContext http)
    {
        var problem = ApiProblems.Create(PaymentsErrors.InvalidTemplate(problems), http);
        var culture = CultureInfo.CurrentUICulture;
        problem.Extensions["errors"] = problems.Select(p => new TemplateProblemDto(p.Path, p.Code, p.Message(culture))).ToList();
        return TypedResults.Problem(problem);
    }

    private static async Task<BankTemplateDto> DtoAsync(BankTemplate template, IOrganizationDirectory directory, CancellationToken ct) =>
        ToDto(template, await directory.GetNamesAsync(template.UpdatedBy is { } by ? [by] : [], ct));

    private static BankTemplateDto ToDto(BankTemplate t, IReadOnlyDictionary<Guid, string> names)
    {
        using var profile = JsonDocument.Parse(t.ProfileJson);
        return new(t.Code, t.Name, t.IsActive, profile.RootElement.Clone(), t.Version, [t.CsvFormat, t.XlsxFormat], t.UpdatedBy,
            t.UpdatedBy is { } by ? names.GetValueOrDefault(by) : null, t.UpdatedAt);
    }
}
