using System.Diagnostics;
using ExpenseFlow.Recognition.Extraction;
using ExpenseFlow.Recognition.Extraction.Tickets;
using ExpenseFlow.Recognition.Imaging;
using ExpenseFlow.Recognition.Input;
using ExpenseFlow.Recognition.Invoices;
using ExpenseFlow.Recognition.Ocr;
using ExpenseFlow.Recognition.Pdf;
using ExpenseFlow.Recognition.Structured;
using ExpenseFlow.Recognition.Text;
using SkiaSharp;

namespace ExpenseFlow.Recognition;

/// <summary>
/// Bytes + file name in, fields out. Exact sources first (XML, OFD, PDF text, QR), OCR for the rest.
/// Thread-safe: one instance serves a whole process; the OCR models load once, on first need.
/// </summary>
public sealed class RecognitionEngine : IDisposable
{
    private readonly RecognitionOptions _options;
    private readonly Lazy<IOcrEngine> _ocr;
    private readonly bool _ownsOcr;
    private readonly SemaphoreSlim _documents;

    /// <summary>The exact sources (XML, OFD, PDF text, QR) run once over tiny in-memory samples, once per process, in the background.</summary>
    private static readonly Lazy<Task> ExactPathsWarmUp = new(() => Task.Run(() =>
    {
        using var engine = new RecognitionEngine(new RecognitionOptions { EnableOcr = false, WarmUpOnCreate = false });
        foreach (var (name, bytes) in WarmUpSamples.All()) engine.Recognize(bytes, name);
    }), LazyThreadSafetyMode.ExecutionAndPublication);

