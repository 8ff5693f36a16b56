using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace ExpenseFlow.Api.Tests.Walk;

public sealed record WalkOptions(int Degree = 3, int MaxPerSlot = 16)
{
    /// <summary>How long to wait for the host's log line of a request that answered 5xx.</summary>
    public TimeSpan LogWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Called between the baselines and the hostile variants (the walk's warm-up is over: memory is measured there).</summary>
    public Action? AfterBaselines { get; init; }

    /// <summary>Receives each baseline request and its answer (EXPENSEFLOW_WALK_TRACE=file): to see why a baseline does not get deep.</summary>
    public Action<string>? BaselineTrace { get; init; }

    /// <summary>
    /// The demo users the walk signs in as, in the order it tries them for an operation (the first that is not refused
    /// with 401/403 walks it): the CFO holds most permissions, then the administrator, finance, HR, management, a
    /// manager and an employee.
    /// </summary>
    public IReadOnlyList<string> Roles { get; init; } = ["cfo", "admin", "finance1", "office", "analyst", "sales.east", "sales1"];
}

/// <summary>
/// Walks every operation of the host's OpenAPI document: a baseline request as the first role allowed to make it, then
/// every hostile variant of it (<see cref="Mutations"/>), checking each answer with <see cref="Finding.Violation"/>.
/// Operations that end or change the walking session (found by their effect, not by name: /me answers otherwise after
/// the baseline) are walked last, each request from a session of its own.
/// </summary>
public sealed class ApiWalker(Uri baseAddress, HostLog log, WalkOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, WalkSession> _sessions = new();
    private readonly ConcurrentBag<Finding> _findings = [];
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private readonly KnownValues _known = new();
    private readonly ConcurrentDictionary<string, string> _baselineCodes = new();
    private readonly ConcurrentDictionary<string, int> _kestrelRefusals = new();
    private int _total;

    public async Task<WalkResult> RunAsync(ApiDescription api)
    {
        var watch = Stopwatch.StartNew();
        var plausible = new PlausibleValues(api, _known);
        var baselines = new Baselines(api, _known, plausible);
        foreach (var role in options.Roles)
        {
            await SessionAsync(role);
        }

        // Baselines one at a time, in an order where what a later operation needs was listed or created before it.
        var ordered = api.Operations.OrderBy(Phase).ThenBy(o => o.Path.Count(c => c == '{')).ThenBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
        var walked = new List<(ApiOperation Operation, RequestShape Shape, WalkSession Session, int Status, bool Breaking, bool Undeclared)>();
        var refreshed = false;
        foreach (var operation in ordered)
        {
            if (Phase(operation) == 3 && !refreshed)
            {
                refreshed = true;
                // Lists again, now that the first writes created claims, departments, batches: their ids feed the next phases.
                foreach (var list in ordered.Where(o => Phase(o) == 0))
                {
                    await SendAsync(list, baselines.For(list).Build("baseline (refresh)", list), walked.First(w => w.Operation == list).Session, baselines, harvest: true);
                }
            }

            walked.Add(await BaselineAsync(operation, baselines));
        }

        // A second try for baselines refused with 400/404/409: what they needed (a receipt for a claim, a person for a
        // delegation) may have been created by an operation that came later in the order.
        for (var i = 0; i < walked.Count; i++)
        {
            if (walked[i].Status is 400 or 404 or 409 or 422 && !walked[i].Breaking && !walked[i].Undeclared)
            {
                var again = await BaselineAsync(walked[i].Operation, baselines);
                if (again.Item4 < walked[i].Status || again.Item4 < 400)
                {
                    walked[i] = again;
                }
            }
        }

        options.AfterBaselines?.Invoke();

        // Hostile variants: ordinary operations a few at a time, deletions after them, session-breaking ones last.
        var mutations = new Mutations(api, options.MaxPerSlot);
        var ordinary = walked.Where(w => !w.Breaking && w.Operation.Method != "DELETE").ToList();
        await Parallel.ForEachAsync(ordinary, new ParallelOptions { MaxDegreeOfParallelism = options.Degree }, async (w, _) =>
            await MutateAsync(w.Operation, w.Shape, w.Session, w.Status, mutations, baselines, freshSession: false));
        foreach (var w in walked.Where(w => !w.Breaking && w.Operation.Method == "DELETE"))
        {
            await MutateAsync(w.Operation, w.Shape, w.Session, w.Status, mutations, baselines, freshSession: false);
        }

        foreach (var w in walked.Where(w => w.Breaking))
        {
            await MutateAsync(w.Operation, w.Shape, w.Session, w.Status, mutations, baselines, freshSession: true);
        }

        var findings = new List<Finding>();
        foreach (var f in _findings)
        {
            findings.Add(f);
        }

        var notes = walked.Where(w => w.Undeclared).Select(w => $"{w.Operation.Key} reads a multipart upload its OpenAPI entry does not declare (walked as an upload)").ToList();
        notes.AddRange(_kestrelRefusals.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value} requests refused by Kestrel before the application, not judged: {k.Key}"));
        var outcomes = walked.Select(w => new OperationOutcome(w.Operation.Key, w.Session.Login, w.Status, _baselineCodes.GetValueOrDefault(w.Operation.Key, ""), _requests.GetValueOrDefault(w.Operation.Key), w.Breaking, w.Undeclared)).ToList();
        return new WalkResult(outcomes, findings, _total, watch.Elapsed, notes);
    }

    /// <summary>0 lists, 1 creations, 3 reads of one thing, 4 changes of one thing, 5 deletions (2 is the lists' refresh).</summary>
    private static int Phase(ApiOperation operation) => (operation.Method, operation.Path.Contains('{', StringComparison.Ordinal)) switch
    {
        ("GET", false) => 0,
        ("DELETE", _) => 5,
        (_, false) => 1,
        ("GET", true) => 3,
        _ => 4,
    };

    private async Task<(ApiOperation, RequestShape, WalkSession, int, bool, bool)> BaselineAsync(ApiOperation operation, Baselines baselines)
    {
        var shape = baselines.For(operation);
        WalkSession? chosen = null;
        var status = 0;
        foreach (var role in options.Roles)
        {
            var session = await SessionAsync(role);
            status = await SendAsync(operation, shape.Build("baseline", operation), session, baselines, harvest: true);
            if (operation.IsMultipart && status is >= 400 and not (401 or 403))
            {
                // Which file an upload takes is not in the document: the samples are tried until one is accepted.
                foreach (var sample in WalkFiles.Samples.Skip(1))
                {
                    shape.File = sample;
                    status = await SendAsync(operation, shape.Build("baseline", operation), session, baselines, harvest: true);
                    if (status < 400)
                    {
                        break;
                    }
                }
            }

            chosen ??= session;
            if (status is not (401 or 403))
            {
                chosen = session;
                break;
            }
        }

        var undeclared = false;
        if (!operation.IsMultipart && operation.BodySchema is null && operation.Method is "POST" or "PUT" && status is 400 or 415)
        {
            // A body the document does not mention: an upload read from the form by hand. Walked as one if a sample is taken.
            foreach (var sample in WalkFiles.Samples)
            {
                var probe = shape.Copy();
                probe.File = sample;
                if (await SendAsync(operation, probe.Build("baseline (upload probe)", operation), chosen!, baselines, harvest: true) < 400)
                {
                    shape.File = sample;
                    undeclared = true;
                    break;
                }
            }
        }

        var breaking = false;
        if (operation.Method != "GET" && !await chosen!.IsIntactAsync())
        {
            breaking = true;
            await chosen.RepairAsync();
        }

        return (operation, shape, chosen!, status, breaking, undeclared);
    }

    private async Task MutateAsync(ApiOperation operation, RequestShape baseline, WalkSession session, int baselineStatus, Mutations mutations, Baselines baselines, bool freshSession)
    {
        foreach (var probe in mutations.For(operation, baseline))
        {
            if (freshSession)
            {
                using var own = new WalkSession(baseAddress, session.Login);
                await own.SignInAsync();
                await SendAsync(operation, probe, own, baselines, harvest: false);
                continue;
            }

            var status = await SendAsync(operation, probe, session, baselines, harvest: false, deferUnauthorized: baselineStatus != 401);
            if (status == 401 && baselineStatus != 401)
            {
                // Another operation ended this session (a concurrent logout, a login): sign in again and ask once more.
                await session.RepairAsync();
                status = await SendAsync(operation, probe, session, baselines, harvest: false);
            }

            if (operation.Method is "PUT" or "PATCH" && status is >= 200 and < 300 && baselineStatus is >= 200 and < 300)
            {
                // An update took the hostile value: put the baseline back so the next operations meet sane settings.
                await SendAsync(operation, baseline.Build("baseline (restore)", operation), session, baselines, harvest: false);
            }
        }
    }

    /// <summary>Sends one probe and judges the answer; with <paramref name="deferUnauthorized"/> a 401 is left to the caller to retry.</summary>
    private async Task<int> SendAsync(ApiOperation operation, Probe probe, WalkSession session, Baselines baselines, bool harvest, bool deferUnauthorized = false)
    {
        var traceId = Guid.NewGuid().ToString("N");
        Interlocked.Increment(ref _total);
        _requests.AddOrUpdate(operation.Key, 1, (_, n) => n + 1);
        using var request = probe.ToRequest(baseAddress, traceId);
        int status;
        string body;
        string? mediaType;
        try
        {
            using var response = await session.Http.SendAsync(request);
            status = (int)response.StatusCode;
            mediaType = response.Content.Headers.ContentType?.MediaType;
            body = await response.Content.ReadAsStringAsync();
            if (status is >= 400 and < 500 && body.Length == 0 && response.Headers.ConnectionClose == true && !response.Headers.Contains("X-Content-Type-Options"))
            {
                // Kestrel refused the request line itself (a NUL in the path: 400, longer than MaxRequestLineSize: 414) and
                // closed the connection: no middleware ran (the header every application answer carries is missing), so no
                // code could be given. Counted and reported, not judged.
                _kestrelRefusals.AddOrUpdate($"{status} {Kind(probe.Label)}", 1, (_, n) => n + 1);
                return status;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            _findings.Add(new Finding(operation.Key, session.Login, probe.Label, 0, "no answer", $"{e.GetType().Name}: {e.Message}", null));
            return 0;
        }

        if (status == 401 && deferUnauthorized)
        {
            return status;
        }

        if (Finding.Violation(status, mediaType, body) is { } violation)
        {
            var exception = status >= 500 ? await log.ExceptionAsync(traceId, options.LogWait) : null;
            var excerpt = body.Length > 200 ? body[..200] + "…" : body;
            _findings.Add(new Finding(operation.Key, session.Login, probe.Label, status, violation, excerpt.ReplaceLineEndings(" "),
                exception));
        }

        if (probe.Label == "baseline")
        {
            _baselineCodes[operation.Key] = status >= 400 ? CodeOf(body) : string.Empty;
            if (options.BaselineTrace is { } trace)
            {
                var sent = probe.Body is null ? string.Empty : System.Text.Encoding.UTF8.GetString(probe.Body);
                trace($"{operation.Method} {probe.Url} as {session.Login}\n  sent: {Cut(sent, 600)}\n  got {status}: {Cut(body, 300)}");
            }
        }

        if (harvest && status is >= 200 and < 300 && mediaType is not null && mediaType.Contains("json", StringComparison.Ordinal))
        {
            try
            {
                var answer = JsonNode.Parse(body);
                var path = probe.Url.Split('?')[0];
                _known.Harvest(path, answer);
                if (operation.Method == "GET" && answer is not null)
                {
                    baselines.Current[path] = answer;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // not JSON after all: nothing to learn
            }
        }

        return status;
    }

    /// <summary>"path id: NUL character" → "NUL character": what kind of value Kestrel refused, whatever the slot.</summary>
    private static string Kind(string label) => label[(label.LastIndexOf(": ", StringComparison.Ordinal) + 2)..];

    private static string Cut(string text, int length) => (text.Length > length ? text[..length] + "…" : text).ReplaceLineEndings(" ");

    private static string CodeOf(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject { } problem && problem["code"] is JsonValue code ? code.ToString() : string.Empty;
        }
        catch (System.Text.Json.JsonException)
        {
            return string.Empty;
        }
    }

    private async Task<WalkSession> SessionAsync(string login)
    {
        if (_sessions.TryGetValue(login, out var existing))
        {
            return existing;
        }

        var session = new WalkSession(baseAddress, login);
        await session.SignInAsync();
        _sessions[login] = session;
        // The walking users are never the target of a path id: their sessions must survive every operation.
        if (JsonNode.Parse(session.Me!) is JsonObject me)
        {
            foreach (var key in new[] { "userId", "personId", "email" })
            {
                if (me[key]?.ToString() is { Length: > 0 } value)
                {
                    _known.Reserve(value);
                }
            }
        }

        return session;
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }
    }
}
