using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace ExpenseFlow.TestBase.Mutation;

/// <summary>
/// The verdicts of one mutation run over the real host. Every mutant is checked and every failure kept (not only the
/// first), so one run names all of them: no 5xx; a 4xx is ProblemDetails with a <c>code</c>; a 2xx is handed to the
/// caller to check that what was stored is sane. <see cref="Summary"/> gives the seed, the counts and the time.
/// </summary>
public sealed class MutationRun(string kind, Mutator mutator)
{
    private readonly List<string> _failures = [];
    private readonly Dictionary<int, int> _statuses = [];
    private readonly Dictionary<string, (int Count, string First)> _codes = new(StringComparer.Ordinal);
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan _last;
    private (string Name, TimeSpan Took) _slowest = ("", TimeSpan.Zero);

    public string Kind { get; } = kind;

    public int Count { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    /// <summary>Checks the answer to one mutant; returns the body of a 2xx (for the caller's checks), else null.</summary>
    public async Task<JsonElement?> CheckAsync(string mutant, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Count++;
        var took = _watch.Elapsed - _last;
        _last = _watch.Elapsed;
        if (took > _slowest.Took)
        {
            _slowest = (mutant, took);
        }

        var status = (int)response.StatusCode;
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            Fail(mutant, $"answered {status}: {Cut(text)}");
            return null;
        }

        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            Fail(mutant, $"answered {status} with a body that is not JSON: {Cut(text)}");
            return null;
        }

        if (status >= 400)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType != "application/problem+json" || body.ValueKind != JsonValueKind.Object
                || !body.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(code.GetString())
                || !body.TryGetProperty("detail", out var detail) || string.IsNullOrWhiteSpace(detail.GetString()))
            {
                Fail(mutant, $"answered {status} without a ProblemDetails code and detail ({mediaType}): {Cut(text)}");
            }
            else if (code.GetString() == "Request.ValueOutOfRange")
            {
                // The database refused a value: no reader checked it first (the edge turns SQLSTATE 22 into this 400).
                Fail(mutant, $"a value reached the database unchecked: {Cut(text)}");
            }
            else
            {
                var key = $"{status} {code.GetString()}";
                _codes[key] = (_codes.GetValueOrDefault(key).Count + 1, _codes.GetValueOrDefault(key).First ?? mutant);
            }

            return null;
        }

        return body;
    }

    /// <summary>Counts an outcome beyond the HTTP answer (a recognition verdict), listed with the refusal codes.</summary>
    public void Note(string outcome, string mutant) =>
        _codes[outcome] = (_codes.GetValueOrDefault(outcome).Count + 1, _codes.GetValueOrDefault(outcome).First ?? mutant);

    public void Fail(string mutant, string why) => _failures.Add($"[{Kind}] {mutant}: {why}");

    /// <summary>A check that must hold (a known-good upload after a batch, a stored value in bounds).</summary>
    public void Expect(bool condition, string mutant, string why)
    {
        if (!condition)
        {
            Fail(mutant, why);
        }
    }

    public string Summary() =>
        $"{Kind}: {Count} mutants (seed {mutator.Seed}) in {_watch.Elapsed.TotalSeconds:F1} s; answers " +
        string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")) +
        $"; slowest {_slowest.Took.TotalMilliseconds:F0} ms ({_slowest.Name}); {_failures.Count} failures";

    /// <summary>Each refusal code with its count and the first mutant that drew it.</summary>
    public IEnumerable<string> Codes() => _codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"  {c.Key} ×{c.Value.Count} (first: {c.Value.First})");

    /// <summary>Fails the test with every failure, the summary first.</summary>
    public void ShouldHaveNoFailures() =>
        _failures.ShouldBeEmpty(Summary() + Environment.NewLine + string.Join(Environment.NewLine, _failures.Take(40)));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
