using System.Text;
using System.Text.Json.Nodes;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>One request of the walk, fully built (bytes and all) so that what was sent is exactly what is reported.</summary>
public sealed record Probe(string Label, string Method, string Url, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToRequest(Uri baseAddress, string traceId)
    {
        // Hostile escapes (%00, %ED%A0%80) must reach Kestrel as written: no canonicalisation on the client side.
        var uri = new Uri(baseAddress.ToString().TrimEnd('/') + Url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(new HttpMethod(Method), uri);
        // A W3C trace id of our own: the host's log events carry it (@tr), so a 500 is matched to the exception it logged.
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{traceId[..16]}-01");
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }
}

/// <summary>
/// The parts of a request before it is built: path values and query values as raw text (escaped when built), a JSON
/// body or multipart fields and file. A mutation changes one part of a copy of the baseline shape.
/// </summary>
public sealed class RequestShape
{
    /// <summary>Stands for a lone UTF-16 surrogate, which no JSON writer will write: put into the text after serialising.</summary>
    public const string LoneSurrogate = "\u0001WALK-LONE-SURROGATE\u0001";

    public Dictionary<string, string> PathValues { get; init; } = [];

    public Dictionary<string, string?> Query { get; init; } = [];

    public JsonNode? Json { get; set; }

    public Dictionary<string, string> FormFields { get; init; } = [];

    /// <summary>Makes the upload's file; fresh bytes each time, so no upload is taken as a duplicate of an earlier one.</summary>
    public Func<WalkFile>? File { get; set; }

    public RequestShape Copy() => new()
    {
        PathValues = new(PathValues),
        Query = new(Query),
        Json = Json?.DeepClone(),
        FormFields = new(FormFields),
        File = File,
    };

    public string Url(string pathTemplate)
    {
        var path = pathTemplate;
        foreach (var (name, value) in PathValues)
        {
            path = path.Replace("{" + name + "}", Escape(value), StringComparison.Ordinal);
        }

        var query = string.Join("&", Query.Where(q => q.Value is not null).Select(q => Uri.EscapeDataString(q.Key) + "=" + Escape(q.Value!)));
        return query.Length == 0 ? path : path + "?" + query;
    }

    public static string JsonText(JsonNode? node) =>
        (node?.ToJsonString() ?? "null").Replace(Serialized(LoneSurrogate), "\\ud800", StringComparison.Ordinal);

    public Probe Build(string label, ApiOperation operation)
    {
        var url = Url(operation.Path);
        if (operation.IsMultipart || File is not null)
        {
            var (body, contentType) = Multipart.Build(FormFields, File?.Invoke());
            return new Probe(label, operation.Method, url, body, contentType);
        }

        return operation.IsJson
            ? new Probe(label, operation.Method, url, Encoding.UTF8.GetBytes(JsonText(Json)), "application/json")
            : new Probe(label, operation.Method, url, null, null);
    }

    private static string Serialized(string text)
    {
        var json = JsonValue.Create(text).ToJsonString();
        return json[1..^1];
    }

    /// <summary>Percent-encodes as a browser would, except that a lone surrogate becomes the ill-formed UTF-8 a hostile client sends.</summary>
    private static string Escape(string value) =>
        string.Join("%ED%A0%80", value.Split(LoneSurrogate).Select(Uri.EscapeDataString));
}

/// <summary>A small file of the repository's kind for an upload: its name, media type and bytes.</summary>
public sealed record WalkFile(string Name, string MediaType, byte[] Content);
