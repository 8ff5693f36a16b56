using System.Text;
using System.Text.Json.Nodes;

namespace ExpenseFlow.TestBase.Mutation;

/// <summary>
/// Structural mutants of line-based text (MT940, CSV) and of JSON documents: lines dropped, repeated, swapped and cut;
/// a field's value replaced by a hostile one; wrong delimiters, unterminated quotes, wrong encodings, very long lines,
/// NUL and control characters; for JSON, properties dropped or given the wrong type or a hostile value.
/// </summary>
public static class TextMutants
{
    /// <summary>Mutants of a text whose lines carry fields separated by <paramref name="separators"/> (MT940: ':' , CSV: ',').</summary>
    public static IEnumerable<Mutant> Lines(Mutator m, string name, string text, char[] separators, int count)
    {
        ArgumentNullException.ThrowIfNull(m);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(newline).ToList();
        for (var i = 0; i < count; i++)
        {
            var copy = lines.ToList();
            var at = m.Random.Next(copy.Count);
            string what;
            switch (i % 12)
            {
                case 0:
                    copy.RemoveAt(at);
                    what = $"line {at + 1} dropped";
                    break;
                case 1:
                    copy.Insert(at, copy[at]);
                    what = $"line {at + 1} repeated";
                    break;
                case 2:
                    var other = m.Random.Next(copy.Count);
                    (copy[at], copy[other]) = (copy[other], copy[at]);
                    what = $"lines {at + 1} and {other + 1} swapped";
                    break;
                case 3:
                    var cut = m.Random.Next(copy[at].Length + 1);
                    copy[at] = copy[at][..cut];
                    what = $"line {at + 1} cut at {cut}";
                    break;
                case 4 or 5 or 6:
                    var value = m.Pick(i % 12 == 4 ? HostileValues.Numbers : i % 12 == 5 ? HostileValues.Dates : HostileValues.Texts);
                    copy[at] = ReplaceField(m, copy[at], separators, value);
                    what = $"line {at + 1} field → '{XmlMutants.Shown(value)}'";
                    break;
                case 7:
                    copy[at] = copy[at].Replace(separators[^1], m.Pick(new[] { ';', '\t', '|', ' ' }));
                    what = $"line {at + 1} wrong delimiter";
                    break;
                case 8:
                    copy[at] = copy[at].Insert(m.Random.Next(copy[at].Length + 1), "\"");
                    what = $"line {at + 1} unterminated quote";
                    break;
                case 9:
                    copy[at] += new string('9', 100_000);
                    what = $"line {at + 1} 100,000 characters longer";
                    break;
                case 10:
                    copy[at] = copy[at].Insert(m.Random.Next(copy[at].Length + 1), m.Pick(new[] { "\0", "\u0001", "\u001b", "\u007f", "\uFEFF", "\u202E" }));
                    what = $"line {at + 1} control character";
                    break;
                default:
                    yield return Encoded(name, string.Join(newline, lines), i);
                    continue;
            }

            yield return new($"{name}: {what}", Mutator.Utf8(string.Join(newline, copy)));
        }
    }

    private static string ReplaceField(Mutator m, string line, char[] separators, string value)
    {
        var cuts = Enumerable.Range(0, line.Length).Where(i => separators.Contains(line[i])).ToList();
        if (cuts.Count == 0)
        {
            return value;
        }

        var start = cuts[m.Random.Next(cuts.Count)] + 1;
        var end = line.IndexOfAny(separators, start);
        return line[..start] + value + (end < 0 ? "" : line[end..]);
    }

    /// <summary>The same text in an encoding the reader was not told about, or with its line breaks changed.</summary>
    private static Mutant Encoded(string name, string text, int round)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return (round / 12 % 5) switch
        {
            0 => new($"{name}: as UTF-16", Encoding.Unicode.GetBytes(text)),
            1 => new($"{name}: as GB18030", Encoding.GetEncoding("GB18030").GetBytes(text)),
            2 => new($"{name}: as Latin-1 with a UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. Encoding.Latin1.GetBytes(text)]),
            3 => new($"{name}: CR line breaks", Mutator.Utf8(text.Replace("\r\n", "\r", StringComparison.Ordinal).Replace('\n', '\r'))),
            _ => new($"{name}: invalid UTF-8", [.. Mutator.Utf8(text), 0xC3, 0x28, 0xA0, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]),
        };
    }

    /// <summary>Mutants of a JSON object: properties dropped, wrong types, hostile values, malformed text, deep nesting.</summary>
    public static IEnumerable<(string Name, string Json)> Json(Mutator m, string name, string json, int count)
    {
        ArgumentNullException.ThrowIfNull(m);
        for (var i = 0; i < count; i++)
        {
            var node = JsonNode.Parse(json)!;
            var (parent, key) = PickProperty(m, node);
            string what;
            switch (i % 8)
            {
                case 0:
                    parent?.Remove(key!);
                    what = $"{key} dropped";
                    break;
                case 1 or 2:
                    var value = m.Pick(HostileValues.All);
                    parent?[key!] = value;
                    what = $"{key} → '{XmlMutants.Shown(value)}'";
                    break;
                case 3:
                    JsonNode?[] wrong = [null, 0, -1, 1e300, true, new JsonArray(), new JsonObject(), new JsonArray((JsonNode?)null)];
                    var pick = m.Random.Next(wrong.Length);
                    parent?[key!] = wrong[pick]?.DeepClone();
                    what = $"{key} → {wrong[pick]?.ToJsonString() ?? "null"}";
                    break;
                case 4:
                    var text = node.ToJsonString();
                    var cut = m.Random.Next(text.Length);
                    yield return ($"{name}: JSON cut at {cut}", text[..cut]);
                    continue;
                case 5:
                    yield return ($"{name}: 10,000 levels of arrays", new string('[', 10_000) + new string(']', 10_000));
                    continue;
                case 6:
                    var malformed = m.Pick(new[] { "{", "[]", "null", "\"text\"", "42", "{\"a\":1,}", "" });
                    yield return ($"{name}: malformed '{malformed}'", malformed);
                    continue;
                default:
                    var extra = "x" + m.Random.Next(1000);
                    (parent ?? node.AsObject())[extra] = new string('x', 10_000);
                    what = $"extra property {extra}";
                    break;
            }

            yield return ($"{name}: {what}", node.ToJsonString());
        }
    }

    private static (JsonObject? Parent, string? Key) PickProperty(Mutator m, JsonNode root)
    {
        var properties = new List<(JsonObject, string)>();
        var stack = new Stack<JsonNode?>([root]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        properties.Add((o, k));
                        stack.Push(v);
                    }

                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        stack.Push(v);
                    }

                    break;
            }
        }

        return properties.Count == 0 ? (null, null) : m.Pick(properties);
    }
}
