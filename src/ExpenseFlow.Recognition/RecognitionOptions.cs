namespace ExpenseFlow.Recognition;

public sealed class RecognitionOptions
{
    /// <summary>Folder of the PP-OCRv4 ONNX models; null = EXPENSEFLOW_MODELS_DIR, else &lt;repo&gt;/.tools/models.</summary>
    public string? ModelsDirectory { get; set; }
    /// <summary>
    /// Threads one document's OCR may use: the detection model's ONNX Runtime intra-op threads and the number of text-line
    /// batches recognised at once (batches of all documents together never exceed the core count). 0 = one per core.
    /// </summary>
    public int IntraOpThreads { get; set; }
    /// <summary>
    /// Currency given to a receipt that shows none (no symbol, code or Chinese text): null (the default) leaves the field
    /// absent, as the engine does not guess; the caller knows its company's home currency.
    /// </summary>
    public string? DefaultCurrency { get; set; }
    public long MaxInputBytes { get; set; } = 50L * 1024 * 1024;
    public long MaxImagePixels { get; set; } = 40_000_000;
    /// <summary>Images are reduced to this longest side before QR and OCR (a 600-dpi scan has far more pixels than needed).</summary>
    public int WorkingMaxSide { get; set; } = 2400;
    public int MaxPdfPages { get; set; } = 50;
    /// <summary>
    /// Pages of a PDF whose text is read: a text layer on every page up to this many (a 销货清单 continues the invoice's
    /// items, a hotel folio totals on its last page); pages of a scanned PDF are recognised one by one up to this many.
    /// </summary>
    public int MaxPdfTextPages { get; set; } = 10;
    /// <summary>Pages of an image-only (scanned) PDF taken through OCR, first to last: each costs a page's recognition.</summary>
    public int MaxPdfOcrPages { get; set; } = 3;
    public int MaxZipEntries { get; set; } = 2_000;
    public long MaxZipEntryBytes { get; set; } = 20L * 1024 * 1024;
    public long MaxZipTotalBytes { get; set; } = 100L * 1024 * 1024;
    public int MaxZipCompressionRatio { get; set; } = 200;
    public int MaxXmlCharacters { get; set; } = 20_000_000;

    /// <summary>Element nesting an XML part may have (invoices nest about a dozen levels); deeper is <c>too-large</c>.</summary>
    public int MaxXmlDepth { get; set; } = 128;
    /// <summary>
    /// Objects in a PDF (counted on its bytes, object streams included). PdfPig builds the page tree recursively: the
    /// parser runs on a thread whose stack holds a tree this deep (measured: 50,000 levels in 64 MB; 200,000 overflow
    /// PdfPig's default stack and end the process).
    /// </summary>
    public int MaxPdfObjects { get; set; } = 50_000;
    /// <summary>What one PDF stream that is not an image (page content, font, object stream) may decode to.</summary>
    public long MaxPdfStreamBytes { get; set; } = 32L * 1024 * 1024;
    /// <summary>What all the streams of a PDF may decode to together (images included, each also bounded by its pixels).</summary>
    public long MaxPdfDecodedBytes { get; set; } = 256L * 1024 * 1024;
    /// <summary>
    /// Documents recognised at once by one engine (one per host); others wait for a slot. 0 = one per core: each
    /// document's OCR already uses the cores, more at once only adds memory (a page's tensors and bitmaps) and latency.
    /// </summary>
    public int MaxConcurrentDocuments { get; set; }
    /// <summary>
    /// A document's budget. At the timeout the work is cancelled where it stands: between OCR steps and batches, inside
    /// ONNX Runtime's run (terminated), in PDF decoding, and in pdftoppm (killed); the call returns error "timeout".
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>Run OCR on images and image-only PDFs; off gives only the exact sources (XML, OFD, PDF text, QR).</summary>
    public bool EnableOcr { get; set; } = true;
    /// <summary>
    /// Take the exact sources (XML, OFD, PDF text, QR) once through tiny in-memory samples in the background when the
    /// first engine of the process is created, so the first real document is not slowed by just-in-time compilation.
    /// </summary>
    public bool WarmUpOnCreate { get; set; } = true;
}
