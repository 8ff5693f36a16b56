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
    private readonly ConcurrentDictionary<string, Dictionary<string, List<string>>> _byCollection = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _reserved = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Ids and e-mails that belong to the walking sessions.</summary>
    public void Reserve(string value) => _reserved[value] = 0;

    public bool IsReserved(string value) => _reserved.ContainsKey(value);

    /// <summary>
    /// A value seen under this name, else under its shorter endings ("toPersonId" → "PersonId"; "headPersonId" → "PersonId"),
    /// so a reference named after its role finds the ids of the thing it refers to.
    /// </summary>
    public JsonNode? ByName(string name)
    {
        for (var start = 0; start < name.Length; start++)
        {
            if (start > 0 && !char.IsUpper(name[start]))
            {
                continue;
            }

            var ending = name[start..];
            if (ending.Length <= 2 || !_byName.TryGetValue(ending, out var values))
            {
                continue;
            }

            lock (values)
            {
                if (values.FirstOrDefault(v => !IsReserved(v.ToString())) is { } value)
                {
                    return value.DeepClone();
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The key of an item listed by GET on a collection path, for the path parameter that follows it: the item's property
    /// of the parameter's name if it has one (files/{format}), else its id, code, version or key.
    /// </summary>
    public string? InCollection(string collectionPath, string parameter)
    {
        if (!_byCollection.TryGetValue(collectionPath, out var listing))
        {
            return null;
        }

        lock (listing)
        {
            foreach (var property in new[] { parameter, "id", "code", "version", "key" })
            {
                var match = listing.FirstOrDefault(p => string.Equals(p.Key, property, StringComparison.OrdinalIgnoreCase)).Value;
                if (match?.FirstOrDefault(v => !IsReserved(v)) is { } value)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a creation with this value would repeat a listed item's key: the collection lists two or more items and
    /// this property is different in each (a code, a number, an e-mail — not a reference many items share).
    /// References (uuid) are never keys here: the caller skips them.
    /// </summary>
    public bool IsListedKey(string collectionPath, string property, string value)
    {
        if (!_byCollection.TryGetValue(collectionPath, out var listing))
        {
            return false;
        }

        lock (listing)
        {
            var values = listing.GetValueOrDefault(property);
            if (values is null || !values.Contains(value))
            {
                return false;
            }

            // With one item listed, distinctness says nothing: a property named like a key (code, number, e-mail) counts.
            return values.Count >= 2
                ? values.Distinct().Count() == values.Count
                : property.EndsWith("code", StringComparison.OrdinalIgnoreCase) || property.EndsWith("no", StringComparison.OrdinalIgnoreCase) || property.Contains("email", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Takes every scalar of a JSON answer under its property name, and a list's item keys under the list's path.</summary>
    public void Harvest(string requestPath, JsonNode? answer)
    {
        // A JSON Schema served as data (the flow definition's schema) names "type", "format" and "pattern" with values
        // that are no one's: learning from it would put "uuid" where a file format belongs.
        if (answer is JsonObject root && (root.ContainsKey("$schema") || (root.ContainsKey("properties") && root.ContainsKey("type"))))
        {
            return;
        }

        Walk(answer, null, 0);
        var items = answer switch
        {
            JsonArray array => array,
            JsonObject page when page["items"] is JsonArray paged => paged,
            _ => null,
        };
        if (items is null)
        {
            return;
        }

        var listing = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var singular = Singular(requestPath);
        foreach (var item in items.OfType<JsonObject>().Take(500))
        {
            foreach (var (property, value) in item)
            {
                if (value is JsonValue)
                {
                    (listing.TryGetValue(property, out var list) ? list : listing[property] = []).Add(value.ToString());
                }
            }

            if (singular is not null && item["id"] is JsonValue id)
            {
                Add(_byName, singular + "Id", id);
            }

            if (singular is not null && item["code"] is JsonValue code)
            {
                Add(_byName, singular + "Code", code);
            }
        }

        // The latest listing of a path replaces the earlier one (a deletion removes its id from the candidates).
        _byCollection[requestPath] = listing;
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
                if (name is not null)
                {
                    Add(_byName, name, obj);
                }

                foreach (var (key, value) in obj)
                {
                    Walk(value, key, depth + 1);
                }

                break;
            case JsonArray array:
                if (name is not null)
                {
                    Add(_byName, name, array);
                }

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
