using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ExpenseFlow.TestBase.Mutation;

/// <summary>
/// Structural mutants of binary containers. ZIP (OFD): a corrupt central directory, huge declared sizes, path traversal
/// entry names, a nested zip, a zip bomb, thousands of entries, and XML mutants of an entry. PDF: a broken xref, a
/// truncated stream, a lying /Length or /Count, deep nesting. Images: broken headers and huge declared dimensions.
/// </summary>
public static class BinaryMutants
{
    public static IEnumerable<Mutant> Zip(Mutator m, string name, byte[] zip, int count)
    {
        ArgumentNullException.ThrowIfNull(m);
        for (var i = 0; i < count; i++)
        {
            yield return (i % 9) switch
            {
                0 => new($"{name}: central directory corrupted", CorruptCentralDirectory(m, zip)),
                1 => new($"{name}: declared sizes 4 GB", DeclaredSizes(zip, uint.MaxValue)),
                2 => Rewritten(m, zip, $"{name}: path traversal entry", (entry, _) => m.Pick(new[] { "../../../../etc/passwd", "/etc/passwd", "..\\..\\win.ini", "Doc_0/../../x.xml" }), null),
                3 => Rewritten(m, zip, $"{name}: nested zip", null, a => Add(a, "Doc_0/Res/inner.zip", zip)),
                4 => Rewritten(m, zip, $"{name}: 100 MB of zeros", null, a => AddZeros(a, "Doc_0/Res/bomb.bin", 100 * 1024 * 1024)),
                5 => Rewritten(m, zip, $"{name}: 20,000 entries", null, a =>
                {
                    for (var n = 0; n < 20_000; n++)
                    {
                        Add(a, $"Doc_0/Res/{n}.txt", [(byte)'x']);
                    }
                }),
                6 => EntryXml(m, name, zip, i / 9),
                7 => Rewritten(m, zip, $"{name}: every entry stored twice", null, a =>
                {
                    foreach (var entry in Entries(zip))
                    {
                        Add(a, entry.Name, entry.Bytes);
                    }
                }),
                _ => m.FlipBits(name, zip),
            };
        }
    }

    /// <summary>An XML mutant of one entry of the archive (OFD.xml, a page, a tag file), the rest unchanged.</summary>
    private static Mutant EntryXml(Mutator m, string name, byte[] zip, int round)
    {
        var entries = Entries(zip).Where(e => e.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList();
        var target = m.Pick(entries);
        Mutant mutant;
        try
        {
            mutant = XmlMutants.Of(m, target.Name, Encoding.UTF8.GetString(target.Bytes).TrimStart('\uFEFF'), round + 1).Last();
        }
        catch (System.Xml.XmlException)
        {
            mutant = m.FlipBits(target.Name + " (not XML to us)", target.Bytes);
        }

        return Rewritten(m, zip, $"{name}: {mutant.Name}", null, null, (target.Name, mutant.Bytes));
    }

    private static byte[] CorruptCentralDirectory(Mutator m, byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        var eocd = LastIndexOf(bytes, [0x50, 0x4B, 0x05, 0x06]);
        if (eocd < 0)
        {
            return bytes;
        }

        var start = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(eocd + 16));
        for (var i = 0; i < 16; i++)
        {
            bytes[m.Random.Next(Math.Min(start, eocd), bytes.Length)] = (byte)m.Random.Next(256);
        }

        return bytes;
    }

