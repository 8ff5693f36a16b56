using System.Globalization;
using System.Text.Json.Nodes;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>
/// The value a well-behaved client would send for a parameter or property: a value the host has shown under that name
/// if there is one, else one that fits the schema's type, format and enum, shaped by a few common names (currency,
/// e-mail, code). The baseline must get as deep into the handler as it can, or the hostile values stop at the first check.
/// </summary>
public sealed class PlausibleValues(ApiDescription api, KnownValues known)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private int _counter;

    public JsonNode? For(string name, JsonObject schema, int depth = 0)
    {
        if (known.ByName(name) is { } seen && Fits(seen, schema))
        {
            return seen;
        }

        var resolved = api.Resolve(schema);
        if (ApiDescription.EnumValues(resolved) is [var first, ..])
        {
            return JsonValue.Create(first);
        }

        return api.KindOf(resolved) switch
        {
            SchemaKind.Integer => JsonValue.Create(IntegerFor(name)),
            SchemaKind.Number => JsonValue.Create(100m),
            SchemaKind.Boolean => JsonValue.Create(false),
            SchemaKind.Array => depth > 8 || api.Items(resolved) is not { } items ? new JsonArray() : new JsonArray(For(Singular(name), items, depth + 1)),
            SchemaKind.Object => ObjectFor(resolved, depth),
            SchemaKind.String => JsonValue.Create(TextFor(name, ApiDescription.Format(resolved))),
            _ => JsonValue.Create(TextFor(name, null)),
        };
    }

    /// <summary>A unique text, for values that must not collide with what an earlier request created (codes, e-mails).</summary>
    public string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}";

    /// <summary>A new value for a property that must be unique among existing items (a code, an employee number, an e-mail).</summary>
    public string UniqueFor(string name) => name.Contains("email", StringComparison.OrdinalIgnoreCase)
        ? Unique("walk") + "@walk.example.cn"
        : name.Contains("account", StringComparison.OrdinalIgnoreCase) || name.Contains("taxId", StringComparison.OrdinalIgnoreCase)
            ? "6214830" + Random.Shared.Next(100000000, 999999999).ToString(Inv)
            : Unique("W");

    private JsonObject ObjectFor(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        if (depth > 8)
        {
            return result;
        }

        foreach (var (name, property) in api.Properties(schema))
        {
            result[name] = For(name, property, depth + 1);
        }

        if (schema["additionalProperties"] is JsonObject values && result.Count == 0)
        {
            result["walk"] = For("value", values, depth + 1);
        }

        return result;
    }

    private static int IntegerFor(string name) => name.ToLowerInvariant() switch
    {
        "page" => 1,
        "pagesize" => 20,
        "take" => 10,
        "version" or "baselineversion" => 1,
        _ => 1,
    };

    private string TextFor(string name, string? format)
    {
        var today = DateTime.UtcNow.Date;
        switch (format)
        {
            case "uuid":
                return Guid.NewGuid().ToString();
            case "date":
                // "from" a month ago, everything else (to, expense dates) a few days ago: both inside any sane window.
                return (name.Contains("from", StringComparison.OrdinalIgnoreCase) ? today.AddDays(-30) : today.AddDays(-3)).ToString("yyyy-MM-dd", Inv);
            case "date-time":
                return today.AddDays(-3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv);
        }

        var lower = name.ToLowerInvariant();
        return lower switch
        {
            _ when lower.Contains("currency", StringComparison.Ordinal) || lower == "ccy" => "CNY",
            _ when lower.Contains("email", StringComparison.Ordinal) => Unique("walk") + "@walk.example.cn",
            // The demo password: a login baseline then signs in (as somebody who is not walking), so its hostile variants get past the password check.
            _ when lower.Contains("password", StringComparison.Ordinal) => ExpenseFlow.TestBase.TestDatabase.DemoPassword,
            _ when lower.Contains("phone", StringComparison.Ordinal) => "13800000000",
            _ when lower.Contains("taxid", StringComparison.Ordinal) => "91310115MA1K4B2C3J",
            _ when lower.Contains("cnaps", StringComparison.Ordinal) => "308290003020",
            _ when lower.Contains("accountnumber", StringComparison.Ordinal) || lower == "account" => "6214830" + Random.Shared.Next(100000000, 999999999).ToString(Inv),
            _ when lower.EndsWith("code", StringComparison.Ordinal) || lower == "key" => Unique("WALK"),
            _ when lower is "from" => today.AddDays(-30).ToString("yyyy-MM-dd", Inv),
            _ when lower is "to" => today.ToString("yyyy-MM-dd", Inv),
            _ => "walk " + name,
        };
    }

    private bool Fits(JsonNode value, JsonObject schema) => api.KindOf(schema) switch
    {
        // A slot the document does not describe (JsonElement: a flow definition) takes what the host showed under that name.
        SchemaKind.Any => true,
        SchemaKind.Array => value is JsonArray array && array.All(i => i is JsonValue),
        SchemaKind.Integer or SchemaKind.Number => value.GetValueKind() == System.Text.Json.JsonValueKind.Number,
        SchemaKind.String => value.GetValueKind() == System.Text.Json.JsonValueKind.String && FitsFormat(value.ToString(), ApiDescription.Format(api.Resolve(schema))),
        SchemaKind.Boolean => value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        _ => false,
    };

    /// <summary>A value seen under the same name may be another thing's (a month "2026-01" where a date belongs).</summary>
    private static bool FitsFormat(string text, string? format) => format switch
    {
        "uuid" => Guid.TryParse(text, out _),
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out _),
        "date-time" => DateTimeOffset.TryParse(text, Inv, DateTimeStyles.None, out _),
        _ => true,
    };

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;
}
