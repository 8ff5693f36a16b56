using BenchmarkDotNet.Attributes;
using ExpenseFlow.Recognition;

namespace ExpenseFlow.Benchmarks;

[MemoryDiagnoser]
public class RecognitionBenchmarks : IDisposable
{
    private RecognitionEngine _engine = null!;
    private byte[] _ofd = [];
    private byte[] _receipt = [];

    [GlobalSetup]
    public void Setup()
    {
        var data = FindSharedData();
        _ofd = File.ReadAllBytes(Path.Combine(data, "ofd", "1.ofd"));
        _receipt = File.ReadAllBytes(Directory.EnumerateFiles(Path.Combine(data, "sroie-dev", "img")).Order(StringComparer.Ordinal).First());
        _engine = new RecognitionEngine(new RecognitionOptions { IntraOpThreads = 1 });
        _engine.WarmUp();
    }

    [Benchmark]
    public RecognitionResult Ofd() => _engine.Recognize(_ofd, "1.ofd");

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
