using System.Globalization;
using ExpenseFlow.Recognition;

namespace ExpenseFlow.Cli;

internal static class RecognizeCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var json = false;
        var warm = false;
        var options = new RecognitionOptions();
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--no-ocr": options.EnableOcr = false; break;
                case "--warm": warm = true; break;
                case "--threads" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n >= 0:
                    options.IntraOpThreads = n; i++; break;
                case var a when a.StartsWith('-'): return Usage.Print();
                default: files.Add(args[i]); break;
            }
        }
        if (files.Count == 0) return Usage.Print();

        // One engine for the whole call: the OCR models load once, on the first image.
        using var engine = new RecognitionEngine(options);
        if (warm) engine.WarmUp();
        var failures = 0;
        foreach (var file in files)
        {
            RecognitionResult result;
            try
            {
                result = engine.Recognize(File.ReadAllBytes(file), file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                result = RecognitionResult.Failed(file, "unreadable");
                result.Warnings.Add(ex.Message);
            }
            if (result.Error is not null) failures++;
            output.WriteLine(json ? ResultJson.Serialize(result) : Table(result));
        }
        return failures == 0 ? 0 : 1;
    }

    private static string Table(RecognitionResult r)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        sw.WriteLine($"{r.File}  [{ResultJson.KindName(r.Kind)}]  {r.ElapsedMs} ms{(r.Error is null ? "" : "  error: " + r.Error)}");
        var doc = System.Text.Json.JsonDocument.Parse(ResultJson.Serialize(r, includeTextLines: false));
        foreach (var field in doc.RootElement.GetProperty("fields").EnumerateObject())
        {
            if (field.Name == FieldNames.Items) continue;
            var source = r.Sources.TryGetValue(field.Name, out var s) ? ResultJson.SourceName(s) : "";
            var conf = r.Confidence.TryGetValue(field.Name, out var c) ? c.ToString("0.00", CultureInfo.InvariantCulture) : "";
            sw.WriteLine($"  {field.Name,-20} {field.Value.GetString(),-40} {source,-9} {conf}");
        }
        foreach (var item in r.Fields.Items)
            sw.WriteLine($"  item: {item.Name} | {item.Specification} | {item.Unit} | {item.Quantity} | {item.UnitPrice} | {item.Amount} | {item.TaxRate} | {item.TaxAmount}");
        foreach (var w in r.Warnings) sw.WriteLine($"  warning: {w}");
        return sw.ToString().TrimEnd();
    }
}
