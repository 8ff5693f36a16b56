using System.Text;
using System.Text.RegularExpressions;

namespace ExpenseFlow.Recognition.Pdf;

/// <summary>
/// What a PDF would cost the parser, measured on its raw bytes before PdfPig sees it: every stream decoded under a cap
/// (a deflate bomb is refused after the cap, not after gigabytes), and its objects counted (PdfPig walks the page tree
/// recursively, so the parser thread's stack is sized for the most objects allowed). Every "stream" keyword in the
/// file is measured, whatever its dictionary or the cross-reference table say, so a stream cannot be hidden from it.
/// </summary>
internal static partial class PdfPreflight
{
    public static void Check(byte[] bytes, RecognitionOptions options, CancellationToken cancellationToken)
    {
        var span = bytes.AsSpan();
        var offsets = ObjectOffsets(span, options.MaxPdfObjects);
        long objects = offsets.Count, streams = 0, total = 0;
        var compressed = new Dictionary<long, string>();
        int from = 0, nextEnd = -1;
        while (true)
        {
            var at = span[from..].IndexOf("stream"u8);
            if (at < 0) break;
            at += from;
            var previous = from;
            from = at + 6;
            if (at >= 3 && span.Slice(at - 3, 3).SequenceEqual("end"u8)) continue;
            if (++streams > options.MaxPdfObjects)
                throw new RecognitionException(ErrorCodes.TooLarge, $"PDF with more than {options.MaxPdfObjects} streams");
            cancellationToken.ThrowIfCancellationRequested();
            // The dictionary is searched back to the previous keyword at most, so a file of keywords costs one pass.
            var dictionary = DictionaryBefore(span, Math.Max(previous, at - 65536), at);
            var dataStart = DataStart(span, at + 6);
            if (nextEnd < dataStart)
            {
                var next = span[dataStart..].IndexOf("endstream"u8);
                nextEnd = next < 0 ? span.Length : dataStart + next;
            }
            var dataEnd = DataEnd(span, dataStart, nextEnd, dictionary, offsets);
            var filters = Filters(dictionary);
            var limit = ImageSubtype().IsMatch(dictionary) ? 4 * options.MaxImagePixels + (1 << 20) : options.MaxPdfStreamBytes;
            var left = options.MaxPdfDecodedBytes - total;
            var objectStream = ObjStmType().IsMatch(dictionary);
            long size;
            try
            {
                size = StreamFilters.Measure(bytes.AsMemory(dataStart, dataEnd - dataStart), filters, Math.Min(limit, left), objectStream, out var decoded, cancellationToken);
                if (objectStream && decoded is not null) ReadObjectStream(dictionary, decoded, compressed);
            }
            catch (StreamFilters.LimitExceededException)
            {
                throw new RecognitionException(ErrorCodes.ZipBomb, left < limit
                    ? $"PDF streams decode to more than {options.MaxPdfDecodedBytes} bytes together"
                    : $"a PDF stream at byte {at} decodes to more than {limit} bytes");
            }
            total += size;
            if (objectStream && NumberEntry().Match(dictionary) is { Success: true } n && long.TryParse(n.Groups[1].ValueSpan, out var count))
                objects += count;
            if (objects > options.MaxPdfObjects)
                throw new RecognitionException(ErrorCodes.TooLarge, $"PDF with more than {options.MaxPdfObjects} objects");
        }
        PdfPageTree.Check(bytes, offsets, compressed, cancellationToken);
    }

