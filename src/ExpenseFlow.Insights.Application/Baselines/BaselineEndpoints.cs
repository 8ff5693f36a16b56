using System.Security.Cryptography;
using System.Text.Json;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web;
using ExpenseFlow.BuildingBlocks.Security;
using ExpenseFlow.Insights.Application.Projection;
using ExpenseFlow.Insights.Contracts;
using ExpenseFlow.Insights.Domain.Baselines;
using ExpenseFlow.Insights.Domain.History;
using ExpenseFlow.Insights.Infrastructure;
using ExpenseFlow.Organization.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Insights.Application.Baselines;

/// <summary>
/// The baseline: versions that are never changed once written. A save is a new version; every report names the
/// version it compares against. A version is entered (defaults pre-filled, each with its source) or measured from a
/// CSV of past claims.
/// </summary>
internal static class BaselineEndpoints
{
    private const long MaxHistoryBytes = 100L * 1024 * 1024;

    public static IReadOnlyList<BaselineFigureDto> DefaultFigures() =>
        BaselineCatalog.Defaults.Select(d => new BaselineFigureDto(d.Key, d.Value, d.Unit, d.Kind, d.Source)).ToList();

    public static Ok<IReadOnlyList<BaselineFigureDto>> Defaults() => TypedResults.Ok(DefaultFigures());

    public static async Task<Ok<List<BaselineDto>>> ListAsync(InsightsDbContext db, IOrganizationDirectory directory, CancellationToken ct)
    {
        var rows = await db.Baselines.AsNoTracking().OrderByDescending(b => b.Version).Take(200).ToListAsync(ct);
        var names = await directory.GetNamesAsync(rows.Select(r => r.CreatedBy).Distinct().ToList(), ct);
        return TypedResults.Ok(rows.Select(r => ToDto(r, names.GetValueOrDefault(r.CreatedBy))).ToList());
    }

    public static async Task<Ok<BaselineDto>> GetAsync(int version, InsightsDbContext db, IOrganizationDirectory directory, CancellationToken ct)
    {
        var row = await db.Baselines.AsNoTracking().FirstOrDefaultAsync(b => b.Version == version, ct) ?? throw new DomainException(InsightsErrors.BaselineNotFound);
        var names = await directory.GetNamesAsync([row.CreatedBy], ct);
        return TypedResults.Ok(ToDto(row, names.GetValueOrDefault(row.CreatedBy)));
    }

    public static async Task<Created<BaselineDto>> SaveAsync(
        SaveBaselineRequest request, InsightsDbContext db, IOrganizationDirectory directory, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var (name, currency) = Validate(request.Name, request.Currency);
        var previous = await LatestRowAsync(db, ct);
        var figures = Figures(previous).ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var input in request.Figures ?? [])
        {
            var key = input.Key?.Trim() ?? string.Empty;
            if (!BaselineCatalog.IsKnown(key))
            {
                throw new DomainException(InsightsErrors.InvalidFigure(key, "unknown figure", "未知数值"));
            }

            if (!BaselineCatalog.InRange(key, input.Value))
            {
                throw new DomainException(InsightsErrors.InvalidFigure(key, key == BaselineCatalog.ErrorRate ? "a ratio from 0 to 1" : "must be zero or more",
                    key == BaselineCatalog.ErrorRate ? "应为 0 到 1 之间的比例" : "不能为负数"));
            }

            var published = BaselineCatalog.Defaults.First(d => d.Key == key);
            var kept = figures[key];
            // A figure keeps its kind and source only while its value is unchanged; a new value is the company's own.
            var kind = input.Value == kept.Value && (input.Kind is null || input.Kind == kept.Kind) ? kept.Kind
                : input.Kind is "measured" && input.Value == kept.Value ? "measured"
                : "entered";
            var source = kind == "entered" ? (string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim()[..Math.Min(500, input.Source.Trim().Length)]) : kept.Source;
            figures[key] = new BaselineFigure(key, input.Value, published.Unit, kind, source);
        }