    public RecognitionEngine(RecognitionOptions? options = null, IOcrEngine? ocr = null)
    {
        _options = options ?? new RecognitionOptions();
        var slots = _options.MaxConcurrentDocuments > 0 ? _options.MaxConcurrentDocuments : Environment.ProcessorCount;
        _documents = new SemaphoreSlim(slots, slots);
        if (_options.WarmUpOnCreate) _ = ExactPathsWarmUp.Value;
        _ownsOcr = ocr is null;
        _ocr = new Lazy<IOcrEngine>(() => ocr ?? new PaddleOcrEngine(PaddleOcrModels.Locate(_options.ModelsDirectory), _options.IntraOpThreads),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public RecognitionOptions Options => _options;

    /// <summary>
    /// Readies everything now rather than on the first request: waits for the exact sources' warm-up and, with OCR on,
    /// loads the OCR models (otherwise loaded on the first image) and runs them once; throws when the models are missing.
    /// </summary>
    public void WarmUp()
    {
        ExactPathsWarmUp.Value.Wait();
        if (_options.EnableOcr) _ = _ocr.Value;
    }

    /// <summary>
    /// Recognises one document within <see cref="RecognitionOptions.Timeout"/>: at the timeout the work is cancelled
    /// where it stands (OCR between steps and inside ONNX Runtime, PDF decoding, pdftoppm killed) and error "timeout" is
    /// returned once it has stopped. At most <see cref="RecognitionOptions.MaxConcurrentDocuments"/> documents run at
    /// once; the wait for a slot is not part of the budget. Cancelling <paramref name="cancellationToken"/> (a host
    /// shutting down) stops the work the same way and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public RecognitionResult Recognize(byte[] bytes, string fileName, CancellationToken cancellationToken = default)
    {
        _documents.Wait(cancellationToken);
        var sw = Stopwatch.StartNew();
        var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.Timeout);
        RecognitionResult? done = null;
        Exception? failure = null;
        // Its own thread: PdfPig builds a page tree recursively, and a stack overflow would end the process. The slot is
        // given back by the worker when it has really stopped, so a document still stopping keeps its place.
        var worker = new Thread(() =>
        {
            try
            {
                done = RecognizeCore(bytes, fileName, budget.Token);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                budget.Dispose();
                _documents.Release();
            }
        }, WorkerStackBytes) { IsBackground = true, Name = "recognition" };
        worker.Start();
        // Every step observes the budget, so the worker ends shortly after it; the grace only bounds the caller's wait
        // for a step that cannot be interrupted (one image decode, one PdfPig page) should one run long.
        var stopped = worker.Join(_options.Timeout + StopGrace);
        RecognitionResult result;
        if (stopped && done is not null) result = done;
        else if (!stopped || failure is OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = RecognitionResult.Failed(fileName, ErrorCodes.Timeout);
            if (!stopped) result.Warnings.Add("the work had not stopped when the call returned");
        }
        else
        {
            result = RecognitionResult.Failed(fileName, failure is OcrModelsMissingException ? ErrorCodes.OcrUnavailable : ErrorCodes.Corrupt);
            result.Warnings.Add(failure?.Message ?? "no result");
        }
        result.ElapsedMs = sw.ElapsedMilliseconds;
        return result;
    }

    /// <summary>How long after the timeout a caller waits for the work to stop before it returns anyway.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>Stack of a recognition thread: PdfPig's recursive page tree, <see cref="RecognitionOptions.MaxPdfObjects"/> levels deep (reserved, not committed).</summary>
    private const int WorkerStackBytes = 256 * 1024 * 1024;

    /// <summary>Field extraction and cross-checks over text lines read elsewhere (another OCR, or lines a person corrected).</summary>
    public RecognitionResult RecognizeLines(IReadOnlyList<TextLine> lines, string fileName, FieldSource source = FieldSource.Ocr)
    {
        var result = new RecognitionResult { File = fileName };
        var c = new FieldCollector(result);
        result.TextLines.AddRange(lines);
        if (source == FieldSource.Ocr && DocumentSplitter.Split(lines) is { } documents)
        {
            ExtractSeveral(documents, c, source);
            return result;
        }
        var capitals = ExtractFields(lines, c, source);
        Finish(c, capitals);
        return result;
    }

    private RecognitionResult RecognizeCore(byte[] bytes, string fileName, CancellationToken ct)
    {
        if (bytes.Length == 0) return RecognitionResult.Failed(fileName, ErrorCodes.Empty);
        if (bytes.Length > _options.MaxInputBytes) return RecognitionResult.Failed(fileName, ErrorCodes.TooLarge);
        var input = ContentSniffer.Detect(bytes);
        var result = new RecognitionResult { File = fileName, Input = input };
        var c = new FieldCollector(result);
        decimal? capitals = null;
        try
        {
            switch (input)
            {
                case InputKind.Xml:
                    ReadXml(bytes, c);
                    break;
                case InputKind.Ofd:
                    capitals = ReadOfd(bytes, c);
                    break;
                case InputKind.Pdf:
                    capitals = ReadPdf(bytes, c, ct);
                    break;
                case InputKind.Jpeg or InputKind.Png or InputKind.WebP or InputKind.Bmp:
                    var decodeWatch = Stopwatch.StartNew();
                    using (var bitmap = ImageLoader.Decode(bytes, _options))
                    {
                        if (PaddleOcrEngine.Trace) Console.Error.WriteLine($"decode {bitmap.Width}x{bitmap.Height}: {decodeWatch.ElapsedMilliseconds} ms");
                        capitals = ReadImage(bitmap, c, ct);
                    }
                    break;
                default:
                    result.Error = ErrorCodes.Unsupported;
                    return result;
            }
        }
        catch (RecognitionException ex)
        {
            result.Error = ex.Code;
            if (ex.Message != ex.Code) result.Warnings.Add(ex.Message);
            return result;
        }
        catch (OcrModelsMissingException ex)
        {
            result.Error = ErrorCodes.OcrUnavailable;
            result.Warnings.Add(ex.Message);
            return result;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException
                                       or ArgumentException or IndexOutOfRangeException or NullReferenceException or OverflowException)
        {
            result.Error = ErrorCodes.Corrupt;
            result.Warnings.Add(ex.GetType().Name + ": " + ex.Message);
            return result;
        }
        Finish(c, capitals);
        return result;
    }

    private void ReadXml(byte[] bytes, FieldCollector c)
    {
        var doc = SafeXml.Load(bytes, _options);
        if (!EInvoiceXml.IsInvoice(doc)) return;
        EInvoiceXml.Read(doc, c, FieldSource.Xml);
        // The rail and air 数电票 carry their trip among the invoice's values (a station, 二等座, 05车08A号, 电子客票号): that
        // content shows the kind. Only those two kinds, as every other XML here is an invoice whatever its items say; the
        // trip fields are left absent, as bare values without their places on the page cannot be told apart safely.
        var values = doc.Descendants().Where(e => !e.HasElements && !string.IsNullOrWhiteSpace(e.Value))
            .Select((e, i) => new TextLine(e.Value.Trim(), 1, 0, i * 10, 100, 8)).ToList();
        if (DocumentClassifier.Classify(values) is { } kind && kind is DocumentKind.TrainTicket or DocumentKind.AirItinerary)
        {
            c.Result.Kind = kind;
            c.SetText(FieldNames.Currency, "CNY", FieldSource.Xml, 1);
        }
    }

    private decimal? ReadOfd(byte[] bytes, FieldCollector c)
    {
        using var zip = new SafeZip(bytes, _options);
        if (!zip.IsOfd) throw new RecognitionException(ErrorCodes.Unsupported, "zip without OFD.xml");
        var reader = new OfdReader(zip, _options);
        reader.Read(c);
        var pageLines = reader.Lines.ToList();
        c.Result.TextLines.AddRange(pageLines.Where(l => !l.IsTemplate));
        // Page text fills what the structured parts did not carry (an OFD never needs OCR), and shows a ticket's kind
        // (the rail and air 数电票) as a PDF's text layer does.
        return ExtractFields(pageLines, c, FieldSource.Ofd);
    }

    private decimal? ReadPdf(byte[] bytes, FieldCollector c, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var pdf = PdfSource.Open(bytes, _options, ct);
        var tOpen = watch.ElapsedMilliseconds;
        var textPages = Math.Min(pdf.PageCount, Math.Max(1, _options.MaxPdfTextPages));
        var first = pdf.TextLines(0);
        if (first.Count > 0)
        {
            // A text layer: every page's lines (up to the limit) below one another, so the layout never mixes two pages.
            var textLines = new List<TextLine>(first);
            var offset = (float)pdf.PageHeightPoints(0) + PageGap;
            for (var i = 1; i < textPages; i++)
            {
                ct.ThrowIfCancellationRequested();
                textLines.AddRange(pdf.TextLines(i).Select(l => l with { Y = l.Y + offset }));
                offset += (float)pdf.PageHeightPoints(i) + PageGap;
            }
            c.Result.TextLines.AddRange(textLines);
            var tText = watch.ElapsedMilliseconds;
            // The invoice's QR code is an image on its first page (the second is searched too, for a cover page): the first VAT payload found is taken.
            for (var i = 0; i < Math.Min(textPages, 2) && !c.Has(FieldNames.InvoiceNumber); i++)
                foreach (var qr in pdf.PageImages(i, ct).SelectMany(b => QrReader.DecodeAll(b, ct))) ApplyQr(c, qr);
            var tQr = watch.ElapsedMilliseconds;
            var capitals = ExtractFields(textLines, c, FieldSource.PdfText);
            if (PaddleOcrEngine.Trace)
                Console.Error.WriteLine($"pdf: open {tOpen} ms, text {tText - tOpen} ms ({textPages} pages, {textLines.Count} lines), qr {tQr - tText} ms, extract {watch.ElapsedMilliseconds - tQr} ms");
            return capitals;
        }
        // Image-only PDF: each scanned page, as embedded or rasterised by pdftoppm, recognised and stacked like the text pages.
        var ocrPages = Math.Min(pdf.PageCount, Math.Max(1, _options.MaxPdfOcrPages));
        var lines = new List<TextLine>();
        float top = 0;
        for (var i = 0; i < ocrPages; i++)
        {
            ct.ThrowIfCancellationRequested();
            using var page = pdf.PageBitmap(i, ct);
            var pageTop = top;
            lines.AddRange(ReadPageImage(page, c, ct).Select(l => l with { Y = l.Y + pageTop }));
            top += page.Height + PageGap;
        }
        return ExtractFromOcr(lines, c);
    }

    /// <summary>Space left between stacked pages, in the pages' own units: more than any line gap, so rows never join.</summary>
    private const float PageGap = 100;

    private decimal? ReadImage(SKBitmap bitmap, FieldCollector c, CancellationToken ct) => ExtractFromOcr(ReadPageImage(bitmap, c, ct), c);

    /// <summary>One page image: its QR codes applied to the fields and its text lines read, when OCR is on.</summary>
    private IReadOnlyList<TextLine> ReadPageImage(SKBitmap bitmap, FieldCollector c, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        if (!_options.EnableOcr)
        {
            foreach (var qr in QrReader.DecodeAll(bitmap, ct)) ApplyQr(c, qr);
            return [];
        }
        // The QR search runs beside the OCR (both only read the pixels); its fields are applied first, as they rank first.
        var qrSearch = Task.Run(() =>
        {
            var found = QrReader.DecodeAll(bitmap, ct);
            if (PaddleOcrEngine.Trace) Console.Error.WriteLine($"qr {bitmap.Width}x{bitmap.Height}: {sw.ElapsedMilliseconds} ms");
            return found;
        });
        try
        {
            var lines = _ocr.Value.Recognize(bitmap, Uscc.CheckReading, ct);
            if (PaddleOcrEngine.Trace) Console.Error.WriteLine($"image: qr + ocr {sw.ElapsedMilliseconds} ms");
            return lines;
        }
        finally
        {
            // Waited for even when the OCR was cancelled: no work of this document is left running after it returns.
            try
            {
                foreach (var qr in qrSearch.GetAwaiter().GetResult()) ApplyQr(c, qr);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // the OCR's own cancellation is what propagates
            }
        }
    }

    private decimal? ExtractFromOcr(IReadOnlyList<TextLine> lines, FieldCollector c)
    {
        if (!_options.EnableOcr) return null;
        var sw = Stopwatch.StartNew();
        c.Result.TextLines.AddRange(lines);
        if (DocumentSplitter.Split(lines) is { } documents)
        {
            ExtractSeveral(documents, c, FieldSource.Ocr);
            return null;
        }
        var capitals = ExtractFields(lines, c, FieldSource.Ocr);
        if (PaddleOcrEngine.Trace) Console.Error.WriteLine($"extract {sw.ElapsedMilliseconds} ms");
        return capitals;
    }

    /// <summary>
    /// A ticket of a kind its content shows is read by that kind's rules (and, for the 数电票 forms of tickets, by the
    /// invoice rules for what they leave); anything else is an invoice or, failing that, a receipt.
    /// </summary>
    private decimal? ExtractFields(IReadOnlyList<TextLine> lines, FieldCollector c, FieldSource source)
    {
        // A hotel's VAT invoice lists room charges and stay dates like a folio, but it is the invoice (a folio never is one).
        if (DocumentClassifier.Classify(lines) is { } kind && !(kind == DocumentKind.HotelFolio && IsInvoiceLayout(lines)))
        {
            c.Result.Kind = kind;
            TicketExtractors.Extract(kind, lines, c, source);
            return IsInvoiceLayout(lines) ? InvoiceExtractor.Extract(lines, c, source) : null;
        }
        var capitals = InvoiceExtractor.Extract(lines, c, source);
        // A text layer (PDF, OFD) with an invoice number is an invoice; from OCR a number alone could be any receipt's.
        var invoice = source is FieldSource.PdfText or FieldSource.Ofd ? c.Has(FieldNames.InvoiceNumber) : IsChineseInvoice(c);
        if (!invoice) ReceiptExtractor.Extract(lines, c, source, _options.DefaultCurrency);
        return capitals;
    }

    /// <summary>
    /// Each document of a page read on its own (with its box); a QR code found on the page goes to the document whose
    /// invoice number it carries. The page's own fields become the first document's.
    /// </summary>
    private void ExtractSeveral(List<List<TextLine>> documents, FieldCollector page, FieldSource source)
    {
        foreach (var lines in documents)
        {
            var doc = new RecognitionResult { File = page.Result.File, Input = page.Result.Input, Box = DocumentSplitter.Box(lines) };
            var c = new FieldCollector(doc);
            var capitals = ExtractFields(lines, c, source);
            foreach (var qr in page.QrPayloads.Where(q => q.InvoiceNumber == doc.Fields.InvoiceNumber)) c.ApplyQr(qr);
            Finish(c, capitals);
            page.Result.Documents.Add(doc);
        }
        page.Result.TakeDocument(page.Result.Documents[0]);
    }

    private static bool IsInvoiceLayout(IReadOnlyList<TextLine> lines)
    {
        var all = string.Concat(lines.Select(l => TextNormalizer.Compact(l.Text)));
        return all.Contains("发票号码", StringComparison.Ordinal)
               && (all.Contains("开票日期", StringComparison.Ordinal) || all.Contains("价税合计", StringComparison.Ordinal) || all.Contains("电子发票", StringComparison.Ordinal));
    }

    private static void ApplyQr(FieldCollector c, string text)
    {
        if (QrPayload.TryParse(text) is { } qr) c.ApplyQr(qr);
    }

    private static bool IsChineseInvoice(FieldCollector c) =>
        c.Has(FieldNames.InvoiceNumber) && (c.Has(FieldNames.InvoiceType) || c.Has(FieldNames.InvoiceCode) || c.Has(FieldNames.SellerTaxId));

    private void Finish(FieldCollector c, decimal? capitals)
    {
        var r = c.Result;
        // A page of several documents: each was finished on its own.
        if (r.Documents.Count > 0) return;
        CrossChecks.Apply(c, capitals, DateOnly.FromDateTime(DateTime.UtcNow));
        if (r.Kind != DocumentKind.Unknown)
        {
            // decided from the content: a ticket's kind
        }
        else if (IsChineseInvoice(c))
        {
            c.SetText(FieldNames.Currency, "CNY", r.Sources.Values.Min(), 1);
            var digital = r.Input is InputKind.Xml or InputKind.Ofd || r.Sources.Values.Any(s => s is FieldSource.PdfText);
            r.Kind = digital || InvoiceTypes.IsElectronic(r.Fields.InvoiceType) ? DocumentKind.EInvoice : DocumentKind.VatInvoice;
        }
        else if (r.Fields.TotalAmount is not null || r.Fields.SellerName is not null)
        {
            r.Kind = DocumentKind.Receipt;
        }
    }

    public void Dispose()
    {
        if (_ownsOcr && _ocr.IsValueCreated && _ocr.Value is IDisposable d) d.Dispose();
    }
}