    /// <summary>The objects an object stream holds (header of "number offset" pairs, bodies from /First), by number.</summary>
    private static void ReadObjectStream(string dictionary, byte[] decoded, Dictionary<long, string> bodies)
    {
        var first = FirstEntry().Match(dictionary);
        if (!first.Success || !int.TryParse(first.Groups[1].ValueSpan, out var start) || start < 0 || start > decoded.Length) return;
        var header = Encoding.Latin1.GetString(decoded, 0, start).Split((char[])[' ', '\r', '\n', '\t', '\f', '\0'], StringSplitOptions.RemoveEmptyEntries);
        var entries = new List<(long Number, int Offset)>();
        for (var i = 0; i + 1 < header.Length; i += 2)
            if (long.TryParse(header[i], out var number) && int.TryParse(header[i + 1], out var offset) && offset >= 0 && start + offset <= decoded.Length)
                entries.Add((number, start + offset));
        var ordered = entries.OrderBy(e => e.Offset).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var end = i + 1 < ordered.Count ? ordered[i + 1].Offset : decoded.Length;
            bodies.TryAdd(ordered[i].Number, Encoding.Latin1.GetString(decoded, ordered[i].Offset, Math.Min(end - ordered[i].Offset, 1 << 16)));
        }
    }

    /// <summary>
    /// "N G obj" headers and where their bodies start (a superset of what a parser finds: stray matches in binary data
    /// only count high); refused past the object limit.
    /// </summary>
    private static Dictionary<(long, long), int> ObjectOffsets(ReadOnlySpan<byte> span, int maxObjects)
    {
        var offsets = new Dictionary<(long, long), int>();
        long headers = 0;
        var from = 0;
        while (true)
        {
            var at = span[from..].IndexOf("obj"u8);
            if (at < 0) return offsets;
            at += from;
            from = at + 3;
            var i = at - 1;
            while (i >= 0 && IsWhite(span[i])) i--;
            var genEnd = i + 1;
            while (i >= 0 && char.IsAsciiDigit((char)span[i])) i--;
            if (genEnd == i + 1) continue;
            if (++headers > maxObjects)
                throw new RecognitionException(ErrorCodes.TooLarge, $"PDF with more than {maxObjects} objects");
            var genStart = i + 1;
            while (i >= 0 && IsWhite(span[i])) i--;
            var numEnd = i + 1;
            while (i >= 0 && char.IsAsciiDigit((char)span[i])) i--;
            if (numEnd > i + 1 && numEnd - (i + 1) <= 10 && genEnd - genStart <= 5
                && long.TryParse(span[(i + 1)..numEnd], out var number) && long.TryParse(span[genStart..genEnd], out var generation))
                offsets.TryAdd((number, generation), at + 3);
        }
    }

    private static bool IsWhite(byte b) => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0;

    /// <summary>The text between the nearest "obj" before the keyword and the keyword, names' #xx escapes decoded.</summary>
    internal static string DecodeNameEscapes(string text) => NameEscape().Replace(text, m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());

    private static string DictionaryBefore(ReadOnlySpan<byte> span, int windowStart, int keyword)
    {
        var window = span[windowStart..keyword];
        var obj = window.LastIndexOf("obj"u8);
        var text = Encoding.Latin1.GetString(obj >= 0 ? window[(obj + 3)..] : window);
        return DecodeNameEscapes(text);
    }

    /// <summary>After "stream": CRLF or LF (CR alone, tolerated), as the specification and lenient readers take it.</summary>
    private static int DataStart(ReadOnlySpan<byte> span, int i)
    {
        while (i < span.Length && span[i] == ' ') i++;
        if (i < span.Length && span[i] == '\r') i++;
        if (i < span.Length && span[i] == '\n') i++;
        return i;
    }

    /// <summary>
    /// Where a parser may stop reading: at /Length (direct, or the integer of the object it refers to) or at the next
    /// "endstream", whichever is later: a parser trusts one or the other, so the longer one is measured.
    /// </summary>
    private static int DataEnd(ReadOnlySpan<byte> span, int start, int nextEnd, string dictionary, Dictionary<(long, long), int> offsets)
    {
        var length = LengthEntry().Match(dictionary);
        if (!length.Success) return nextEnd;
        long declared;
        if (length.Groups[2].Success)
        {
            if (!long.TryParse(length.Groups[1].ValueSpan, out var number) || !long.TryParse(length.Groups[2].ValueSpan, out var generation)
                || !offsets.TryGetValue((number, generation), out var body)) return nextEnd;
            var rest = Encoding.Latin1.GetString(span.Slice(body, Math.Min(64, span.Length - body)));
            var m = LeadingInteger().Match(rest);
            if (!m.Success || !long.TryParse(m.Groups[1].ValueSpan, out declared)) return nextEnd;
        }
        else if (!long.TryParse(length.Groups[1].ValueSpan, out declared)) return nextEnd;
        return declared < 0 || start + declared > span.Length ? span.Length : (int)Math.Max(start + declared, nextEnd);
    }

    private static List<string> Filters(string dictionary)
    {
        var m = FilterEntry().Match(dictionary);
        if (!m.Success) return [];
        return m.Groups[1].Value.Split(['/', '[', ']', ' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    [GeneratedRegex(@"#([0-9A-Fa-f]{2})")]
    private static partial Regex NameEscape();

    [GeneratedRegex(@"/(?:Filter|F)\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")]
    private static partial Regex FilterEntry();

    [GeneratedRegex(@"/Length\s+(\d+)(?:\s+(\d+)\s+R)?")]
    private static partial Regex LengthEntry();

    [GeneratedRegex(@"/Subtype\s*/Image\b")]
    private static partial Regex ImageSubtype();

    [GeneratedRegex(@"/Type\s*/ObjStm\b")]
    private static partial Regex ObjStmType();

    [GeneratedRegex(@"/N\s+(\d+)")]
    private static partial Regex NumberEntry();

    [GeneratedRegex(@"/First\s+(\d+)")]
    private static partial Regex FirstEntry();

    [GeneratedRegex(@"^\s*(\d+)")]
    private static partial Regex LeadingInteger();
}
