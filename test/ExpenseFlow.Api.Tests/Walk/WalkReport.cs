using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>An answer that breaks the rule: 5xx, a 4xx without ProblemDetails or code, no answer at all.</summary>
public sealed record Finding(string Operation, string Role, string Mutation, int Status, string Kind, string Excerpt, string? Exception)
{
    /// <summary>Why an answer breaks the rule, or null when it does not: the single check of the walk.</summary>
    public static string? Violation(int status, string? mediaType, string body)
    {
        if (status >= 500)
        {
            return "5xx";
        }

        if (status < 400)
        {
            return null;
        }

        if (mediaType != "application/problem+json")
        {
            return "not application/problem+json";
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("code", out var code)
                   && code.ValueKind == JsonValueKind.String
                   && !string.IsNullOrWhiteSpace(code.GetString())
                ? null
                : "no code";
        }
        catch (JsonException)
        {
            return "body is not JSON";
        }
    }
}

public sealed record OperationOutcome(string Operation, string Role, int BaselineStatus, string BaselineCode, int Requests, bool SessionBreaking, bool UndeclaredUpload);

/// <summary>What a walk did and found, and the grouped text a failing test prints.</summary>
public sealed record WalkResult(
    IReadOnlyList<OperationOutcome> Operations, IReadOnlyList<Finding> Findings, int Requests, TimeSpan Duration, IReadOnlyList<string> Notes)
{
    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture, $"walk: {Operations.Count} operations, {Requests} requests, {Duration.TotalSeconds:F0} s; ") +
        $"{Findings.Count(f => f.Kind == "5xx")} answers ≥ 500, {Findings.Count(f => f.Kind != "5xx" && f.Kind != "no answer")} refusals without a code, " +
        $"{Findings.Count(f => f.Kind == "no answer")} without an answer, in {Findings.Select(f => f.Operation).Distinct().Count()} operations";

    /// <summary>Findings grouped by cause (the logged exception, or the kind and status), then by operation: a readable, sorted, deduplicated list.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine(Summary());
        foreach (var note in Notes)
        {
            text.AppendLine("note: " + note);
        }

        text.AppendLine();
        text.AppendLine("## By cause");
        foreach (var cause in Findings.GroupBy(Cause).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var operations = cause.Select(f => f.Operation).Distinct().Order(StringComparer.Ordinal).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"- {cause.Count()}× {cause.Key} — {operations.Count} operation(s): {string.Join(", ", operations.Take(12))}{(operations.Count > 12 ? ", …" : "")}");
        }

        text.AppendLine();
        text.AppendLine("## By operation");
        foreach (var operation in Findings.GroupBy(f => f.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"### {operation.Key} (as {operation.First().Role})");
            // Each 5xx on a line of its own with the exception the host logged; refusals without a code one line per status.
            foreach (var f in operation.Where(f => f.Status is >= 500 or 0).DistinctBy(f => f.Mutation).OrderBy(f => f.Mutation, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {f.Status} {f.Mutation} — {f.Exception ?? Shape(f.Excerpt)}");
            }

            foreach (var group in operation.Where(f => f.Status is > 0 and < 500).GroupBy(f => (f.Status, f.Kind, Body: Shape(f.Excerpt))).OrderBy(g => g.Key.Status))
            {
                var mutations = group.Select(f => f.Mutation).Distinct().Order(StringComparer.Ordinal);
                text.AppendLine(CultureInfo.InvariantCulture, $"- {group.Key.Status} {group.Key.Kind} {group.Key.Body}: {string.Join("; ", mutations)}");
            }
        }

        return text.ToString();
    }

    public string OperationTable() =>
        string.Join('\n', Operations.OrderBy(o => o.Operation, StringComparer.Ordinal).Select(o =>
            $"{o.Operation,-75} as {o.Role,-9} baseline {o.BaselineStatus} {o.BaselineCode,-36} requests {o.Requests,4}{(o.SessionBreaking ? " [session-breaking: fresh session per request]" : "")}{(o.UndeclaredUpload ? " [upload not declared in OpenAPI]" : "")}"));

    private static string Cause(Finding f) => f.Exception is { } e
        ? $"{f.Status} {CauseOf(e)}"
        : f.Kind == "5xx" ? $"{f.Status} (no exception logged) {f.Excerpt[..Math.Min(80, f.Excerpt.Length)]}" : $"{f.Status} {f.Kind}: {Shape(f.Excerpt)}";

    /// <summary>The exception type and message without the values that differ per request.</summary>
    private static string CauseOf(string exception)
    {
        var dash = exception.IndexOf(" — ", StringComparison.Ordinal);
        var head = dash > 0 ? exception[..dash] : exception;
        return head.Length > 160 ? head[..160] + "…" : head;
    }

    private static string Shape(string excerpt) => excerpt.Length == 0 ? "(empty body)" : excerpt[..Math.Min(60, excerpt.Length)];
}
