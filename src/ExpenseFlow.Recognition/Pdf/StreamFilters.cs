using System.IO.Compression;

namespace ExpenseFlow.Recognition.Pdf;

/// <summary>
/// How much a PDF stream decodes to, measured by decoding it under a cap (nothing declared is trusted): Flate, LZW and
/// RunLength can multiply their input a thousandfold, so a few megabytes can ask a parser for gigabytes. Filters that
/// end in an image codec (DCT, JPX, CCITT, JBIG2) stop the measure: their pixels are checked by the image's own header.
/// </summary>
internal static class StreamFilters
{
    /// <summary>Thrown past the cap; the caller names the stream.</summary>
    public sealed class LimitExceededException(long limit) : Exception($"decodes to more than {limit} bytes")
    {
        public long Limit { get; } = limit;
    }

    /// <summary>
    /// Decodes <paramref name="data"/> through <paramref name="filters"/> (in order) and returns the decoded size; the
    /// decoded bytes themselves are returned only when <paramref name="keep"/> (else only counted). Malformed data
    /// counts as far as it decodes.
    /// </summary>
    public static long Measure(ReadOnlyMemory<byte> data, IReadOnlyList<string> filters, long limit, bool keep, out byte[]? decoded, CancellationToken cancellationToken)
    {
        decoded = null;
        var current = data;
        for (var i = 0; i < filters.Count; i++)
        {
            var last = i == filters.Count - 1 || !IsMeasured(filters[i + 1]);
            if (!IsMeasured(filters[i])) break;
            var sink = new Sink(limit, keep: keep || !last, cancellationToken);
            Decode(filters[i], current, sink);
            if (last)
            {
                if (keep) decoded = sink.ToArray();
                return sink.Length;
            }
            current = sink.ToArray();
        }
        if (keep) decoded = current.ToArray();
        return current.Length;
    }

    public static bool IsMeasured(string filter) => Canonical(filter) is "FlateDecode" or "LZWDecode" or "RunLengthDecode" or "ASCIIHexDecode" or "ASCII85Decode";

    /// <summary>Inline images may use the abbreviations.</summary>
    public static string Canonical(string filter) => filter switch
    {
        "Fl" => "FlateDecode",
        "LZW" => "LZWDecode",
        "RL" => "RunLengthDecode",
        "AHx" => "ASCIIHexDecode",
        "A85" => "ASCII85Decode",
        _ => filter,
    };

    private static void Decode(string filter, ReadOnlyMemory<byte> input, Sink sink)
    {
        switch (Canonical(filter))
        {
            case "FlateDecode": Flate(input, sink); break;
            case "LZWDecode": Lzw(input.Span, sink); break;
            case "RunLengthDecode": RunLength(input.Span, sink); break;
            case "ASCIIHexDecode": AsciiHex(input.Span, sink); break;
            case "ASCII85Decode": Ascii85(input.Span, sink); break;
        }
    }

    /// <summary>
    /// zlib data is read as raw deflate after its 2-byte header, as tolerant readers do (a wrong header or checksum does
    /// not stop them); when that fails at once, as raw deflate from the first byte.
    /// </summary>
    private static void Flate(ReadOnlyMemory<byte> input, Sink sink)
    {
        if (input.Length > 2 && Inflate(input[2..], sink) > 0) return;
        Inflate(input, sink);
    }

    private static long Inflate(ReadOnlyMemory<byte> input, Sink sink)
    {
        var start = sink.Length;
        var buffer = new byte[64 * 1024];
        try
        {
            using var z = new DeflateStream(new ReadOnlyMemoryStream(input), CompressionMode.Decompress);
            int n;
            while ((n = z.Read(buffer)) > 0) sink.Write(buffer.AsSpan(0, n));
        }
        catch (InvalidDataException)
        {
            // corrupt or truncated: what decoded so far is what a parser would get
        }
        return sink.Length - start;
    }

