using System.Collections.Concurrent;
using System.Text.Json;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>
/// The host process's log, read from its stdout. The walk starts the host with a second Serilog console sink in compact
/// JSON (configuration only, no change to the host), whose events carry the W3C trace id (@tr) the walk sent with each
/// request: so an answer of 500 is matched to the exception the host logged for exactly that request.
/// </summary>
public sealed class HostLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _exceptions = new();
    private readonly ConcurrentDictionary<string, byte> _finished = new();
    private int _lines;

    /// <summary>Environment for HostProcess that adds the JSON console sink.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["Serilog__WriteTo__0__Name"] = "Console",
        ["Serilog__WriteTo__0__Args__formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
    };

    public int Lines => _lines;

    /// <summary>The HostProcess output sink: called from the process's reader threads.</summary>
    public void Accept(string line)
    {
        Interlocked.Increment(ref _lines);
        if (!line.StartsWith("{\"@t\"", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!root.TryGetProperty("@tr", out var trace))
            {
                return;
            }

            var id = trace.GetString()!;
            if (root.TryGetProperty("@x", out var exception))
            {
                _exceptions.GetOrAdd(id, _ => new ConcurrentQueue<string>()).Enqueue(Summary(exception.GetString() ?? string.Empty));
            }

            // Serilog's request logging writes its line when the response is complete: after every exception of it.
            if (root.TryGetProperty("SourceContext", out var source) && source.GetString() == "Serilog.AspNetCore.RequestLoggingMiddleware")
            {
                _finished[id] = 0;
            }
        }
        catch (JsonException)
        {
            // a line cut by the process's end
        }
    }

    /// <summary>The exception logged for one request, waiting (with a deadline) for its request-log line to arrive.</summary>
    public async Task<string?> ExceptionAsync(string traceId, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!_finished.ContainsKey(traceId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // Several events may carry the same exception (EF Core's and the exception handler's): the one naming our code wins.
        var found = _exceptions.TryGetValue(traceId, out var queue) ? queue.ToList() : [];
        return found.LastOrDefault(e => e.Contains(" — at ExpenseFlow.", StringComparison.Ordinal)) ?? found.LastOrDefault();
    }

    /// <summary>"Npgsql.PostgresException: 22021: invalid byte sequence ... at AccountEndpoints.LoginAsync" — type, message and the first frame of ours.</summary>
    internal static string Summary(string exception)
    {
        var lines = exception.Split('\n');
        // The innermost exception says what happened (a DbUpdateException wraps the PostgresException that names the column).
        var inner = lines.Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("---> ", StringComparison.Ordinal));
        var head = (inner is null ? lines[0] : inner[5..]).Trim();
        head = head.Replace(" (0x80004005)", string.Empty, StringComparison.Ordinal);
        if (head.Length > 220)
        {
            head = head[..220] + "…";
        }

        var ours = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at ExpenseFlow.", StringComparison.Ordinal));
        if (ours is not null)
        {
            var cut = ours.IndexOf(" in /", StringComparison.Ordinal);
            ours = cut > 0 ? ours[..cut] : ours;
            var paren = ours.IndexOf('(', StringComparison.Ordinal);
            ours = paren > 0 ? ours[..paren] : ours;
        }

        return ours is null ? head : $"{head} — {ours}";
    }
}
