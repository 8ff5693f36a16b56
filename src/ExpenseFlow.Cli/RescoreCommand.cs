using System.Text.Json;
using ExpenseFlow.Recognition;

namespace ExpenseFlow.Cli;

/// <summary>
/// Re-runs field extraction over the text lines saved by `recognize --json` and scores it against a dataset's labels,
/// so extraction rules can be improved without re-running OCR.
/// </summary>
internal static class RescoreCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var show = args.Contains("--show");
        args = args.Where(a => a != "--show").ToArray();
        if (args.Length != 2 || !File.Exists(args[0]) || !Directory.Exists(args[1])) return Usage.Print();
        var saved = new Dictionary<string, List<TextLine>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(args[0]).Where(l => l.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var lines = json.RootElement.GetProperty("textLines").EnumerateArray().Select(t =>
            {
                var b = t.GetProperty("box").EnumerateArray().Select(x => x.GetSingle()).ToArray();
                return new TextLine(t.GetProperty("text").GetString() ?? "", t.GetProperty("confidence").GetDouble(), b[0], b[1], b[2], b[3]);
            }).ToList();
            // `recognize --json` reports the path it was given: saved results are matched by file name, as the datasets name them.
            saved[Path.GetFileName(json.RootElement.GetProperty("file").GetString() ?? "")] = lines;
        }
        using var engine = new RecognitionEngine(new RecognitionOptions { EnableOcr = false });
        var right = new Dictionary<string, int>();
        var total = 0;
        var kinds = new Dictionary<string, int>();
        foreach (var doc in Datasets.Load(args[1]))
        {
            if (!saved.TryGetValue(Path.GetFileName(doc.Path), out var lines)) continue;
            total++;
            var r = engine.RecognizeLines(lines, Path.GetFileName(doc.Path));
            kinds[ResultJson.KindName(r.Kind)] = kinds.GetValueOrDefault(ResultJson.KindName(r.Kind)) + 1;
            if (show) output.WriteLine(ResultJson.Serialize(r, includeTextLines: false));
            foreach (var (field, expected) in doc.Expected)
            {
                var actual = Datasets.Actual(r, field);
                if (Datasets.Matches(field, expected, actual)) right[field] = right.GetValueOrDefault(field) + 1;
                else output.WriteLine($"  {Path.GetFileName(doc.Path)} {field}: expected '{expected}' got '{actual}'");
            }
        }
        output.WriteLine("kinds: " + string.Join(", ", kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}")));
        foreach (var (field, n) in right.OrderBy(kv => kv.Key)) output.WriteLine($"{field}: {n}/{total} = {100.0 * n / Math.Max(1, total):0.0}%");
        return 0;
    }
}
