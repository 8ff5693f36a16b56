using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using ExpenseFlow.Recognition.Tests.Support;
using SkiaSharp;

namespace ExpenseFlow.Recognition.Tests.Input;

/// <summary>
/// PDFs built to exhaust the reader, each generated here: every one ends with a clear refusal, quickly, never with an
/// out-of-memory, a hang or a crashed process.
/// </summary>
public class HostilePdfTests
{
    private static readonly RecognitionEngine Engine = TestData.ExactOnly();

    /// <summary>Refused, with the code, within a few seconds.</summary>
    private static RecognitionResult Refused(byte[] pdf, string expectedError)
    {
        var watch = Stopwatch.StartNew();
        var result = Engine.Recognize(pdf, "hostile.pdf");
        result.Error.ShouldBe(expectedError, string.Join(" | ", result.Warnings));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        result.Warnings.ShouldNotBeEmpty(); // the reason, for the log
        return result;
    }

    /// <summary>A one-page PDF whose page shows an image XObject with the given dictionary entries and bytes.</summary>
    private static byte[] PageWithImage(string imageEntries, byte[] imageBytes, string? text = null)
    {
        var pdf = new RawPdf();
        var catalog = pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R " +
                "/Resources << /XObject << /Im0 5 0 R >> /Font << /F1 6 0 R >> >> >>");
        var content = "q 200 0 0 200 0 0 cm /Im0 Do Q" + (text is null ? "" : $" BT /F1 12 Tf 20 20 Td ({text}) Tj ET");
        pdf.AddStream("", Encoding.ASCII.GetBytes(content));
        pdf.AddStream("/Type /XObject /Subtype /Image " + imageEntries, imageBytes);
        pdf.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        return pdf.Build(catalog);
    }

    /// <summary>A real 16×16 JPEG whose frame header (SOF0) is rewritten to declare the given size.</summary>
    private static byte[] JpegDeclaring(int width, int height)
    {
        using var bmp = new SKBitmap(16, 16);
        bmp.Erase(SKColors.White);
        var jpeg = InvoiceRenderer.Encode(bmp, SKEncodedImageFormat.Jpeg, 80);
        var sof = jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        sof.ShouldBeGreaterThan(0);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), (ushort)width);
        return jpeg;
    }

    [Fact]
    public void Recognize_ScannedPdfWhoseJpegIsHugerThanItsDictionarySays_IsRefusedBeforeDecoding()
    {
        // The dictionary says 16×16; the JPEG's own header says 20000×20000 (400 MP, 1.6 GB of pixels).
        var pdf = PageWithImage("/Width 16 /Height 16 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode", JpegDeclaring(20000, 20000));

        var result = Refused(pdf, ErrorCodes.TooLarge);

        result.Warnings.ShouldContain(w => w.Contains("20000x20000"));
    }

    [Fact]
    public void Recognize_TextPdfWithAJpegBombWhereTheQrIsSearched_IsRefused() =>
        Refused(PageWithImage("/Width 16 /Height 16 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode",
            JpegDeclaring(20000, 20000), text: "Invoice 12345678"), ErrorCodes.TooLarge);

    [Fact]
    public void Recognize_PdfWithAJpeg2000DeclaringAHugeImage_IsRefused()
    {
        // A JPEG 2000 codestream: SOC, then SIZ declaring 100000×100000.
        var siz = new byte[2 + 2 + 2 + 2 + 16 + 16 + 2];
        siz[0] = 0xFF; siz[1] = 0x4F; siz[2] = 0xFF; siz[3] = 0x51;
        BinaryPrimitives.WriteUInt16BigEndian(siz.AsSpan(4), 41);
        BinaryPrimitives.WriteUInt32BigEndian(siz.AsSpan(8), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(siz.AsSpan(12), 100_000);
        var pdf = PageWithImage("/Width 16 /Height 16 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /JPXDecode", siz);

        Refused(pdf, ErrorCodes.TooLarge);
    }

    [Fact]
    public void Recognize_PdfWhosePageContentInflatesToAGigabyte_IsRefusedAtTheCap()
    {
        var bomb = RawPdf.ZerosDeflated(1L << 30); // 6.5 MB that inflate to 1 GB
        var pdf = new RawPdf();
        var catalog = pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R >>");
        pdf.AddStream("/Filter /FlateDecode", bomb);
        var allocated = GC.GetTotalAllocatedBytes();

        var result = Refused(pdf.Build(catalog), ErrorCodes.ZipBomb);

        result.Warnings.ShouldContain(w => w.Contains("decodes to more than"));
        (GC.GetTotalAllocatedBytes() - allocated).ShouldBeLessThan(512L << 20, "measured under the cap, never inflated whole");
    }

    [Fact]
    public void Recognize_PdfWhoseStreamsTogetherInflatePastTheTotal_IsRefused()
    {
        var pdf = new RawPdf();
        var catalog = pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        var fonts = Enumerable.Range(0, 12).Select(i => $"/F{i} {i + 5} 0 R");
        pdf.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R /Resources << /Font << {string.Join(" ", fonts)} >> >> >>");
        pdf.AddStream("", "BT ET"u8.ToArray());
        var chunk = RawPdf.ZerosDeflated(30L << 20); // each under the per-stream cap, 12 of them past the total
        for (var i = 0; i < 12; i++) pdf.AddStream("/Filter /FlateDecode /Length1 1", chunk);

        var result = Refused(pdf.Build(catalog), ErrorCodes.ZipBomb);

        result.Warnings.ShouldContain(w => w.Contains("together"));
    }

    [Fact]
    public void Recognize_PdfWhosePageTreeContainsItself_IsRefusedAsCorrupt()
    {
        var pdf = new RawPdf();
        var catalog = pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>");
        pdf.Add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>");

        Refused(pdf.Build(catalog), ErrorCodes.Corrupt);
    }

    [Fact]
    public void Recognize_PdfWithAPageTreeTwentyThousandLevelsDeep_IsRefused()
    {
        Refused(DeepTree(20_000), ErrorCodes.TooLarge).Warnings.ShouldContain(w => w.Contains("nested"));
    }

    /// <summary>PdfPig walks the tree recursively: a hundred thousand levels overflowed its stack and ended the process.</summary>
    [Fact]
    public void Recognize_PdfWithAPageTreeAHundredThousandLevelsDeep_IsRefusedWithoutCrashing() =>
        Refused(DeepTree(100_000), ErrorCodes.TooLarge);

    [Fact]
    public void Recognize_DeepPageTreeHiddenInACompressedObjectStream_IsStillRefused()
    {
        // The same tree, its nodes packed into an object stream (PDF 1.5), so they are not plain "N 0 obj" in the file.
        const int depth = 20_000;
        var header = new StringBuilder();
        var bodies = new StringBuilder();
        const int first = 10; // numbers after the file's own objects
        for (var i = 0; i < depth; i++)
        {
            header.Append($"{first + i} {bodies.Length} ");
            bodies.Append($"<< /Type /Pages /Kids [{first + i + 1} 0 R] /Count 1 >>\n");
        }
        header.Append($"{first + depth} {bodies.Length} ");
        bodies.Append("<< /Type /Page /MediaBox [0 0 100 100] >>\n");
        var content = Encoding.ASCII.GetBytes(header.ToString() + bodies);
        var pdf = new RawPdf();
        var catalog = pdf.Add($"<< /Type /Catalog /Pages {first} 0 R >>");
        pdf.AddStream($"/Type /ObjStm /N {depth + 1} /First {Encoding.ASCII.GetByteCount(header.ToString())} /Filter /FlateDecode", Deflate(content));

        Refused(pdf.Build(catalog), ErrorCodes.TooLarge);
    }

    private static byte[] DeepTree(int depth)
    {
        var pdf = new RawPdf();
        var catalog = pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        for (var i = 0; i < depth; i++) pdf.Add($"<< /Type /Pages /Kids [{i + 3} 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /MediaBox [0 0 100 100] >>");
        return pdf.Build(catalog);
    }

    private static byte[] Deflate(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(ms, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
        return ms.ToArray();
    }
}
