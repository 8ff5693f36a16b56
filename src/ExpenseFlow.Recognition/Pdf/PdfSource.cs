using ExpenseFlow.Recognition.Imaging;
using ExpenseFlow.Recognition.Text;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokens;

namespace ExpenseFlow.Recognition.Pdf;

/// <summary>A PDF read with PdfPig: words with positions (top-down, in points), page images, and a raster fallback.</summary>
internal sealed class PdfSource : IDisposable
{
    private readonly PdfDocument _doc;
    private readonly byte[] _bytes;
    private readonly RecognitionOptions _options;

    private PdfSource(PdfDocument doc, byte[] bytes, RecognitionOptions options) => (_doc, _bytes, _options) = (doc, bytes, options);

    public static PdfSource Open(byte[] bytes, RecognitionOptions options, CancellationToken cancellationToken)
    {
        PdfPreflight.Check(bytes, options, cancellationToken);
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
    public IEnumerable<SKBitmap> PageImages(int pageIndex, CancellationToken cancellationToken)
    {
        var page = _doc.GetPage(pageIndex + 1);
        foreach (var image in page.GetImages().Take(20))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((long)image.WidthInSamples * image.HeightInSamples > _options.MaxImagePixels) continue;
            var bmp = Decode(image, cancellationToken);
            if (bmp is not null) yield return bmp;
        }
    }

    /// <summary>
    /// An image as its own bytes say, not as the PDF's dictionary says: a JPEG, PNG or JPEG 2000 whose header declares
    /// more pixels than the limit is refused (the document with it) before any decoder runs, and an inline image's
    /// filters are measured under the cap first (the preflight measured every other stream).
    /// </summary>
    private SKBitmap? Decode(IPdfImage image, CancellationToken cancellationToken)
    {
        var raw = image.RawMemory;
        ImageHeader.EnsureWithinLimit(raw.Span, _options, "image in the PDF");
        try
        {
            if (image.IsInlineImage) MeasureInline(image, raw, cancellationToken);
            if (image.TryGetPng(out var png)) return ImageLoader.Decode(png, _options);
            return ImageLoader.Decode(raw.ToArray(), _options);
        }
        catch (RecognitionException ex) when (ex.Code == ErrorCodes.Corrupt)
        {
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or IndexOutOfRangeException or InvalidDataException)
        {
            return null;
        }
    }

    private void MeasureInline(IPdfImage image, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken)
    {
        var dictionary = image.ImageDictionary.Data;
        var value = dictionary.TryGetValue("Filter", out var f) ? f : dictionary.TryGetValue("F", out var abbreviated) ? abbreviated : null;
        var filters = value switch
        {
            NameToken name => [name.Data],
            ArrayToken array => array.Data.OfType<NameToken>().Select(n => n.Data).ToList(),
            _ => new List<string>(),
        };
        var limit = 4 * _options.MaxImagePixels + (1 << 20);
        try
        {
            StreamFilters.Measure(raw, filters, limit, false, out _, cancellationToken);
        }
        catch (StreamFilters.LimitExceededException)
        {
            throw new RecognitionException(ErrorCodes.ZipBomb, $"an inline image decodes to more than {limit} bytes");
        }
    }

    /// <summary>The page as a bitmap: the embedded scan when one image covers the page, else pdftoppm at 200 dpi.</summary>
    public SKBitmap PageBitmap(int pageIndex, CancellationToken cancellationToken)
    {
        var page = _doc.GetPage(pageIndex + 1);
        var big = page.GetImages().FirstOrDefault(i => i.BoundingBox.Width * i.BoundingBox.Height > 0.5 * page.Width * page.Height);
        if (big is not null && (long)big.WidthInSamples * big.HeightInSamples <= _options.MaxImagePixels && Decode(big, cancellationToken) is { } bmp) return bmp;
        return Pdftoppm.Rasterise(_bytes, pageIndex, _options, cancellationToken);
    }

    public void Dispose() => _doc.Dispose();
}
