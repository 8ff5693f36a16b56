using System.Text;
using System.Text.Json.Nodes;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>
/// Every hostile variant of one operation's baseline request, one change at a time: each path and query parameter,
/// each body property at any depth (nested objects, array items), each form field; then the body as a whole (malformed
/// JSON, unknown charset, wrong or no content type, empty) or, for uploads, the broken multipart bodies.
/// </summary>
public sealed class Mutations(ApiDescription api, int maxPerSlot)
{
    public IEnumerable<Probe> For(ApiOperation operation, RequestShape baseline)
    {
        foreach (var parameter in operation.Parameters)
        {
            foreach (var probe in ParameterProbes(operation, baseline, parameter))
            {
                yield return probe;
            }
        }

        // Every operation gets at least this one: a parameter the document does not know, with a NUL in it.
        var extra = baseline.Copy();
        extra.Query["walkUnknown"] = HostileValues.Nul;
        yield return extra.Build("query: unknown parameter with a NUL", operation);

        if (operation.IsJson && operation.BodySchema is not null)
        {
            foreach (var probe in JsonProbes(operation, baseline, baseline.Json, operation.BodySchema, "$", []))
            {
                yield return probe;
            }

            foreach (var probe in WholeBodyProbes(operation, baseline))
            {
                yield return probe;
            }
        }

        if (baseline.File is not null)
        {
            var fields = operation.BodySchema is { } form ? api.Properties(form).Where(p => api.KindOf(p.Schema) is not (SchemaKind.File or SchemaKind.Array)).Select(p => p.Name) : [];
            foreach (var field in fields.Union(baseline.FormFields.Keys))
            {
                foreach (var (label, text) in HostileValues.Text(SchemaKind.String, null, false).Take(maxPerSlot))
                {
                    var shape = baseline.Copy();
                    shape.FormFields[field] = text ?? string.Empty;
                    yield return shape.Build($"form field {field}: {label}", operation);
                }
            }

            var url = baseline.Url(operation.Path);
            foreach (var (label, body, contentType) in Multipart.Broken(baseline.FormFields, baseline.File))
            {
                yield return new Probe(label, operation.Method, url, body, contentType);
            }
        }
    }

    private IEnumerable<Probe> ParameterProbes(ApiOperation operation, RequestShape baseline, ApiParameter parameter)
    {
        var schema = api.Resolve(parameter.Schema);
        var kind = api.KindOf(schema);
        var values = HostileValues.Text(kind, ApiDescription.Format(schema), ApiDescription.EnumValues(schema).Count > 0).Take(maxPerSlot);
        foreach (var (label, text) in values)
        {
            var shape = baseline.Copy();
            if (parameter.In == "path")
            {
                shape.PathValues[parameter.Name] = text ?? string.Empty;
            }
            else
            {
                shape.Query[parameter.Name] = text;
            }

            yield return shape.Build($"{parameter.In} {parameter.Name}: {label}", operation);
        }
    }

    private IEnumerable<Probe> JsonProbes(ApiOperation operation, RequestShape baseline, JsonNode? current, JsonObject schema, string path, List<object> at)
    {
        schema = api.Resolve(schema);
        var kind = api.KindOf(schema);
        // The slot itself (not the body's root: a null or wrong-typed body is covered by the whole-body probes).
        if (at.Count > 0)
        {
            foreach (var (label, value) in HostileValues.Json(kind, ApiDescription.Format(schema), ApiDescription.EnumValues(schema).Count > 0).Take(maxPerSlot))
            {
                yield return WithValue(operation, baseline, at, value, $"{path}: {label}");
            }
        }

        if (at.Count > 12)
        {
            yield break;
        }

        if (kind == SchemaKind.Object && current is JsonObject obj)
        {
            yield return WithValue(operation, baseline, [.. at, "walkExtra"], JsonValue.Create("extra"), $"{path}: extra property");
            foreach (var (name, property) in api.Properties(schema))
            {
                foreach (var probe in JsonProbes(operation, baseline, obj[name], property, $"{path}.{name}", [.. at, name]))
                {
                    yield return probe;
                }
            }
        }

        if (kind == SchemaKind.Array && current is JsonArray { Count: > 0 } array && api.Items(schema) is { } items)
        {
            foreach (var probe in JsonProbes(operation, baseline, array[0], items, $"{path}[0]", [.. at, 0]))
            {
                yield return probe;
            }
        }
    }

    private static Probe WithValue(ApiOperation operation, RequestShape baseline, List<object> at, JsonNode? value, string label)
    {
        var shape = baseline.Copy();
        var parent = shape.Json;
        for (var i = 0; i < at.Count - 1; i++)
        {
            parent = at[i] is int index ? parent![index] : parent![(string)at[i]];
        }

        switch (at[^1])
        {
            case int index:
                ((JsonArray)parent!)[index] = value;
                break;
            case string name:
                ((JsonObject)parent!)[name] = value;
                break;
        }

        return shape.Build("body " + label, operation);
    }

    private static IEnumerable<Probe> WholeBodyProbes(ApiOperation operation, RequestShape baseline)
    {
        var url = baseline.Url(operation.Path);
        var json = Encoding.UTF8.GetBytes(RequestShape.JsonText(baseline.Json));
        yield return new Probe("body: malformed JSON (cut short)", operation.Method, url, json[..Math.Max(1, json.Length / 2)], "application/json");
        yield return new Probe("body: malformed JSON (not JSON at all)", operation.Method, url, "{walk: 'x',]"u8.ToArray(), "application/json");
        yield return new Probe("body: JSON null", operation.Method, url, "null"u8.ToArray(), "application/json");
        yield return new Probe("body: JSON of the wrong type (array)", operation.Method, url, "[1]"u8.ToArray(), "application/json");
        yield return new Probe("body: Content-Type application/json; charset=x", operation.Method, url, json, "application/json; charset=x");
        yield return new Probe("body: Content-Type text/plain", operation.Method, url, json, "text/plain");
        yield return new Probe("body: no Content-Type", operation.Method, url, json, null);
        yield return new Probe("body: empty", operation.Method, url, [], "application/json");
        yield return new Probe("body: invalid UTF-8 bytes", operation.Method, url, [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "application/json");
    }
}
