using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>
/// The plain, well-formed request of an operation, from its schema and what the host has shown so far: path ids of
/// things that exist (the list on the parent path, else a value seen under the parameter's name, else a fresh id),
/// required query parameters, and a JSON body — for an update, the current state from GET on the same path.
/// </summary>
public sealed class Baselines(ApiDescription api, KnownValues known, PlausibleValues plausible)
{
    /// <summary>JSON answers of GET by request path, so PUT on the same path starts from what is there.</summary>
    public ConcurrentDictionary<string, JsonNode> Current { get; } = new(StringComparer.Ordinal);

    public RequestShape For(ApiOperation operation)
    {
        var shape = new RequestShape();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var template = operation.Path;
            var prefix = template[..template.IndexOf("/{" + parameter.Name + "}", StringComparison.Ordinal)];
            var collection = shape.Url(prefix);
            shape.PathValues[parameter.Name] = known.InCollection(collection, parameter.Name)
                                               ?? known.ByName(parameter.Name)?.ToString()
                                               ?? plausible.For(parameter.Name, parameter.Schema)?.ToString()
                                               ?? Guid.NewGuid().ToString();
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "query" && p.Required))
        {
            shape.Query[parameter.Name] = Text(plausible.For(parameter.Name, parameter.Schema));
        }

        if (operation.IsJson && operation.BodySchema is { } schema)
        {
            shape.Json = Current.TryGetValue(shape.Url(operation.Path), out var current) && operation.Method is "PUT" or "PATCH"
                ? Shape(schema, current, "body", 0)
                : plausible.For("body", schema);
            if (operation.Method == "POST" && shape.Json is JsonObject created)
            {
                // A creation repeating a listed item's code, number or e-mail would stop at "duplicate": give it its own.
                var collection = shape.Url(operation.Path);
                var formats = api.Properties(schema).ToDictionary(p => p.Name, p => ApiDescription.Format(api.Resolve(p.Schema)));
                foreach (var (name, value) in created.ToList())
                {
                    if (value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && formats.GetValueOrDefault(name) is null
                        && known.IsListedKey(collection, name, v.ToString()))
                    {
                        created[name] = plausible.UniqueFor(name);
                    }
                }
            }
        }

        if (operation.IsMultipart && operation.BodySchema is { } form)
        {
            // Only the fields that must be there (required and not nullable): an optional one (a statement's format, a CSV
            // profile) changes what the upload means; the mutations add each of them in turn.
            var required = (api.Resolve(form)["required"] as JsonArray ?? []).Select(r => r?.ToString()).ToHashSet();
            foreach (var (name, property) in FormFields(form).Where(p => required.Contains(p.Name) && !ApiDescription.IsNullable(p.Schema)))
            {
                shape.FormFields[name] = Text(plausible.For(name, property)) ?? string.Empty;
            }

            shape.File = WalkFiles.Samples[0];
        }

        return shape;
    }

    /// <summary>The text fields of a multipart body's schema (the file parts are the walk's sample files).</summary>
    public IEnumerable<(string Name, JsonObject Schema)> FormFields(JsonObject form) =>
        api.Properties(form).Where(p => api.KindOf(p.Schema) is not (SchemaKind.File or SchemaKind.Array));

    /// <summary>The schema's properties filled from what GET answered where it has them (an update that changes nothing).</summary>
    private JsonNode? Shape(JsonObject schema, JsonNode? current, string name, int depth)
    {
        schema = api.Resolve(schema);
        var kind = api.KindOf(schema);
        if (depth > 10 || current is null)
        {
            return plausible.For(name, schema, depth);
        }

        switch (kind)
        {
            case SchemaKind.Object when current is JsonObject obj:
                var result = new JsonObject();
                foreach (var (property, propertySchema) in api.Properties(schema))
                {
                    var match = obj.FirstOrDefault(p => string.Equals(p.Key, property, StringComparison.OrdinalIgnoreCase)).Value;
                    result[property] = Shape(propertySchema, match, property, depth + 1);
                }

                return result;
            case SchemaKind.Array when current is JsonArray array && api.Items(schema) is { } items:
                return new JsonArray(array.Select(item => Shape(items, item, name, depth + 1)).ToArray());
            case SchemaKind.String when current.GetValueKind() == System.Text.Json.JsonValueKind.String:
            case SchemaKind.Integer or SchemaKind.Number when current.GetValueKind() == System.Text.Json.JsonValueKind.Number:
            case SchemaKind.Boolean when current.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
                return current.DeepClone();
            default:
                return plausible.For(name, schema, depth);
        }
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
