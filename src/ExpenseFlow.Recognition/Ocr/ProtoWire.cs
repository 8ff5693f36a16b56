using System.Text;

namespace ExpenseFlow.Recognition.Ocr;

/// <summary>One field of a protobuf message: its number, wire type, varint value or payload range, and its raw bytes.</summary>
internal readonly record struct ProtoField(int Number, int Wire, ulong Value, int Start, int End, int RawStart)
{
    public ReadOnlySpan<byte> Payload(byte[] buffer) => buffer.AsSpan(Start, End - Start);
    public ReadOnlySpan<byte> Raw(byte[] buffer) => buffer.AsSpan(RawStart, End - RawStart);
    public string Text(byte[] buffer) => Encoding.UTF8.GetString(Payload(buffer));
    public byte[] Bytes(byte[] buffer) => Payload(buffer).ToArray();
}

/// <summary>The protobuf wire format, just enough to read and rewrite ONNX graphs (no schema, unknown fields kept raw).</summary>
internal static class ProtoWire
{
    public static List<ProtoField> Fields(byte[] buffer) => Fields(buffer, 0, buffer.Length);

    public static List<ProtoField> Fields(byte[] buffer, int start, int end)
    {
        var fields = new List<ProtoField>();
        var i = start;
        while (i < end)
        {
            var rawStart = i;
            var key = Varint(buffer, ref i);
            int number = (int)(key >> 3), wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    var v = Varint(buffer, ref i);
                    fields.Add(new ProtoField(number, wire, v, i, i, rawStart));
                    break;
                case 1:
                    fields.Add(new ProtoField(number, wire, 0, i, i + 8, rawStart));
                    i += 8;
                    break;
                case 5:
                    fields.Add(new ProtoField(number, wire, 0, i, i + 4, rawStart));
                    i += 4;
                    break;
                case 2:
                    var length = (int)Varint(buffer, ref i);
                    if (length < 0 || i + length > end) throw new InvalidDataException("protobuf length out of range");
                    fields.Add(new ProtoField(number, wire, 0, i, i + length, rawStart));
                    i += length;
                    break;
                default:
                    throw new InvalidDataException($"protobuf wire type {wire}");
            }
        }
        if (i != end) throw new InvalidDataException("protobuf field overruns its message");
        return fields;
    }

    public static List<ProtoField> Fields(byte[] buffer, ProtoField message) => Fields(buffer, message.Start, message.End);

    private static ulong Varint(byte[] buffer, ref int i)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = buffer[i++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return result;
        }
        throw new InvalidDataException("protobuf varint too long");
    }

    /// <summary>Packed or repeated varints (e.g. int64 dims, ints attributes).</summary>
    public static List<long> Int64s(byte[] buffer, IEnumerable<ProtoField> fields, int number)
    {
        var values = new List<long>();
        foreach (var f in fields.Where(f => f.Number == number))
        {
            if (f.Wire == 0) { values.Add((long)f.Value); continue; }
            for (var i = f.Start; i < f.End;) values.Add((long)Varint(buffer, ref i));
        }
        return values;
    }

    public static void WriteVarint(Stream s, ulong value)
    {
        while (value >= 0x80)
        {
            s.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        s.WriteByte((byte)value);
    }

    public static void WriteVarintField(Stream s, int number, ulong value)
    {
        WriteVarint(s, (ulong)number << 3);
        WriteVarint(s, value);
    }

    public static void WriteBytesField(Stream s, int number, ReadOnlySpan<byte> payload)
    {
        WriteVarint(s, ((ulong)number << 3) | 2);
        WriteVarint(s, (ulong)payload.Length);
        s.Write(payload);
    }

    public static void WriteStringField(Stream s, int number, string text) => WriteBytesField(s, number, Encoding.UTF8.GetBytes(text));

    public static void WriteFloatField(Stream s, int number, float value)
    {
        WriteVarint(s, ((ulong)number << 3) | 5);
        Span<byte> b = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(b, value);
        s.Write(b);
    }

    public static byte[] Message(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }
}
