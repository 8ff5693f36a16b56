using System.Diagnostics;
using System.Globalization;
using System.Text;
using ExpenseFlow.Recognition;

namespace ExpenseFlow.Cli;

/// <summary>
/// Latency (median, P90), throughput with 1 and N documents in parallel, peak memory and accuracy per field per dataset,
/// with the same images through Tesseract side by side when asked.
/// </summary>
internal static class BenchCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var parallel = 2;
        var tesseract = false;
        string? outFile = null;
        var limit = int.MaxValue;
        var threads = 0;
        var dirs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--parallel" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p) && p > 0: parallel = p; i++; break;
                case "--limit" when i + 1 < args.Length && int.TryParse(args[i + 1], out var l) && l > 0: limit = l; i++; break;
                case "--threads" when i + 1 < args.Length && int.TryParse(args[i + 1], out var t) && t >= 0: threads = t; i++; break;
                case "--out" when i + 1 < args.Length: outFile = args[++i]; break;
                case "--tesseract": tesseract = true; break;
                case var a when a.StartsWith('-'): return Usage.Print();
                default:
                    if (!Directory.Exists(args[i])) return Usage.Print();
                    dirs.Add(args[i]);
                    break;
            }
        }
        if (dirs.Count == 0) return Usage.Print();

        var report = new StringBuilder();
        using var engine = new RecognitionEngine(new RecognitionOptions { IntraOpThreads = threads });
        engine.WarmUp();
        foreach (var dir in dirs)
        {
            var docs = Datasets.Load(dir).Take(limit).ToList();
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(dir));
            var runs = new List<BenchRun> { Measure("PP-OCRv4 (ExpenseFlow)", engine, docs, parallel, output) };
            if (tesseract && docs.Any(d => IsImage(d.Path)))
            {
                var lang = name.Contains("sroie", StringComparison.OrdinalIgnoreCase) ? "eng" : "chi_sim+eng";
                using var tess = new RecognitionEngine(new RecognitionOptions(), new TesseractOcr(lang));
                runs.Add(Measure($"Tesseract 5 ({lang})", tess, docs, parallel, output));
            }
            report.Append(Table(name, docs.Count, runs, parallel));
        }
        var process = Process.GetCurrentProcess();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"peak working set of the process: {process.PeakWorkingSet64 / (1024 * 1024)} MiB, at the end {process.WorkingSet64 / (1024 * 1024)} MiB (managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MiB); {Environment.ProcessorCount} cores");
        output.WriteLine(report.ToString());
        if (outFile is not null) File.WriteAllText(outFile, report.ToString());
        return 0;
    }

    private static bool IsImage(string path) => Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".webp" or ".bmp";

    private sealed record BenchRun(string Engine, long FirstMs, List<long> LatenciesMs, double Throughput1, double ThroughputN,
        Dictionary<string, (int Right, int Total)> Accuracy, int Errors, Dictionary<string, KindStats> Kinds);

    /// <summary>Per expected document kind: documents, fields exact of fields expected, latencies.</summary>
    private sealed class KindStats
    {
        public int Documents;
        public int Right;
        public int Total;
        public List<long> Latencies { get; } = [];
    }

    private static BenchRun Measure(string label, RecognitionEngine engine, List<LabelledDocument> docs, int parallel, TextWriter log)
    {
        var latencies = new List<long>();
        var accuracy = new Dictionary<string, (int Right, int Total)>();
        var kinds = new Dictionary<string, KindStats>(StringComparer.Ordinal);
        var errors = 0;
        // The dataset's first document once more before measuring: its latency is reported as "first" (for the first
        // dataset of the process, a first call after RecognitionEngine.WarmUp), then the measured pass runs warm.
        var first = Stopwatch.StartNew();
        if (docs.Count > 0) engine.Recognize(File.ReadAllBytes(docs[0].Path), Path.GetFileName(docs[0].Path));
        var firstMs = first.ElapsedMilliseconds;
        var sw = Stopwatch.StartNew();
        foreach (var doc in docs)
        {
            var t = Stopwatch.StartNew();
            var r = engine.Recognize(File.ReadAllBytes(doc.Path), Path.GetFileName(doc.Path));
            latencies.Add(t.ElapsedMilliseconds);
            if (r.Error is not null) errors++;
            // A sheet of several documents: each expected document against the one found at its place.
            var expectations = doc.Documents is { Count: > 0 } sheet
                ? sheet.Select((e, i) => (Expected: e, Result: i < r.Documents.Count ? r.Documents[i] : null, Name: $"{Path.GetFileName(doc.Path)}#{i}")).ToList()
                : [(Expected: doc.Expected, Result: (RecognitionResult?)r, Name: Path.GetFileName(doc.Path))];
            if (doc.Documents is { Count: > 0 } && r.Documents.Count != doc.Documents.Count)
                log.WriteLine($"  [{label}] {Path.GetFileName(doc.Path)}: {doc.Documents.Count} documents expected, {r.Documents.Count} found");
            foreach (var (expectedFields, result, name) in expectations)
            {
                var kind = expectedFields.GetValueOrDefault("kind") ?? "";
                if (!kinds.TryGetValue(kind, out var stats)) kinds[kind] = stats = new KindStats();
                stats.Documents++;
                stats.Latencies.Add(t.ElapsedMilliseconds);
                foreach (var (field, expected) in expectedFields)
                {
                    var actual = result is null ? "" : Datasets.Actual(result, field);
                    var ok = expected.Length == 0 ? actual.Length == 0 || field == "kind" : Datasets.Matches(field, expected, actual);
                    Add(accuracy, field, ok);
                    stats.Total++;
                    if (ok) stats.Right++;
                    else log.WriteLine($"  [{label}] {name} {field}: expected '{expected}' got '{actual}'");
                }
            }
        }
        var throughput1 = docs.Count / sw.Elapsed.TotalSeconds;
        sw.Restart();
        Parallel.ForEach(docs, new ParallelOptions { MaxDegreeOfParallelism = parallel },
            doc => engine.Recognize(File.ReadAllBytes(doc.Path), Path.GetFileName(doc.Path)));
        var throughputN = docs.Count / sw.Elapsed.TotalSeconds;
        return new BenchRun(label, firstMs, latencies, throughput1, throughputN, accuracy, errors, kinds);
    }

    private static void Add(Dictionary<string, (int Right, int Total)> acc, string field, bool ok)
    {
        var (r, t) = acc.GetValueOrDefault(field);
        acc[field] = (r + (ok ? 1 : 0), t + 1);
    }

    private static string Table(string dataset, int count, List<BenchRun> runs, int parallel)
    {
        var sb = new StringBuilder();
        var fields = runs.SelectMany(r => r.Accuracy.Keys).Distinct().ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### {dataset} ({count} documents)");
        sb.AppendLine();
        sb.Append("| engine | first ms | median ms | P90 ms | docs/s (1) | docs/s (" + parallel + ") | errors |");
        foreach (var f in fields) sb.Append(CultureInfo.InvariantCulture, $" {f} |");
        sb.AppendLine(" field errors |");
        sb.Append("|---|---|---|---|---|---|---|");
        foreach (var _ in fields) sb.Append("---|");
        sb.AppendLine("---|");
        foreach (var r in runs)
        {
            var sorted = r.LatenciesMs.Order().ToList();
            long P(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Engine} | {r.FirstMs} | {P(0.5)} | {P(0.9)} | {r.Throughput1:0.00} | {r.ThroughputN:0.00} | {r.Errors} |");
            foreach (var f in fields)
            {
                var (right, total) = r.Accuracy.GetValueOrDefault(f);
                sb.Append(CultureInfo.InvariantCulture, $" {(total == 0 ? 0 : 100.0 * right / total):0.0}% ({right}/{total}) |");
            }
            sb.AppendLine(CultureInfo.InvariantCulture, $" {r.Accuracy.Values.Sum(a => a.Total - a.Right)} |");
        }
        sb.AppendLine();
        if (runs.Any(r => r.Kinds.Count > 1 || r.Kinds.Keys.Any(k => k.Length > 0)))
        {
            // By kind: a sheet's documents count under their own kinds (latency: the whole file's).
            sb.AppendLine("| engine | kind | documents | fields exact | median ms | P90 ms |");
            sb.AppendLine("|---|---|---|---|---|---|");
            foreach (var r in runs)
            foreach (var (kind, k) in r.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var sorted = k.Latencies.Order().ToList();
                long P(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Engine} | {(kind.Length == 0 ? "(unlabelled)" : kind)} | {k.Documents} | {(k.Total == 0 ? 0 : 100.0 * k.Right / k.Total):0.0}% ({k.Right}/{k.Total}) | {P(0.5)} | {P(0.9)} |");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
