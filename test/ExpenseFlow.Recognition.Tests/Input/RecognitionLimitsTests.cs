using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using ExpenseFlow.Recognition.Ocr;
using ExpenseFlow.Recognition.Pdf;
using ExpenseFlow.Recognition.Tests.Support;
using SkiaSharp;
using Xunit.Abstractions;

namespace ExpenseFlow.Recognition.Tests.Input;

/// <summary>Tests that measure the process (its CPU time, its child processes) run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ProcessMeasuredCollection), DisableParallelization = true)]
public sealed class ProcessMeasuredCollection;

/// <summary>
/// The timeout and cancellation really stop the work: no thread keeps recognising and no pdftoppm keeps running after
/// the call returns, and documents at once stay within the engine's bound.
/// </summary>
[Collection(nameof(ProcessMeasuredCollection))]
public class RecognitionLimitsTests(ITestOutputHelper output)
{
    private static readonly Lazy<byte[]> ScannedPages = new(() =>
        InvoiceRenderer.Pages(true, Enumerable.Range(0, 4).Select(_ => InvoiceRenderer.InvoicePage(SampleInvoice.Ordinary)).ToArray()));

    [Fact]
    public void Recognize_ScannedDocumentPastItsTimeout_ReturnsTimeoutPromptly_AndNoThreadKeepsWorking()
    {
        using var engine = new RecognitionEngine(new RecognitionOptions { Timeout = TimeSpan.FromMilliseconds(500), MaxPdfOcrPages = 4 }, Engines.Paddle);
        engine.WarmUp();
        var pdf = ScannedPages.Value; // four pages of OCR: seconds of work on every core

        var watch = Stopwatch.StartNew();
        var result = engine.Recognize(pdf, "scanned.pdf");
        var returnedAfter = watch.Elapsed;
        var before = ThreadCpu();
        // A measurement window, not a wait for something: the CPU this process's threads burn in the second after the call.
        Thread.Sleep(1000);
        var busy = ThreadCpu().Select(t => (t.Key, Ms: t.Value - before.GetValueOrDefault(t.Key))).Where(t => t.Ms > 0).ToList();
        var work = busy.Where(t => !IsRuntimeService(t.Key)).Sum(t => t.Ms);

        output.WriteLine($"returned after {returnedAfter.TotalMilliseconds:0} ms; CPU in the next second: {string.Join(", ", busy.Select(t => $"{t.Key} {t.Ms} ms"))}");
        result.Error.ShouldBe(ErrorCodes.Timeout);
        returnedAfter.ShouldBeLessThan(TimeSpan.FromMilliseconds(500) + TimeSpan.FromSeconds(1.5), "stopped soon after the timeout");
        result.Warnings.ShouldBeEmpty("the work had stopped when the call returned");
        work.ShouldBeLessThan(150, "CPU of the process's working threads in the second after the timeout (ms)");
    }

    /// <summary>The runtime's own threads (tiered JIT, GC, finalizer) may run after any call; recognition work never runs on them.</summary>
    private static bool IsRuntimeService(string thread) =>
        thread.Contains(".NET Tiered", StringComparison.Ordinal) || thread.Contains(".NET BGC", StringComparison.Ordinal)
        || thread.Contains(".NET GC", StringComparison.Ordinal) || thread.Contains(".NET Finalizer", StringComparison.Ordinal);