    private static byte[] DeclaredSizes(byte[] zip, uint size)
    {
        var bytes = (byte[])zip.Clone();
        for (var at = IndexOf(bytes, [0x50, 0x4B, 0x01, 0x02], 0); at >= 0; at = IndexOf(bytes, [0x50, 0x4B, 0x01, 0x02], at + 4))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), size);
        }

        return bytes;
    }

    private static List<(string Name, byte[] Bytes)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var s = e.Open();
            using var buffer = new MemoryStream();
            s.CopyTo(buffer);
            return (e.FullName, buffer.ToArray());
        }).ToList();
    }

    /// <summary>The archive written again, entries renamed or replaced, with more added.</summary>
    private static Mutant Rewritten(Mutator m, byte[] zip, string name, Func<string, int, string>? rename, Action<ZipArchive>? add, (string Name, byte[] Bytes)? replace = null)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entries = Entries(zip);
            var renamed = rename is null ? -1 : m.Random.Next(entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                var (entryName, bytes) = entries[i];
                if (replace is { } r && r.Name == entryName)
                {
                    bytes = r.Bytes;
                }

                Add(archive, i == renamed ? rename!(entryName, i) : entryName, bytes);
            }

            add?.Invoke(archive);
        }

        return new(name, output.ToArray());
    }

    private static void Add(ZipArchive archive, string name, byte[] bytes)
    {
        using var s = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
        s.Write(bytes);
    }

    private static void AddZeros(ZipArchive archive, string name, int size)
    {
        using var s = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
        var block = new byte[1024 * 1024];
        for (var written = 0; written < size; written += block.Length)
        {
            s.Write(block);
        }
    }

    public static IEnumerable<Mutant> Pdf(Mutator m, string name, byte[] pdf, int count)
    {
        ArgumentNullException.ThrowIfNull(m);
        var text = Encoding.Latin1.GetString(pdf);
        for (var i = 0; i < count; i++)
        {
            yield return (i % 8) switch
            {
                0 => new($"{name}: xref offsets garbled", Latin1(Garble(m, text, text.LastIndexOf("xref", StringComparison.Ordinal), 200))),
                1 => new($"{name}: startxref beyond the file", Latin1(ReplaceAfter(text, "startxref", "\n99999999999\n%%EOF\n"))),
                2 => new($"{name}: a stream truncated", Latin1(TruncateStream(m, text))),
                3 => new($"{name}: /Length 999999999", Latin1(ReplaceFirstNumberAfter(m, text, "/Length", "999999999"))),
                4 => new($"{name}: /Count 1000000", Latin1(ReplaceFirstNumberAfter(m, text, "/Count", "1000000"))),
                5 => new($"{name}: 100,000 nested arrays", Latin1(text.Insert(Math.Max(0, text.IndexOf("<<", StringComparison.Ordinal) + 2),
                    "/Evil " + new string('[', 100_000) + new string(']', 100_000) + " "))),
                6 => new($"{name}: %%EOF and trailer cut", Latin1(text[..Math.Max(0, text.LastIndexOf("trailer", StringComparison.Ordinal))])),
                _ => m.Bytes(name, pdf, 6).ElementAt(m.Random.Next(6)),
            };
        }
    }

    private static string Garble(Mutator m, string text, int at, int length)
    {
        if (at < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = at + 5; i < Math.Min(chars.Length, at + length); i++)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                chars[i] = (char)('0' + m.Random.Next(10));
            }
        }

        return new string(chars);
    }

    private static string ReplaceAfter(string text, string keyword, string replacement)
    {
        var at = text.LastIndexOf(keyword, StringComparison.Ordinal);
        return at < 0 ? text + keyword + replacement : text[..(at + keyword.Length)] + replacement;
    }

    private static string TruncateStream(Mutator m, string text)
    {
        var starts = AllIndexes(text, "stream\n").Concat(AllIndexes(text, "stream\r\n")).Where(i => i < 3 || text[(i - 3)..i] != "end").ToList();
        if (starts.Count == 0)
        {
            return text;
        }

        var start = m.Pick(starts) + 7;
        var end = text.IndexOf("endstream", start, StringComparison.Ordinal);
        return end < 0 ? text : text[..(start + (end - start) / 2)] + text[end..];
    }

    private static string ReplaceFirstNumberAfter(Mutator m, string text, string key, string number)
    {
        var found = AllIndexes(text, key).ToList();
        if (found.Count == 0)
        {
            return text;
        }

        var at = m.Pick(found) + key.Length;
        var start = at;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return text[..start] + number + text[end..];
    }

    public static IEnumerable<Mutant> Image(Mutator m, string name, byte[] image, int count)
    {
        ArgumentNullException.ThrowIfNull(m);
        var png = image.Length > 8 && image[0] == 0x89 && image[1] == (byte)'P';
        for (var i = 0; i < count; i++)
        {
            yield return (i % 4) switch
            {
                0 => new($"{name}: declared 100000×100000", png ? PngSize(image, 100_000, 100_000, fixCrc: true) : JpegSize(image, 65_500, 65_500)),
                1 => new($"{name}: header broken", png ? PngSize(image, 0, 0, fixCrc: false) : Patch(image, 2, [0xFF, 0x00, 0x00, 0x02])),
                2 => new($"{name}: pixel data cut in half", image[..(image.Length / 2)]),
                _ => m.FlipBits(name, image),
            };
        }
    }

    private static byte[] PngSize(byte[] png, int width, int height, bool fixCrc)
    {
        var bytes = (byte[])png.Clone();
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        if (fixCrc)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        }

        return bytes;
    }

    /// <summary>PNG's chunk CRC (ISO 3309), so a mutant with a huge size passes the CRC check and reaches the size check.</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static byte[] JpegSize(byte[] jpeg, ushort width, ushort height)
    {
        var bytes = (byte[])jpeg.Clone();
        for (var i = 2; i + 9 < bytes.Length; i++)
        {
            if (bytes[i] == 0xFF && bytes[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i + 5), height);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i + 7), width);
                break;
            }
        }

        return bytes;
    }

    private static byte[] Patch(byte[] bytes, int at, byte[] with)
    {
        var copy = (byte[])bytes.Clone();
        with.CopyTo(copy.AsSpan(Math.Min(at, Math.Max(0, copy.Length - with.Length))));
        return copy;
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static IEnumerable<int> AllIndexes(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    private static int IndexOf(byte[] bytes, byte[] value, int from) => bytes.AsSpan(from).IndexOf(value) is var i and >= 0 ? from + i : -1;

    private static int LastIndexOf(byte[] bytes, byte[] value) => bytes.AsSpan().LastIndexOf(value);
}
