using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace ExpenseFlow.Insights.Application.Reports;

/// <summary>
/// The one font of the PDF exports: WenQuanYi Micro Hei from the Debian package <c>fonts-wqy-microhei</c>, which has Latin
/// and CJK glyphs as TrueType (<c>glyf</c>) outlines that PDFsharp can embed and subset. (Noto CJK is CFF-based, which
/// PDFsharp cannot embed; Droid Sans Fallback lacks Latin letters.) Bold is simulated by PDFsharp.
/// </summary>
internal sealed class RoiPdfFont : IFontResolver
{
    public const string Family = "ExpenseFlow Report";
    public const string FontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    public const string DebianPackage = "fonts-wqy-microhei";
    const string Face = "wqy-microhei";

    static readonly object Gate = new();
    static byte[]? fontBytes;

    /// <summary>
    /// Installs the resolver once per process. PDFsharp takes a global resolver that cannot be replaced once fonts were
    /// used, so concurrent exports serialise here and a resolver someone else installed is reported, not overwritten.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (GlobalFontSettings.FontResolver is RoiPdfFont) return;
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is RoiPdfFont) return;
            if (GlobalFontSettings.FontResolver is { } other)
                throw new InvalidOperationException(
                    $"The ROI PDF export needs its own PDFsharp font resolver, but {other.GetType().FullName} is already installed.");
            fontBytes ??= Load();
            GlobalFontSettings.FontResolver = new RoiPdfFont();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == Face ? fontBytes : null;

    static byte[] Load()
    {
        if (!File.Exists(FontPath))
            throw new FileNotFoundException(
                $"The PDF export needs the TrueType CJK font {FontPath} from the Debian package {DebianPackage}; install it with " +
                $"'apt-get install {DebianPackage}' (etc/scripts/install-prereqs.sh does).", FontPath);
        return FirstFace(File.ReadAllBytes(FontPath));
    }

    /// <summary>
    /// PDFsharp reads single fonts, not TrueType collections (.ttc): copies the collection's first face into a standalone
    /// sfnt, its tables unchanged and their offsets rebased. A plain .ttf is returned as it is.
    /// </summary>
    internal static byte[] FirstFace(byte[] file)
    {
        if (file.Length < 16 || BinaryPrimitives.ReadUInt32BigEndian(file) != 0x74746366) return file; // "ttcf"
        var face = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(face + 4));
        var directory = 12 + 16 * tables;
        var records = Enumerable.Range(0, tables).Select(i => face + 12 + 16 * i).ToList();
        var size = directory + records.Sum(r => Padded((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(r + 12))));
        var output = new byte[size];
        file.AsSpan(face, 12).CopyTo(output);
        var at = directory;
        for (var i = 0; i < tables; i++)
        {
            var record = records[i];
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(record + 8));
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(record + 12));
            file.AsSpan(record, 8).CopyTo(output.AsSpan(12 + 16 * i)); // tag and checksum
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(12 + 16 * i + 8), (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(12 + 16 * i + 12), (uint)length);
            file.AsSpan(offset, length).CopyTo(output.AsSpan(at));
            at += Padded(length);
        }
        return output;
    }

    static int Padded(int length) => (length + 3) & ~3;
}