    /// <summary>LZW as PDF uses it (8-bit data, clear 256, end 257, codes of 9 to 12 bits, early change).</summary>
    private static void Lzw(ReadOnlySpan<byte> input, Sink sink)
    {
        // Only the lengths of the table's strings matter for the count, but the bytes are needed when they are kept.
        var table = new List<byte[]>(4096);
        void Reset()
        {
            table.Clear();
            for (var i = 0; i < 256; i++) table.Add([(byte)i]);
            table.Add([]);
            table.Add([]);
        }
        Reset();
        int bits = 9, acc = 0, accBits = 0;
        byte[]? previous = null;
        foreach (var b in input)
        {
            acc = (acc << 8) | b;
            accBits += 8;
            while (accBits >= bits)
            {
                var code = (acc >> (accBits - bits)) & ((1 << bits) - 1);
                accBits -= bits;
                if (code == 256) { Reset(); bits = 9; previous = null; continue; }
                if (code == 257) return;
                byte[] entry;
                if (code < table.Count) entry = table[code];
                else if (code == table.Count && previous is not null) entry = [.. previous, previous[0]];
                else return; // invalid code: decoding stops here
                sink.Write(entry);
                if (previous is not null && table.Count < 4096) table.Add([.. previous, entry[0]]);
                previous = entry;
                bits = table.Count + 1 >= 4096 ? 12 : table.Count + 1 >= 2048 ? 12 : table.Count + 1 >= 1024 ? 11 : table.Count + 1 >= 512 ? 10 : 9;
            }
        }
    }

    private static void RunLength(ReadOnlySpan<byte> input, Sink sink)
    {
        Span<byte> run = stackalloc byte[128];
        var i = 0;
        while (i < input.Length)
        {
            var length = input[i++];
            if (length == 128) return;
            if (length < 128)
            {
                var n = Math.Min(length + 1, input.Length - i);
                sink.Write(input.Slice(i, n));
                i += n;
            }
            else if (i < input.Length)
            {
                run[..(257 - length)].Fill(input[i++]);
                sink.Write(run[..(257 - length)]);
            }
        }
    }

    private static void AsciiHex(ReadOnlySpan<byte> input, Sink sink)
    {
        int high = -1;
        Span<byte> one = stackalloc byte[1];
        foreach (var c in input)
        {
            if (c == '>') break;
            var v = c is >= (byte)'0' and <= (byte)'9' ? c - '0' : c is >= (byte)'a' and <= (byte)'f' ? c - 'a' + 10 : c is >= (byte)'A' and <= (byte)'F' ? c - 'A' + 10 : -1;
            if (v < 0) continue;
            if (high < 0) { high = v; continue; }
            one[0] = (byte)(high << 4 | v);
            sink.Write(one);
            high = -1;
        }
        if (high >= 0) { one[0] = (byte)(high << 4); sink.Write(one); }
    }

    private static void Ascii85(ReadOnlySpan<byte> input, Sink sink)
    {
        Span<byte> group = stackalloc byte[4];
        long value = 0;
        var count = 0;
        foreach (var c in input)
        {
            if (c == '~') break;
            if (c == 'z' && count == 0) { group.Clear(); sink.Write(group); continue; }
            if (c is < (byte)'!' or > (byte)'u') continue;
            value = value * 85 + (c - '!');
            if (++count < 5) continue;
            for (var k = 3; k >= 0; k--) { group[k] = (byte)value; value >>= 8; }
            sink.Write(group);
            value = 0;
            count = 0;
        }
        if (count > 1)
        {
            for (var k = count; k < 5; k++) value = value * 85 + 84;
            for (var k = 3; k >= 0; k--) { group[k] = (byte)value; value >>= 8; }
            sink.Write(group[..(count - 1)]);
        }
    }

    /// <summary>Counts (and, when asked, keeps) decoded bytes; throws past the limit; checks for cancellation as it goes.</summary>
    private sealed class Sink(long limit, bool keep, CancellationToken cancellationToken)
    {
        private readonly MemoryStream? _bytes = keep ? new MemoryStream() : null;
        private long _nextCheck = 1 << 20;

        public long Length { get; private set; }

        public void Write(ReadOnlySpan<byte> data)
        {
            Length += data.Length;
            if (Length > limit) throw new LimitExceededException(limit);
            if (Length >= _nextCheck)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _nextCheck = Length + (1 << 20);
            }
            _bytes?.Write(data);
        }

        public byte[] ToArray() => _bytes?.ToArray() ?? [];
    }

    /// <summary>A read-only stream over memory (the PDF's bytes), without copying them.</summary>
    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => memory.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(buffer.Length, memory.Length - _position);
            memory.Span.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
