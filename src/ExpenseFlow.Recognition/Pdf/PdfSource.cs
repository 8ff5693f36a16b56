using System.Diagnostics;
using ExpenseFlow.Recognition.Imaging;
using ExpenseFlow.Recognition.Text;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace ExpenseFlow.Recognition.Pdf;

/// <summary>A PDF read with PdfPig: words with positions (top-down, in points), page images, and a raster fallback.</summary>
internal sealed class PdfSource : IDisposable
{
    private readonly PdfDocument _doc;
    private readonly byte[] _bytes;
    private readonly RecognitionOptions _options;

    private PdfSource(PdfDocument doc, byte[] bytes, RecognitionOptions options) => (_doc, _bytes, _options) = (doc, bytes, options);

    public static PdfSource Open(byte[] bytes, RecognitionOptions options)
    {
        PdfDocument doc;
        try
        {
            doc = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new RecognitionException(ErrorCodes.Encrypted, ex.Message);
        }
        catch (Exception ex) when (ex is not RecognitionException and not OutOfMemoryException)
        {
            throw new RecognitionException(ErrorCodes.Corrupt, ex.Message);
        }
        if (doc.IsEncrypted)
        {
            doc.Dispose();
            throw new RecognitionException(ErrorCodes.Encrypted);
        }
        if (doc.NumberOfPages == 0)
        {
            doc.Dispose();
            throw new RecognitionException(ErrorCodes.Corrupt, "PDF without pages");
        }
        if (doc.NumberOfPages > options.MaxPdfPages)
        {
            var n = doc.NumberOfPages;
            doc.Dispose();
            throw new RecognitionException(ErrorCodes.TooManyPages, $"{n} pages, limit {options.MaxPdfPages}");
        }
        return new PdfSource(doc, bytes, options);
    }

    public int PageCount => _doc.NumberOfPages;

    /// <summary>The page's height in points, the unit of its text lines.</summary>
    public double PageHeightPoints(int pageIndex) => _doc.GetPage(pageIndex + 1).Height;

    /// <summary>Text segments of a page: words on one baseline joined unless a wide gap separates them (label | value).</summary>
    public List<TextLine> TextLines(int pageIndex)
    {
        var page = _doc.GetPage(pageIndex + 1);
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        var lines = new List<TextLine>();
        foreach (var row in GroupRows(words, page.Height))
        {
            Word? prev = null;
            var current = new List<Word>();
            foreach (var w in row.OrderBy(w => w.BoundingBox.Left))
            {
                if (prev is not null && w.BoundingBox.Left - prev.BoundingBox.Right > 1.5 * Size(prev))
                {
                    lines.Add(ToLine(current, page.Height));
                    current = [];
                }
                current.Add(w);
                prev = w;
            }
            if (current.Count > 0) lines.Add(ToLine(current, page.Height));
        }
        return lines;
    }

    /// <summary>Words sharing a baseline form a row (CJK and digit glyph boxes differ in height, baselines do not).</summary>
    private static List<List<Word>> GroupRows(List<Word> words, double pageHeight)
    {
        var rows = new List<List<Word>>();
        foreach (var w in words.OrderByDescending(Baseline))
        {
            var row = rows.FirstOrDefault(r => Math.Abs(Baseline(r[0]) - Baseline(w)) < Math.Max(1, Size(r[0]) * 0.3));
            if (row is null) rows.Add([w]); else row.Add(w);
        }
        return rows;
    }

    private static double Baseline(Word w) => w.Letters.Count > 0 ? w.Letters[0].StartBaseLine.Y : w.BoundingBox.Bottom;

    /// <summary>The font size: glyph boxes of some embedded fonts have no height, the point size always has one.</summary>
    private static double Size(Word w) => Math.Max(1, Math.Max(w.BoundingBox.Height, w.Letters.Count > 0 ? w.Letters.Max(l => l.PointSize) : 0));

    private static TextLine ToLine(List<Word> words, double pageHeight)
    {
        var left = words.Min(w => w.BoundingBox.Left);
        var right = words.Max(w => w.BoundingBox.Right);
        var size = words.Max(Size);
        var baseline = words.Min(Baseline);
        var top = baseline + 0.85 * size;
        var bottom = baseline - 0.15 * size;
        var text = TextNormalizer.Normalize(string.Join(" ", words.Select(w => w.Text)));
        return new TextLine(text, 1, (float)left, (float)(pageHeight - top), (float)(right - left), (float)(top - bottom));
    }

    /// <summary>Images drawn on the page, decoded (for QR codes and scanned pages); undecodable ones are skipped.</summary>
    public IEnumerable<SKBitmap> PageImages(int pageIndex)
    {
        var page = _doc.GetPage(pageIndex + 1);
        foreach (var image in page.GetImages().Take(20))
        {
            if ((long)image.WidthInSamples * image.HeightInSamples > _options.MaxImagePixels) continue;
            var bmp = Decode(image);
            if (bmp is not null) yield return bmp;
        }
    }

    private static SKBitmap? Decode(IPdfImage image)
    {
        try
        {
            if (image.TryGetPng(out var png)) return SKBitmap.Decode(png);
            var raw = image.RawBytes.ToArray();
            return SKBitmap.Decode(raw);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The page as a bitmap: the embedded scan when one image covers the page, else pdftoppm at 200 dpi.</summary>
    public SKBitmap PageBitmap(int pageIndex)
    {
        var page = _doc.GetPage(pageIndex + 1);
        var big = page.GetImages().FirstOrDefault(i => i.BoundingBox.Width * i.BoundingBox.Height > 0.5 * page.Width * page.Height);
        if (big is not null && (long)big.WidthInSamples * big.HeightInSamples <= _options.MaxImagePixels && Decode(big) is { } bmp) return bmp;
        return Rasterise(pageIndex);
    }

    private SKBitmap Rasterise(int pageIndex)
    {
        var dir = Directory.CreateTempSubdirectory("expenseflow-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(input, _bytes);
            var psi = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "-r", "200", "-f", (pageIndex + 1).ToString(), "-l", (pageIndex + 1).ToString(), "-png", "-singlefile", "-scale-to", "3000", input, Path.Combine(dir.FullName, "page") })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi) ?? throw new RecognitionException(ErrorCodes.Unsupported, "pdftoppm could not start");
            if (!p.WaitForExit(30_000))
            {
                p.Kill(entireProcessTree: true);
                throw new RecognitionException(ErrorCodes.Timeout, "pdftoppm timed out");
            }
            var output = Path.Combine(dir.FullName, "page.png");
            if (p.ExitCode != 0 || !File.Exists(output)) throw new RecognitionException(ErrorCodes.Corrupt, "pdftoppm failed: " + p.StandardError.ReadToEnd());
            return ImageLoader.Decode(File.ReadAllBytes(output), _options);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new RecognitionException(ErrorCodes.Unsupported, "pdftoppm (poppler-utils) is not installed: " + ex.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public void Dispose() => _doc.Dispose();
}
