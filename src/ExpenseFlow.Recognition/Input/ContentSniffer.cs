using System.IO.Compression;
using System.Text;

namespace ExpenseFlow.Recognition.Input;

/// <summary>Decides what a file is from its bytes; the file name is never trusted.</summary>
internal static class ContentSniffer
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static InputKind Detect(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return InputKind.Jpeg;
        if (b.Length >= 8 && b[..8].SequenceEqual(PngSignature)) return InputKind.Png;
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WEBP"u8)) return InputKind.WebP;
        if (b.Length >= 14 && b[0] == (byte)'B' && b[1] == (byte)'M') return InputKind.Bmp;
        if (IndexOfPdfHeader(b) >= 0) return InputKind.Pdf;
        if (b.Length >= 4 && b[0] == (byte)'P' && b[1] == (byte)'K' && b[2] == 3 && b[3] == 4) return InputKind.Ofd; // confirmed by OfdReader
        if (LooksLikeXml(b)) return InputKind.Xml;
        return InputKind.Unknown;
    }

    /// <summary>PDF readers accept the header within the first KiB.</summary>
    private static int IndexOfPdfHeader(ReadOnlySpan<byte> b) => b[..Math.Min(b.Length, 1024)].IndexOf("%PDF-"u8);

    private static bool LooksLikeXml(ReadOnlySpan<byte> b)
    {
        var head = b[..Math.Min(b.Length, 512)];
        if (head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) head = head[3..];
        var text = Encoding.UTF8.GetString(head).TrimStart();
        return text.StartsWith('<') && (text.StartsWith("<?xml", StringComparison.Ordinal) || char.IsLetter(text.ElementAtOrDefault(1)) || text.StartsWith("<!", StringComparison.Ordinal));
    }

    public static bool IsOfdZip(ZipArchive zip) =>
        zip.Entries.Any(e => string.Equals(e.FullName.TrimStart('/'), "OFD.xml", StringComparison.OrdinalIgnoreCase));
}
