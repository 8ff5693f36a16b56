using System.Text.Json.Nodes;

namespace ExpenseFlow.Api.Tests.Walk;

public sealed record ApiParameter(string Name, string In, JsonObject Schema, bool Required);

/// <summary>One operation of the OpenAPI document: what the walk calls and mutates.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, string? BodyMediaType, JsonObject? BodySchema)
{
    public string Key => $"{Method} {Path}";

    public bool IsMultipart => BodyMediaType == "multipart/form-data";

    public bool IsJson => BodyMediaType is not null && BodyMediaType.Contains("json", StringComparison.Ordinal);
}

/// <summary>What a schema stands for, as far as choosing values goes.</summary>
public enum SchemaKind
{
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
    File,
    Any,
}

/// <summary>
/// The host's own OpenAPI 3.1 document, read at test time so that a new endpoint is walked without anyone listing it.
/// Only what the walk needs: operations, parameters, request bodies and schemas with their $refs resolved.
/// </summary>
public sealed class ApiDescription(JsonObject root)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public IReadOnlyList<ApiOperation> Operations { get; } = Read(root);

    public static ApiDescription Parse(string json) => new((JsonObject)JsonNode.Parse(json)!);

    /// <summary>The schema behind $ref, allOf of one, or the first non-null branch of anyOf/oneOf.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        for (var depth = 0; depth < 20; depth++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                var name = reference[(reference.LastIndexOf('/') + 1)..];
                schema = root["components"]?["schemas"]?[name] as JsonObject ?? [];
                continue;
            }

            var branch = (schema["allOf"] ?? schema["anyOf"] ?? schema["oneOf"]) as JsonArray;
            var next = branch?.OfType<JsonObject>().FirstOrDefault(b => !IsNullOnly(b));
            if (next is null)
            {
                return schema;
            }

            schema = next;
        }

        return schema;
    }

    public SchemaKind KindOf(JsonObject schema)
    {
        schema = Resolve(schema);
        var types = Types(schema);
        // ASP.NET Core writes numbers as ["integer", "string"] (it reads them from strings too): the number wins.
        if (types.Contains("integer"))
        {
            return SchemaKind.Integer;
        }

        if (types.Contains("number"))
        {
            return SchemaKind.Number;
        }

        if (types.Contains("boolean"))
        {
            return SchemaKind.Boolean;
        }

        if (types.Contains("array"))
        {
            return SchemaKind.Array;
        }

        if (types.Contains("string"))
        {
            return schema["format"]?.GetValue<string>() == "binary" ? SchemaKind.File : SchemaKind.String;
        }

        if (types.Contains("object") || schema["properties"] is not null)
        {
            return SchemaKind.Object;
        }

        return schema["enum"] is not null ? SchemaKind.String : SchemaKind.Any;
    }

    /// <summary>Whether null is allowed: "type" lists "null", or a branch of anyOf/oneOf is null.</summary>
    public static bool IsNullable(JsonObject schema) =>
        (schema["type"] is JsonArray types && types.Any(t => t?.ToString() == "null"))
        || ((schema["anyOf"] ?? schema["oneOf"]) is JsonArray branches && branches.OfType<JsonObject>().Any(IsNullOnly));

    public static string? Format(JsonObject schema) => schema["format"]?.GetValue<string>();

    public static IReadOnlyList<string> EnumValues(JsonObject schema) =>
        schema["enum"] is JsonArray values ? values.Where(v => v is not null).Select(v => v!.ToString()).ToList() : [];

    public IEnumerable<(string Name, JsonObject Schema)> Properties(JsonObject schema) =>
        (Resolve(schema)["properties"] as JsonObject ?? []).Where(p => p.Value is JsonObject).Select(p => (p.Key, (JsonObject)p.Value!));

    public JsonObject? Items(JsonObject schema) => Resolve(schema)["items"] as JsonObject;

    private static HashSet<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToHashSet(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    private static bool IsNullOnly(JsonObject schema) => schema["type"]?.ToString() == "null";

    private static List<ApiOperation> Read(JsonObject root)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in root["paths"] as JsonObject ?? [])
        {
            foreach (var method in Methods)
            {
                if (item?[method] is not JsonObject operation)
                {
                    continue;
                }

                var parameters = (operation["parameters"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Select(p => new ApiParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"] as JsonObject ?? [], p["required"]?.GetValue<bool>() == true))
                    .Where(p => p.In is "path" or "query")
                    .ToList();
                var content = operation["requestBody"]?["content"] as JsonObject;
                var (mediaType, schema) = content is null
                    ? (null, null)
                    : content.Select(c => (c.Key, c.Value?["schema"] as JsonObject)).OrderBy(c => c.Key.Contains("json", StringComparison.Ordinal) ? 0 : 1).First();
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, mediaType, schema));
            }
        }

        return operations;
    }
}
