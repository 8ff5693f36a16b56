using System.Buffers.Binary;

namespace ExpenseFlow.Recognition.Imaging;

/// <summary>
/// An image's size as its own header declares it (JPEG SOF, PNG IHDR, JPEG 2000 ihdr/SIZ), read without a decoder: the
/// size a decoder will allocate, whatever a container (a PDF's /Width and /Height) says about it.
/// </summary>
internal static class ImageHeader
{
    /// <summary>Width and height, or null when the bytes are none of these formats or the header is not found.</summary>
    public static (long Width, long Height)? TryReadSize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            && bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
            return (BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]));
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8) return Jpeg(bytes);
        if (bytes.Length >= 12 && bytes[4..12].SequenceEqual((ReadOnlySpan<byte>)[0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A])) return Jp2(bytes);
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0x4F && bytes[2] == 0xFF && bytes[3] == 0x51) return Siz(bytes[2..]);
        return null;
    }

    /// <summary>The largest frame a JPEG declares (SOF0–SOF15 except DHT, JPG and DAC), walking its marker segments.</summary>
    private static (long, long)? Jpeg(ReadOnlySpan<byte> b)
    {
        (long W, long H)? largest = null;
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF) { i++; continue; } // tolerate padding or garbage between segments, as decoders do
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; } // no length
            if (marker == 0xD9) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && i + 9 <= b.Length)
            {
                long h = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]), w = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]);
                // A height of 0 defers to a DNL marker after the scan: the decoder cannot know the size up front, so neither can we.
                if (h == 0) h = ushort.MaxValue;
                if (largest is null || w * h > largest.Value.W * largest.Value.H) largest = (w, h);
            }
            if (marker == 0xDA) break; // the first scan: every frame header comes before it
            i += 2 + length;
        }
        return largest;
    }

    /// <summary>JP2: the Image Header box (ihdr: height, width) inside the JP2 Header box; else the codestream's SIZ.</summary>
    private static (long, long)? Jp2(ReadOnlySpan<byte> b)
    {
        var ihdr = b.IndexOf("ihdr"u8);
        if (ihdr >= 4 && ihdr + 12 <= b.Length)
            return (BinaryPrimitives.ReadUInt32BigEndian(b[(ihdr + 8)..]), BinaryPrimitives.ReadUInt32BigEndian(b[(ihdr + 4)..]));
        var siz = b.IndexOf((ReadOnlySpan<byte>)[0xFF, 0x4F, 0xFF, 0x51]);
        return siz >= 0 ? Siz(b[(siz + 2)..]) : null;
    }

    /// <summary>The SIZ marker segment: Lsiz, Rsiz, Xsiz, Ysiz, XOsiz, YOsiz — the image area is (Xsiz − XOsiz) × (Ysiz − YOsiz).</summary>
    private static (long, long)? Siz(ReadOnlySpan<byte> b)
    {
        if (b.Length < 22) return null;
        long x = BinaryPrimitives.ReadUInt32BigEndian(b[6..]), y = BinaryPrimitives.ReadUInt32BigEndian(b[10..]);
        long x0 = BinaryPrimitives.ReadUInt32BigEndian(b[14..]), y0 = BinaryPrimitives.ReadUInt32BigEndian(b[18..]);
        return (Math.Max(0, x - x0), Math.Max(0, y - y0));
    }

    /// <summary>Refuses an image whose own header declares more pixels than the engine decodes.</summary>
    public static void EnsureWithinLimit(ReadOnlySpan<byte> bytes, RecognitionOptions options, string what)
    {
        if (TryReadSize(bytes) is { } size && size.Width * size.Height > options.MaxImagePixels)
            throw new RecognitionException(ErrorCodes.TooLarge, $"{what} {size.Width}x{size.Height} exceeds {options.MaxImagePixels} pixels");
    }
}
