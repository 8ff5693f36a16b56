using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>
/// Values the host itself has shown (ids, codes, currencies, ...), keyed by the property name they appeared under, so a
/// baseline request names things that exist and the hostile value of one property is not drowned by a 404 on another.
/// The ids of the walking users are never handed out: a mutation must not deactivate, re-role or re-password the very
/// session that walks (those operations stay walked, on other people).
/// </summary>
public sealed class KnownValues
{
    private readonly ConcurrentDictionary<string, List<JsonNode>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, List<string>> _byCollection = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _reserved = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Ids and e-mails that belong to the walking sessions.</summary>
    public void Reserve(string value) => _reserved[value] = 0;

    public bool IsReserved(string value) => _reserved.ContainsKey(value);

    public JsonNode? ByName(string name)
    {
        if (!_byName.TryGetValue(name, out var values))
        {
            return null;
        }

        lock (values)
        {
            return values.FirstOrDefault(v => !IsReserved(v.ToString()))?.DeepClone();
        }
    }

    /// <summary>An id or code listed by GET on a collection path (e.g. /api/organization/people → its items' ids).</summary>
    public string? InCollection(string collectionPath)
    {
        if (!_byCollection.TryGetValue(collectionPath, out var values))
        {
            return null;
        }

        lock (values)
        {
            return values.FirstOrDefault(v => !IsReserved(v));
        }
    }

    /// <summary>Takes every scalar of a JSON answer under its property name, and a list's item keys under the list's path.</summary>
    public void Harvest(string requestPath, JsonNode? answer)
    {
        Walk(answer, null, 0);
        var items = answer switch
        {
            JsonArray array => array,
            JsonObject page when page["items"] is JsonArray paged => paged,
            _ => null,
        };
        foreach (var item in items?.OfType<JsonObject>() ?? [])
        {
            // The key a path parameter after this collection takes: id, else code, else version, else key.
            var key = item["id"] ?? item["code"] ?? item["version"] ?? item["key"];
            if (key is JsonValue)
            {
                Add(_byCollection, requestPath, key.ToString());
            }

            var singular = Singular(requestPath);
            if (singular is not null && item["id"] is JsonValue id)
            {
                Add(_byName, singular + "Id", id);
            }

            if (singular is not null && item["code"] is JsonValue code)
            {
                Add(_byName, singular + "Code", code);
            }
        }
    }

    public void Add(string name, JsonNode value) => Add(_byName, name, value);

    private void Walk(JsonNode? node, string? name, int depth)
    {
        if (depth > 12)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Walk(value, key, depth + 1);
                }

                break;
            case JsonArray array:
                foreach (var item in array.Take(50))
                {
                    Walk(item, name, depth + 1);
                }

                break;
            case JsonValue value when name is not null:
                Add(_byName, name, value);
                break;
        }
    }

    private static void Add<T>(ConcurrentDictionary<string, List<T>> store, string key, T value)
    {
        var values = store.GetOrAdd(key, _ => []);
        lock (values)
        {
            var text = value!.ToString();
            if (values.Count < 200 && !values.Any(v => v!.ToString() == text))
            {
                values.Add(value is JsonNode n ? (T)(object)n.DeepClone() : value);
            }
        }
    }

    /// <summary>"/api/organization/legal-entities" → "legalEntity", "/api/expenses/claims" → "claim", "people" → "person".</summary>
    internal static string? Singular(string path)
    {
        var last = path.TrimEnd('/').Split('/')[^1];
        if (last.Length == 0 || last.Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        var words = last.Split('-');
        var tail = words[^1];
        tail = tail switch
        {
            "people" => "person",
            _ when tail.EndsWith("ies", StringComparison.Ordinal) => tail[..^3] + "y",
            _ when tail.EndsWith("ches", StringComparison.Ordinal) || tail.EndsWith("shes", StringComparison.Ordinal) || tail.EndsWith("xes", StringComparison.Ordinal) => tail[..^2],
            _ when tail.EndsWith('s') => tail[..^1],
            _ => tail,
        };
        words[^1] = tail;
        return words[0] + string.Concat(words.Skip(1).Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