        var row = await AddVersionAsync(db, name, currency, previous?.HistoryJson is null ? "entered" : previous.Method, figures.Values, previous?.HistoryJson, request.Note, me, clock, ct);
        var names = await directory.GetNamesAsync([me], ct);
        return TypedResults.Created($"/api/insights/baselines/{row.Version}", ToDto(row, names.GetValueOrDefault(me)));
    }

    /// <summary>The form of a history upload, as the OpenAPI document describes it (the handler reads the form itself).</summary>
    public sealed record HistoryUploadForm(IFormFile File, string? Name, string? Currency);

    public static async Task<Created<BaselineDto>> ImportHistoryAsync(
        HttpRequest request, InsightsDbContext db, IOrganizationDirectory directory, ICurrentUser user, InsightsCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var me = user.PersonId ?? throw new DomainException(ApiProblems.Forbidden);
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var file = form?.Files["file"] ?? throw new DomainException(InsightsErrors.InvalidHistory("attach the CSV as 'file'.", "请以“file”上传 CSV 文件。"));
        if (file.Length is 0 or > MaxHistoryBytes)
        {
            throw new DomainException(InsightsErrors.InvalidHistory("the file is empty or larger than 100 MB.", "文件为空或超过 100 MB。"));
        }

        var (name, currency) = Validate(string.IsNullOrWhiteSpace(form!["name"]) ? "History " + file.FileName : form["name"].ToString(), form["currency"].ToString());
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, ct);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        HistoryResult result;
        try
        {
            result = HistoryImport.Read(buffer, calendar.Zone);
        }
        catch (FormatException ex) when (ex.Message.StartsWith("missing-column:", StringComparison.Ordinal))
        {
            var column = ex.Message["missing-column:".Length..];
            throw new DomainException(InsightsErrors.InvalidHistory($"the column '{column}' is missing (claimNumber, submittedAt, approvedAt, paidAt, returned).",
                $"缺少列“{column}”（claimNumber、submittedAt、approvedAt、paidAt、returned）。"));
        }
        catch (Exception ex) when (ex is FormatException or CsvHelper.CsvHelperException or ArgumentException or OverflowException)
        {
            throw new DomainException(InsightsErrors.InvalidHistory("it is not a CSV file with a header row.", "不是带表头的 CSV 文件。"));
        }

        if (result.Claims.Count == 0)
        {
            throw new DomainException(InsightsErrors.InvalidHistory($"no usable row ({result.Skipped} skipped).", $"没有可用的行（跳过 {result.Skipped} 行）。"));
        }

        var previous = await LatestRowAsync(db, ct);
        var figures = Figures(previous).ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var measured in result.Figures)
        {
            figures[measured.Key] = measured;
        }

        var summary = new HistorySummaryDto(file.FileName, sha, result.Claims.Count, result.Skipped,
            result.From!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            result.To!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), result.Warnings);
        var row = await AddVersionAsync(db, name, currency, "measured", figures.Values, JsonSerializer.Serialize(summary, EventFolding.Json),
            form["note"].ToString() is { Length: > 0 } note ? note : null, me, clock, ct);
        var names = await directory.GetNamesAsync([me], ct);
        return TypedResults.Created($"/api/insights/baselines/{row.Version}", ToDto(row, names.GetValueOrDefault(me)));
    }

    /// <summary>The newest version's figures, or null when none was captured.</summary>
    public static async Task<IReadOnlyDictionary<string, BaselineFigure>?> LatestAsync(InsightsDbContext db, CancellationToken ct) =>
        await LatestRowAsync(db, ct) is { } row ? Figures(row).ToDictionary(f => f.Key, StringComparer.Ordinal) : null;

    public static Task<BaselineRow?> LatestRowAsync(InsightsDbContext db, CancellationToken ct) =>
        db.Baselines.AsNoTracking().OrderByDescending(b => b.Version).FirstOrDefaultAsync(ct);

    /// <summary>A version's figures, completed with the defaults for any key it predates.</summary>
    public static IReadOnlyList<BaselineFigure> Figures(BaselineRow? row)
    {
        var stored = row is null ? [] : JsonSerializer.Deserialize<List<BaselineFigure>>(row.FiguresJson, EventFolding.Json) ?? [];
        return BaselineCatalog.Defaults.Select(d => stored.FirstOrDefault(s => s.Key == d.Key) ?? d).ToList();
    }

    public static BaselineDto ToDto(BaselineRow row, string? createdByName) => new(
        row.Id, row.Version, row.Name, row.Currency, row.Method,
        Figures(row).Select(f => new BaselineFigureDto(f.Key, f.Value, f.Unit, f.Kind, f.Source)).ToList(),
        row.HistoryJson is null ? null : JsonSerializer.Deserialize<HistorySummaryDto>(row.HistoryJson, EventFolding.Json),
        row.Note, row.CreatedBy, createdByName, row.CreatedAt);

    /// <summary>Writes the next version under a lock, so two saves at once get consecutive numbers.</summary>
    public static async Task<BaselineRow> AddVersionAsync(
        InsightsDbContext db, string name, string currency, string method, IEnumerable<BaselineFigure> figures, string? historyJson, string? note, Guid by,
        TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('insights.baselines'))", ct);
        var next = (await db.Baselines.MaxAsync(b => (int?)b.Version, ct) ?? 0) + 1;
        var row = new BaselineRow
        {
            Id = Guid.CreateVersion7(), Version = next, Name = name, Currency = currency, Method = method,
            FiguresJson = JsonSerializer.Serialize(figures.ToList(), EventFolding.Json), HistoryJson = historyJson,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(2000, note.Trim().Length)], CreatedBy = by, CreatedAt = clock.GetUtcNow(),
        };
        db.Baselines.Add(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row;
    }

    private static (string Name, string Currency) Validate(string? name, string? currency)
    {
        var n = name?.Trim() ?? string.Empty;
        var c = string.IsNullOrWhiteSpace(currency) ? "CNY" : currency.Trim().ToUpperInvariant();
        return n.Length is 0 or > 200 || c.Length != 3 || !c.All(char.IsAsciiLetterUpper) ? throw new DomainException(InsightsErrors.InvalidBaseline) : (n, c);
    }
}
