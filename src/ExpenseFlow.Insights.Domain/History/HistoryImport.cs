using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ExpenseFlow.BuildingBlocks.Input;
using ExpenseFlow.Insights.Domain.Baselines;

namespace ExpenseFlow.Insights.Domain.History;

/// <summary>One past claim: when it was submitted, approved and paid, and whether it was returned.</summary>
public sealed record HistoricalClaim(string Number, DateTimeOffset Submitted, DateTimeOffset? Approved, DateTimeOffset? Paid, bool Returned);

/// <summary>What a history file gave: the claims read, rows skipped with their reasons, and the measured figures.</summary>
public sealed record HistoryResult(IReadOnlyList<HistoricalClaim> Claims, int Skipped, IReadOnlyList<string> Warnings, DateOnly? From, DateOnly? To, IReadOnlyList<BaselineFigure> Figures);

/// <summary>
/// The "before" measured from a CSV of past claims (claimNumber, submittedAt, approvedAt, paidAt, returned; extra columns
/// are ignored): claims per month over the months spanned, cycle time = median (paid − submitted) in days, error rate =
/// share returned. Dates are ISO (yyyy-MM-dd or with a time); returned is true/false, 1/0, yes/no or 是/否.
/// </summary>
public static class HistoryImport
{
    public const int MaxRows = 2_000_000;

    public static HistoryResult Read(Stream csv, TimeZoneInfo zone)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null, BadDataFound = null, DetectDelimiter = true,
        };
        using var reader = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, config);
        if (!parser.Read() || !parser.ReadHeader())
        {
            throw new FormatException("empty");
        }

        var header = parser.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var required in new[] { "claimnumber", "submittedat", "approvedat", "paidat", "returned" })
        {
            if (!header.Contains(required))
            {
                throw new FormatException("missing-column:" + required);
            }
        }

        var claims = new List<HistoricalClaim>();
        var warnings = new List<string>();
        var skipped = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (parser.Read())
        {
            if (claims.Count + skipped >= MaxRows)
            {
                warnings.Add($"row {parser.Parser.Row}: more than {MaxRows} rows, the rest was not read");
                break;
            }

            var row = parser.Parser.Row;
            var number = parser.GetField("claimnumber")?.Trim();
            var submitted = Date(parser.GetField("submittedat"), zone);
            var approved = Date(parser.GetField("approvedat"), zone);
            var paid = Date(parser.GetField("paidat"), zone);
            var returned = Flag(parser.GetField("returned"));
            string? problem = string.IsNullOrEmpty(number) ? "no claim number"
                : submitted is null ? "submittedAt is missing or not a date from 2000 to 2100"
                : returned is null ? "returned is not true/false"
                : !string.IsNullOrWhiteSpace(parser.GetField("approvedat")) && approved is null ? "approvedAt is not a date from 2000 to 2100"
                : !string.IsNullOrWhiteSpace(parser.GetField("paidat")) && paid is null ? "paidAt is not a date from 2000 to 2100"
                : paid is { } p && p < submitted ? "paidAt is before submittedAt"
                : !seen.Add(number!) ? "claim number repeated"
                : null;
            if (problem is not null)
            {
                skipped++;
                if (warnings.Count < 50)
                {
                    warnings.Add($"row {row}: {problem}");
                }

                continue;
            }

            claims.Add(new HistoricalClaim(number!, submitted!.Value, approved, paid, returned!.Value));
        }

        return Measure(claims, skipped, warnings, zone);
    }

    public static HistoryResult Measure(IReadOnlyList<HistoricalClaim> claims, int skipped, List<string> warnings, TimeZoneInfo zone)
    {
        if (claims.Count == 0)
        {
            return new HistoryResult(claims, skipped, warnings, null, null, []);
        }

        var months = claims.Select(c => Facts.ClaimFact.MonthOf(c.Submitted, zone)).ToList();
        var first = months.Min();
        var last = months.Max();
        var span = ((last.Year - first.Year) * 12) + last.Month - first.Month + 1;
        var cycles = claims.Where(c => c.Paid is not null).Select(c => (c.Paid!.Value - c.Submitted).TotalDays).Order().ToList();
        var figures = new List<BaselineFigure>
        {
            new(BaselineCatalog.ClaimsPerMonth, Math.Round((decimal)claims.Count / span, 2), "claims/month", "measured", $"history: {claims.Count} claims over {span} months"),
            new(BaselineCatalog.ErrorRate, Math.Round((decimal)claims.Count(c => c.Returned) / claims.Count, 4), "ratio", "measured", $"history: {claims.Count(c => c.Returned)} of {claims.Count} claims returned"),
        };
        if (cycles.Count > 0)
        {
            var median = cycles[(int)Math.Ceiling(0.5 * cycles.Count) - 1];
            figures.Add(new(BaselineCatalog.CycleDays, Math.Round((decimal)median, 2), "days", "measured", $"history: median of paid − submitted over {cycles.Count} paid claims"));
        }
        else
        {
            warnings.Add("no paid claims: cycle time not measured");
        }

        return new HistoryResult(claims, skipped, warnings, first, new DateOnly(last.Year, last.Month, DateTime.DaysInMonth(last.Year, last.Month)), figures);
    }

    /// <summary>A date or instant of the product's years (<see cref="InputLimits"/>); one outside them is skipped like an unreadable one.</summary>
    private static DateTimeOffset? Date(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        DateTimeOffset? read = null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && (text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 9))
        {
            read = withOffset;
        }
        else if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && InRange(DateOnly.FromDateTime(local)))
        {
            // Checked before the zone is applied: 0001-01-01 in UTC+8 is before DateTimeOffset.MinValue (a 500 before).
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            read = new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
        }

        // Out of range is unreadable too: one row of year 9999 or 1900 would spread the figures over thousands of months.
        return read is { } at && InRange(DateOnly.FromDateTime(at.DateTime)) ? at : null;
    }

    private static bool InRange(DateOnly day) => day >= InputLimits.MinDate && day <= InputLimits.MaxDate;

    private static bool? Flag(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "y" or "是" => true,
        "false" or "0" or "no" or "n" or "否" or "" or null => false,
        _ => null,
    };
}
