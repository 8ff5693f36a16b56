using System.Text;
using System.Text.RegularExpressions;

namespace ExpenseFlow.Recognition.Pdf;

/// <summary>
/// The page tree as the file's bytes describe it (plain and compressed objects), walked without recursion from every
/// catalog: a tree that loops back on itself is refused as corrupt, one nested deeper than any real document as too
/// large. A tree hidden from this reading still cannot crash the process: the parser runs on a thread whose stack
/// holds <see cref="RecognitionOptions.MaxPdfObjects"/> levels, and no more objects are allowed.
/// </summary>
internal static partial class PdfPageTree
{
    /// <summary>Real documents nest a few levels (writers balance the tree); a thousand pages need four at ten kids per node.</summary>
    public const int MaxDepth = 64;

    public static void Check(byte[] bytes, Dictionary<(long, long), int> offsets, Dictionary<long, string> compressed, CancellationToken cancellationToken)
    {
        // The last definition of a number is the one in force (incremental updates append).
        var plain = new Dictionary<long, int>();
        foreach (var ((number, _), offset) in offsets)
            if (!plain.TryGetValue(number, out var known) || offset > known) plain[number] = offset;
        var bodyCache = new Dictionary<long, string?>();
        string? Body(long number)
        {
            if (bodyCache.TryGetValue(number, out var cached)) return cached;
            string? body = null;
            if (plain.TryGetValue(number, out var offset))
            {
                // The object's own text: up to "endobj", or to "stream" (a stream's data is not the tree's business).
                var window = bytes.AsSpan(offset, Math.Min(1 << 16, bytes.Length - offset));
                var end = window.IndexOf("endobj"u8);
                var data = window.IndexOf("stream"u8);
                var length = new[] { end, data, window.Length }.Where(x => x >= 0).Min();
                body = PdfPreflight.DecodeNameEscapes(Encoding.Latin1.GetString(window[..length]));
            }
            else if (compressed.TryGetValue(number, out var c))
            {
                body = PdfPreflight.DecodeNameEscapes(c);
            }
            bodyCache[number] = body;
            return body;
        }

        var byNumber = plain.Keys.Concat(compressed.Keys).Distinct();
        var roots = byNumber.Select(n => (Number: n, Body: Body(n))).Where(o => o.Body is not null && CatalogType().IsMatch(o.Body))
            .Select(o => PagesEntry().Match(o.Body!)).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].ValueSpan)).Distinct().ToList();
        var done = new HashSet<long>();
        foreach (var root in roots)
        {
            // Depth-first with an explicit stack: (node, depth, children already pushed).
            var onPath = new HashSet<long>();
            var stack = new Stack<(long Node, int Depth, bool Expanded)>();
            stack.Push((root, 1, false));
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (node, depth, expanded) = stack.Pop();
                if (expanded)
                {
                    onPath.Remove(node);
                    done.Add(node);
                    continue;
                }
                if (onPath.Contains(node)) throw new RecognitionException(ErrorCodes.Corrupt, $"the PDF's page tree loops back to object {node}");
                if (done.Contains(node)) continue;
                if (depth > MaxDepth) throw new RecognitionException(ErrorCodes.TooLarge, $"the PDF's page tree is nested more than {MaxDepth} levels deep");
                onPath.Add(node);
                stack.Push((node, depth, true));
                foreach (var kid in Kids(Body(node), Body)) stack.Push((kid, depth + 1, false));
            }
        }
    }

    /// <summary>The object numbers in the node's /Kids (an array, or a reference to one).</summary>
    private static List<long> Kids(string? body, Func<long, string?> bodyOf)
    {
        if (body is null) return [];
        var kids = KidsEntry().Match(body);
        if (!kids.Success) return [];
        var array = kids.Groups[1].Success ? kids.Groups[1].Value
            : long.TryParse(kids.Groups[2].ValueSpan, out var indirect) ? bodyOf(indirect) ?? "" : "";
        return Reference().Matches(array).Select(m => long.Parse(m.Groups[1].ValueSpan)).ToList();
    }

    [GeneratedRegex(@"/Type\s*/Catalog\b")]
    private static partial Regex CatalogType();

    [GeneratedRegex(@"/Pages\s+(\d{1,10})\s+\d{1,5}\s+R")]
    private static partial Regex PagesEntry();

    [GeneratedRegex(@"/Kids\s*(?:\[([^\]]*)\]|(\d{1,10})\s+\d{1,5}\s+R)")]
    private static partial Regex KidsEntry();

    [GeneratedRegex(@"(\d{1,10})\s+\d{1,5}\s+R")]
    private static partial Regex Reference();
}
