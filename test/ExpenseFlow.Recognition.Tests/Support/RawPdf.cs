using System.Text;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>
/// Writes a PDF object by object with a correct cross-reference table, so a test can say exactly what a hostile file
/// holds (a lying image dictionary, a stream that inflates without end, a page tree that points back at itself).
/// </summary>
public sealed class RawPdf
{
    private readonly List<byte[]> _objects = [];

    /// <summary>Adds an object (its body without "N 0 obj"/"endobj") and returns its number.</summary>
    public int Add(string body) => Add(Encoding.ASCII.GetBytes(body));

    public int Add(byte[] body)
    {
        _objects.Add(body);
        return _objects.Count;
    }

    /// <summary>Sets the body of an object reserved earlier (objects may refer to each other in any order).</summary>
    public void Set(int number, string body) => _objects[number - 1] = Encoding.ASCII.GetBytes(body);

    /// <summary>A stream object: the dictionary's entries (without the length) and the encoded bytes.</summary>
    public int AddStream(string dictionaryEntries, byte[] data) => Add(Stream(dictionaryEntries, data));

    public static byte[] Stream(string dictionaryEntries, byte[] data)
    {
        var head = Encoding.ASCII.GetBytes($"<< {dictionaryEntries} /Length {data.Length} >>\nstream\n");
        var tail = Encoding.ASCII.GetBytes("\nendstream");
        return [.. head, .. data, .. tail];
    }

    public byte[] Build(int root)
    {
        using var ms = new MemoryStream();
        void Write(string s) => ms.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.7\n%\u00e2\u00e3\n");
        var offsets = new long[_objects.Count];
        for (var i = 0; i < _objects.Count; i++)
        {
            offsets[i] = ms.Position;
            Write($"{i + 1} 0 obj\n");
            ms.Write(_objects[i]);
            Write("\nendobj\n");
        }
        var xref = ms.Position;
        Write($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer << /Size {_objects.Count + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }

    /// <summary>
    /// A zlib stream that inflates to <paramref name="size"/> zero bytes, written directly with deflate's fixed codes
    /// (one literal, then copies of 258 bytes at distance 1): 13 bits per 258 bytes, so a gigabyte costs 6.5 MB
    /// and no time to make.
    /// </summary>
    public static byte[] ZerosDeflated(long size)
    {
        var bits = new BitWriter();
        bits.Write(1, 1); // final block
        bits.Write(1, 2); // fixed Huffman codes
        bits.WriteCode(0x30, 8); // literal 0
        var left = size - 1;
        while (left >= 258)
        {
            bits.WriteCode(0xC5, 8); // length 258 (code 285)
            bits.WriteCode(0, 5); // distance 1
            left -= 258;
        }
        for (; left > 0; left--) bits.WriteCode(0x30, 8);
        bits.WriteCode(0, 7); // end of block
        var body = bits.ToArray();
        // zlib: header, deflate data, Adler-32 of the output (a = 1 for zeros, b = size mod 65521).
        var adlerB = (uint)(size % 65521);
        return [0x78, 0x01, .. body, (byte)(adlerB >> 8), (byte)adlerB, 0, 1];
    }

    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _acc, _count;

        /// <summary>Plain bit fields go least significant bit first.</summary>
        public void Write(int value, int n)
        {
            for (var i = 0; i < n; i++) Bit((value >> i) & 1);
        }

        /// <summary>Huffman codes go most significant bit first.</summary>
        public void WriteCode(int code, int n)
        {
            for (var i = n - 1; i >= 0; i--) Bit((code >> i) & 1);
        }

        private void Bit(int b)
        {
            _acc |= b << _count;
            if (++_count == 8)
            {
                _bytes.Add((byte)_acc);
                _acc = 0;
                _count = 0;
            }
        }

        public byte[] ToArray()
        {
            if (_count > 0) _bytes.Add((byte)_acc);
            return [.. _bytes];
        }
    }
}
