using System.Text.Json.Nodes;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>
/// The hostile values of issue 23, by what the schema says the slot holds. JSON values for bodies, texts for path and
/// query parameters and form fields. A null JsonNode in a pair is the JSON literal null.
/// </summary>
public static class HostileValues
{
    public const string Nul = "hostile\u0000nul";
    public static readonly string Long = new('x', 10_000);

    private static readonly (string Label, string Text)[] HostileText =
    [
        ("10,000 characters", Long),
        ("NUL character", Nul),
        ("C0 control characters", "a\u0001\u0007\u001B\u001Fb"),
        ("right-to-left override and zero-width characters", "ab\u202Ecd\u200B\u200Def\uFEFF"),
        ("lone surrogate", "a" + RequestShape.LoneSurrogate + "b"),
    ];

    private static readonly (string Label, string Text)[] Dates =
    [
        ("impossible date 2026-02-30", "2026-02-30"),
        ("date 9999-12-31", "9999-12-31"),
        ("date 0001-01-01", "0001-01-01"),
        ("date without leading zeros 2026-1-1", "2026-1-1"),
    ];

    private static readonly (string Label, string Text)[] DateTimes =
    [
        ("impossible instant 2026-02-30T00:00:00Z", "2026-02-30T00:00:00Z"),
        ("instant 9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"),
        ("instant 0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
    ];

    private static readonly (string Label, string Text)[] Guids =
    [
        ("not a uuid", "not-a-uuid"),
        ("empty uuid", Guid.Empty.ToString()),
    ];

    /// <summary>JSON values for a property or array item whose schema has the given kind and format.</summary>
    public static IEnumerable<(string Label, JsonNode? Value)> Json(SchemaKind kind, string? format, bool isEnum)
    {
        yield return ("null", null);
        switch (kind)
        {
            case SchemaKind.Integer:
            case SchemaKind.Number:
                yield return ("wrong type: string", JsonValue.Create("abc"));
                yield return ("huge number 1e30", JsonValue.Create(1e30));
                yield return ("negative number -1", JsonValue.Create(-1));
                yield return ("int.MaxValue", JsonValue.Create(int.MaxValue));
                yield return ("2147483648", JsonValue.Create(2147483648L));
                if (kind == SchemaKind.Number)
                {
                    yield return ("3-decimal money 12.345", JsonValue.Create(12.345m));
                    yield return ("99999999999999999.99", JsonValue.Create(99999999999999999.99m));
                }
                else
                {
                    yield return ("fraction 1.5 for an integer", JsonValue.Create(1.5m));
                }

                break;
            case SchemaKind.Boolean:
                yield return ("wrong type: string", JsonValue.Create("yes"));
                yield return ("wrong type: number", JsonValue.Create(2));
                break;
            case SchemaKind.Array:
                yield return ("wrong type: string", JsonValue.Create("x"));
                yield return ("empty array", new JsonArray());
                yield return ("[null] item", new JsonArray((JsonNode?)null));
                break;
            case SchemaKind.Object:
                yield return ("wrong type: string", JsonValue.Create("x"));
                yield return ("wrong type: array", new JsonArray());
                yield return ("empty object", new JsonObject());
                break;
            default:
                yield return ("wrong type: number", JsonValue.Create(12345));
                yield return ("wrong type: object", new JsonObject { ["walk"] = 1 });
                yield return ("empty string", JsonValue.Create(string.Empty));
                foreach (var (label, text) in Texts(format, isEnum))
                {
                    yield return (label, JsonValue.Create(text));
                }

                break;
        }
    }

    /// <summary>Texts for a path or query parameter or a form field (null: the parameter left out).</summary>
    public static IEnumerable<(string Label, string? Text)> Text(SchemaKind kind, string? format, bool isEnum)
    {
        yield return ("empty", string.Empty);
        switch (kind)
        {
            case SchemaKind.Integer:
            case SchemaKind.Number:
                yield return ("wrong type: text", "abc");
                yield return ("huge number 1e30", "1e30");
                yield return ("negative number -1", "-1");
                yield return ("int.MaxValue", "2147483647");
                yield return ("2147483648", "2147483648");
                yield return ("20-digit number", "99999999999999999999");
                yield return (kind == SchemaKind.Number ? "3-decimal money 12.345" : "fraction 1.5 for an integer", kind == SchemaKind.Number ? "12.345" : "1.5");
                yield return ("NUL character", Nul);
                yield return ("10,000 characters", Long);
                break;
            case SchemaKind.Boolean:
                yield return ("wrong type: text", "yes");
                yield return ("NUL character", Nul);
                break;
            default:
                foreach (var pair in Texts(format, isEnum))
                {
                    yield return pair;
                }

                break;
        }
    }

    private static IEnumerable<(string Label, string Text)> Texts(string? format, bool isEnum)
    {
        foreach (var pair in HostileText)
        {
            yield return pair;
        }

        var specific = format switch
        {
            "date" => Dates,
            "date-time" => DateTimes,
            "uuid" => Guids,
            _ => [],
        };
        foreach (var pair in specific)
        {
            yield return pair;
        }

        if (isEnum)
        {
            yield return ("unknown enum value", "NoSuchValue");
        }
    }
}
