using System.Text;
using System.Xml.Linq;

namespace ExpenseFlow.TestBase.Mutation;

/// <summary>
/// Structural mutants of an XML document: elements dropped, duplicated or reordered; a leaf's text replaced by a hostile
/// number, date or text; NUL and control characters (raw and as character references); nesting many thousand levels
/// deep; entity expansion and external entity attempts; another root namespace.
/// </summary>
public static class XmlMutants
{
    public static IEnumerable<Mutant> Of(Mutator m, string name, string xml, int count)
    {
        ArgumentNullException.ThrowIfNull(m);
        var leaves = XDocument.Parse(xml).Descendants().Where(IsLeaf).ToList();
        for (var i = 0; i < count; i++)
        {
            var kind = i % 10;
            yield return kind switch
            {
                0 => Edit(m, name, xml, IsLeaf, "leaf text → number", (e, v) => e.Value = v, HostileValues.Numbers),
                1 => Edit(m, name, xml, IsLeaf, "leaf text → date", (e, v) => e.Value = v, HostileValues.Dates),
                2 => Edit(m, name, xml, IsLeaf, "leaf text → text", (e, v) => e.Value = Xmlable(v), HostileValues.Texts),
                3 => Structure(m, name, xml, "dropped", e => e.Remove()),
                4 => Structure(m, name, xml, "duplicated", e => e.AddAfterSelf(new XElement(e))),
                5 => Structure(m, name, xml, "children reordered", e => Reorder(m, e)),
                6 => Raw(m, name, xml, i / 10),
                7 => Edit(m, name, xml, e => e.Attributes().Any(a => !a.IsNamespaceDeclaration), "attribute → hostile",
                    (e, v) => e.Attributes().First(a => !a.IsNamespaceDeclaration).Value = Xmlable(v), HostileValues.All),
                8 => Nested(m, name, xml, leaves, i / 10),
                _ => Edit(m, name, xml, IsLeaf, "leaf text → number", (e, v) => e.Value = v, HostileValues.Numbers),
            };
        }
    }

    private static bool IsLeaf(XElement e) => !e.HasElements;

    private static Mutant Edit(Mutator m, string name, string xml, Func<XElement, bool> where, string what, Action<XElement, string> edit, IReadOnlyList<string> values)
    {
        var document = XDocument.Parse(xml);
        var candidates = document.Descendants().Where(where).ToList();
        if (candidates.Count == 0)
        {
            return new($"{name}: {what} (no candidate)", Mutator.Utf8(xml));
        }

        var target = m.Pick(candidates);
        var value = m.Pick(values);
        edit(target, value);
        return new($"{name}: {target.Name.LocalName} {what} '{Shown(value)}'", Mutator.Utf8(document.ToString(SaveOptions.DisableFormatting)));
    }

    private static Mutant Structure(Mutator m, string name, string xml, string what, Action<XElement> change)
    {
        var document = XDocument.Parse(xml);
        var candidates = document.Descendants().Where(e => e.Parent is not null).ToList();
        var target = m.Pick(candidates);
        var label = target.Name.LocalName;
        change(target);
        return new($"{name}: {label} {what}", Mutator.Utf8(document.ToString(SaveOptions.DisableFormatting)));
    }

    private static void Reorder(Mutator m, XElement parent)
    {
        var target = parent.Parent ?? parent;
        var children = target.Elements().ToList();
        foreach (var child in children)
        {
            child.Remove();
        }

        foreach (var child in children.OrderBy(_ => m.Random.Next()))
        {
            target.Add(child);
        }
    }

    /// <summary>Edits of the text itself: what an XML writer cannot produce.</summary>
    private static Mutant Raw(Mutator m, string name, string xml, int round)
    {
        var close = xml.IndexOf("</", StringComparison.Ordinal);
        var at = close < 0 ? xml.Length / 2 : close;
        return (round % 7) switch
        {
            0 => new($"{name}: raw NUL in text", Mutator.Utf8(xml.Insert(at, "a\u0000b"))),
            1 => new($"{name}: &#0; reference", Mutator.Utf8(xml.Insert(at, "&#0;"))),
            2 => new($"{name}: control character U+0001", Mutator.Utf8(xml.Insert(at, "\u0001"))),
            3 => new($"{name}: billion laughs", Mutator.Utf8(BillionLaughs(xml))),
            4 => new($"{name}: external entity", Mutator.Utf8(WithDoctype(xml, "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;"))),
            5 => new($"{name}: root namespace changed", Mutator.Utf8(xml.Replace("urn:", "urn:evil:", StringComparison.Ordinal).Replace("http://www.", "http://evil.", StringComparison.Ordinal))),
            _ => new($"{name}: unclosed element", Mutator.Utf8(xml.Insert(at, "<open>"))),
        };
    }

    /// <summary>Elements nested 1,000 to 100,000 levels deep inside a leaf.</summary>
    private static Mutant Nested(Mutator m, string name, string xml, List<XElement> leaves, int round)
    {
        var depth = (round % 3) switch { 0 => 1_000, 1 => 20_000, _ => 100_000 };
        var leaf = m.Pick(leaves).Name;
        var open = $"<{leaf.LocalName}";
        var at = xml.IndexOf(open, StringComparison.Ordinal);
        var end = at < 0 ? -1 : xml.IndexOf('>', at);
        if (end < 0)
        {
            return new($"{name}: nesting (no leaf)", Mutator.Utf8(xml));
        }

        var nested = new StringBuilder(depth * 7);
        for (var i = 0; i < depth; i++)
        {
            nested.Append("<a>");
        }

        for (var i = 0; i < depth; i++)
        {
            nested.Append("</a>");
        }

        return new($"{name}: {depth} levels nested in {leaf.LocalName}", Mutator.Utf8(xml.Insert(end + 1, nested.ToString())));
    }

    private static string BillionLaughs(string xml)
    {
        var doctype = new StringBuilder("<!DOCTYPE d [<!ENTITY l0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            doctype.Append($"<!ENTITY l{i} \"&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};\">");
        }

        return WithDoctype(xml, doctype.Append("]>").ToString(), "&l9;");
    }

    private static string WithDoctype(string xml, string doctype, string reference)
    {
        var body = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
        var close = body.IndexOf("</", StringComparison.Ordinal);
        return doctype + (close < 0 ? body : body.Insert(close, reference));
    }

    /// <summary>XML 1.0 cannot carry NUL or most controls; those go in raw through <see cref="Raw"/>.</summary>
    private static string Xmlable(string value) => new([.. value.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c)))]);

    internal static string Shown(string value) => value.Length > 24 ? $"{value[..12]}…({value.Length} chars)" : value.Replace("\0", "\\0", StringComparison.Ordinal);
}