    /// <summary>CPU time (ms) of each thread of this process ("tid name"), from /proc/self/task/*/stat (utime + stime, in clock ticks of 10 ms).</summary>
    private static Dictionary<string, long> ThreadCpu()
    {
        var threads = new Dictionary<string, long>();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                threads[$"{Path.GetFileName(task)} {name}"] = (long.Parse(fields[11]) + long.Parse(fields[12])) * 10;
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }
        return threads;
    }

    [Fact]
    public void Recognize_WhenTheCallerCancels_ThrowsPromptly()
    {
        using var engine = new RecognitionEngine(new RecognitionOptions { MaxPdfOcrPages = 4 }, Engines.Paddle);
        engine.WarmUp();
        var pdf = ScannedPages.Value;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        Should.Throw<OperationCanceledException>(() => engine.Recognize(pdf, "scanned.pdf", cancel.Token));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Recognize_ManyDocumentsAtOnce_RunNoMoreThanTheConfiguredNumber(int limit)
    {
        var counting = new CountingOcr(Engines.Paddle);
        using var engine = new RecognitionEngine(new RecognitionOptions { MaxConcurrentDocuments = limit }, counting);
        using var page = new SKBitmap(480, 160);
        using (var canvas = new SKCanvas(page))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(4);
            InvoiceRenderer.DrawText(canvas, "GRAND TOTAL 560.00", 5, 10, 6);
            InvoiceRenderer.DrawText(canvas, "Date: 14/09/2026", 5, 25, 6);
        }
        var png = InvoiceRenderer.Encode(page, SKEncodedImageFormat.Png, 100);

        var results = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(i => engine.Recognize(png, $"{i}.png")).ToList();

        results.ShouldAllBe(r => r.Error == null);
        counting.Calls.ShouldBe(4);
        counting.MostAtOnce.ShouldBeLessThanOrEqualTo(limit);
        if (limit == 1) counting.MostAtOnce.ShouldBe(1);
    }

    /// <summary>pdftoppm rendering a page of 30,000 filled paths takes about twenty seconds: it must not outlive a 1.5 s budget.</summary>
    [Fact]
    public void Recognize_PdfThatPdftoppmRendersForLong_KillsAndReapsIt_AtTheTimeout()
    {
        var random = new Random(1);
        var paths = new StringBuilder();
        for (var i = 0; i < 30_000; i++)
        {
            double x = random.NextDouble() * 600, y = random.NextDouble() * 800;
            paths.Append(System.FormattableString.Invariant($"{x:0.0} {y:0.0} m {x + 50:0.0} {y + 3:0.0} l {x + 3:0.0} {y + 60:0.0} l h f\n"));
        }
        var pdf = OnePage(Encoding.ASCII.GetBytes(paths.ToString()));
        using var engine = new RecognitionEngine(new RecognitionOptions { EnableOcr = false, Timeout = TimeSpan.FromSeconds(1.5) });
        var started = new ConcurrentBag<int>();
        void Record(int pid) => started.Add(pid);
        Pdftoppm.Started += Record;
        try
        {
            var watch = Stopwatch.StartNew();
            var result = engine.Recognize(pdf, "heavy.pdf");

            result.Error.ShouldBe(ErrorCodes.Timeout);
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
            started.ShouldNotBeEmpty("the page went to pdftoppm");
            // Gone, not a zombie: a process that exited but was not reaped keeps its /proc entry (state Z).
            started.ShouldAllBe(pid => !Directory.Exists($"/proc/{pid}"));
        }
        finally
        {
            Pdftoppm.Started -= Record;
        }
    }

    /// <summary>pdftoppm reports each of 50,000 unknown operators on its error stream (megabytes): read as it comes, it never blocks.</summary>
    [Fact]
    public void Recognize_PdfThatMakesPdftoppmWriteMegabytesOfErrors_Completes()
    {
        var pdf = OnePage(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("foo ", 50_000))));
        using var engine = new RecognitionEngine(new RecognitionOptions { EnableOcr = false });

        var watch = Stopwatch.StartNew();
        var result = engine.Recognize(pdf, "noisy.pdf");

        result.Error.ShouldBeNull(string.Join(" | ", result.Warnings));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
    }

    private static byte[] OnePage(byte[] content)
    {
        var pdf = new RawPdf();
        var catalog = pdf.Add("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R >>");
        pdf.AddStream("", content);
        return pdf.Build(catalog);
    }

    /// <summary>The real OCR engine, counting how many pages it is asked to read at the same time.</summary>
    private sealed class CountingOcr(IOcrEngine inner) : IOcrEngine
    {
        private int _running;
        private int _most;
        private int _calls;

        public int MostAtOnce => _most;

        public int Calls => _calls;

        public IReadOnlyList<TextLine> Recognize(SKBitmap image, ReadingCheck? check = null, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _running);
            Interlocked.Increment(ref _calls);
            int seen;
            while (now > (seen = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, seen) != seen)
            {
            }
            try
            {
                return inner.Recognize(image, check, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }
}
