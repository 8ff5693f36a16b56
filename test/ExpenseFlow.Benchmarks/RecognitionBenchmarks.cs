using BenchmarkDotNet.Attributes;
using ExpenseFlow.Recognition;

namespace ExpenseFlow.Benchmarks;

[MemoryDiagnoser]
public class RecognitionBenchmarks : IDisposable
{
    private RecognitionEngine _engine = null!;
    private byte[] _ofd = [];
    private byte[] _receipt = [];
    private byte[] _xml = [], _pdf = [], _qr = [];

    [GlobalSetup]
    public void Setup()
    {
        var data = FindSharedData();
        _ofd = File.ReadAllBytes(Path.Combine(data, "ofd", "1.ofd"));
        _receipt = File.ReadAllBytes(Directory.EnumerateFiles(Path.Combine(data, "sroie-dev", "img")).Order(StringComparer.Ordinal).First());
        // The engine's own in-memory samples: an e-invoice XML, a PDF with a text layer and QR image, a VAT QR code image.
        var samples = WarmUpSamples.All().ToDictionary(s => Path.GetExtension(s.Name), s => s.Bytes);
        (_xml, _pdf, _qr) = (samples[".xml"], samples[".pdf"], samples[".png"]);
        _engine = new RecognitionEngine(new RecognitionOptions { IntraOpThreads = 1 });
        _engine.WarmUp();
    }

    [Benchmark]
    public RecognitionResult Ofd() => _engine.Recognize(_ofd, "1.ofd");

    [Benchmark]
    public RecognitionResult EInvoiceXml() => _engine.Recognize(_xml, "invoice.xml");

    [Benchmark]
    public RecognitionResult PdfTextLayer() => _engine.Recognize(_pdf, "invoice.pdf");

    /// <summary>A small image holding only the VAT QR code: QR decoding plus OCR of an image with no text.</summary>
    [Benchmark]
    public RecognitionResult QrImage() => _engine.Recognize(_qr, "qr.png");

    [Benchmark]
    public RecognitionResult ReceiptImage() => _engine.Recognize(_receipt, "receipt.jpg");

    [GlobalCleanup]
    public void Dispose()
    {
        _engine.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string FindSharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("../shared/data not found");
    }
}
