using System.Text.Json;
using ExpenseFlow.Recognition;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Cli;

/// <summary>A document with the field values a person read from it.</summary>
/// <summary>A document with the field values a person read from it; a sheet of several lists each document's, in reading order.</summary>
internal sealed record LabelledDocument(string Path, IReadOnlyDictionary<string, string> Expected, IReadOnlyList<IReadOnlyDictionary<string, string>>? Documents = null);

/// <summary>Reads the development data layouts: sroie-dev (img/ + key/*.json) and ofd (labels.jsonl).</summary>
internal static class Datasets
{
    public static List<LabelledDocument> Load(string dir)
    {
        if (File.Exists(Path.Combine(dir, "labels.jsonl"))) return LoadOfd(dir);
        if (Directory.Exists(Path.Combine(dir, "img")) && Directory.Exists(Path.Combine(dir, "key"))) return LoadSroie(dir);
        return Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).Select(f => new LabelledDocument(f, new Dictionary<string, string>())).ToList();
    }

    private static List<LabelledDocument> LoadSroie(string dir)
    {
        var docs = new List<LabelledDocument>();
        foreach (var img in Directory.EnumerateFiles(Path.Combine(dir, "img")).Order(StringComparer.Ordinal))
        {
            var key = Path.Combine(dir, "key", Path.GetFileNameWithoutExtension(img) + ".json");
            if (!File.Exists(key)) continue;
            using var json = JsonDocument.Parse(File.ReadAllText(key));
            var expected = new Dictionary<string, string>();
            if (json.RootElement.TryGetProperty("company", out var company)) expected[FieldNames.SellerName] = company.GetString() ?? "";
            if (json.RootElement.TryGetProperty("date", out var date) && Parsing.Date(date.GetString()) is { } d)
                expected[FieldNames.IssueDate] = d.ToString("yyyy-MM-dd");
            if (json.RootElement.TryGetProperty("total", out var total) && Parsing.Amount(total.GetString()) is { } t)
                expected[FieldNames.TotalAmount] = Parsing.FormatAmount(t);
            docs.Add(new LabelledDocument(img, expected));
        }
        return docs;
    }

    private static List<LabelledDocument> LoadOfd(string dir)
    {
        var docs = new List<LabelledDocument>();
        foreach (var line in File.ReadLines(Path.Combine(dir, "labels.jsonl")).Where(l => l.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("documents", out var sheet) && sheet.ValueKind == JsonValueKind.Array)
            {
                // A generated sheet: [{"kind": ..., "fields": {...}}, ...] in reading order.
                var each = sheet.EnumerateArray().Select(d => (IReadOnlyDictionary<string, string>)Fields(d)).ToList();
                docs.Add(new LabelledDocument(Path.Combine(dir, json.RootElement.GetProperty("file").GetString() ?? ""), new Dictionary<string, string>(), each));
                continue;
            }
            if (json.RootElement.TryGetProperty("fields", out var given))
            {
                // Generated sets: expected values already in the engine's field names.
                var fields = given.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText());
                if (json.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String) fields["kind"] = kind.GetString() ?? "";
                docs.Add(new LabelledDocument(Path.Combine(dir, json.RootElement.GetProperty("file").GetString() ?? ""), fields));
                continue;
            }
            string L(string n) => json.RootElement.TryGetProperty(n, out var v) ? v.GetString() ?? "" : "";
            if (json.RootElement.TryGetProperty("number", out _) && json.RootElement.TryGetProperty("path", out _))
            {
                // cn-tickets-dev: a ticket's serial, its (travel) date and its fare.
                docs.Add(new LabelledDocument(Path.Combine(dir, L("path")), new Dictionary<string, string>
                {
                    ["kind"] = "train-ticket",
                    [FieldNames.SerialNumber] = L("number"),
                    [FieldNames.TravelDate] = Parsing.Date(L("date"))?.ToString("yyyy-MM-dd") ?? "",
                    [FieldNames.TotalAmount] = Parsing.Amount(L("amount")) is { } fare ? Parsing.FormatAmount(fare) : "",
                }));
                continue;
            }
            var expected = new Dictionary<string, string>
            {
                [FieldNames.InvoiceCode] = L("InvoiceCode"),
                [FieldNames.InvoiceNumber] = L("InvoiceNo"),
                [FieldNames.IssueDate] = Parsing.Date(L("IssueDate"))?.ToString("yyyy-MM-dd") ?? "",
                [FieldNames.BuyerName] = L("BuyerName"),
                [FieldNames.BuyerTaxId] = L("BuyerTaxID"),
                [FieldNames.SellerName] = L("SellerName"),
                [FieldNames.SellerTaxId] = L("SellerTaxID"),
                [FieldNames.TotalAmount] = Parsing.Amount(L("TaxInclusiveTotalAmount")) is { } t ? Parsing.FormatAmount(t) : "",
                [FieldNames.TaxAmount] = Parsing.Amount(L("TaxTotalAmount")) is { } x ? Parsing.FormatAmount(x) : "",
                [FieldNames.AmountExcludingTax] = Parsing.Amount(L("TaxExclusiveTotalAmount")) is { } e ? Parsing.FormatAmount(e) : "",
            };
            docs.Add(new LabelledDocument(Path.Combine(dir, L("file")), expected));
        }
        return docs;
    }

    private static Dictionary<string, string> Fields(JsonElement document)
    {
        var fields = document.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Object
            ? f.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText())
            : [];
        if (document.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String) fields["kind"] = kind.GetString() ?? "";
        return fields;
    }

    /// <summary>Field value as the benchmark compares it (JSON's form); "kind" is the document kind's name.</summary>
    public static string Actual(RecognitionResult r, string field) =>
        field == "kind" ? ResultJson.KindName(r.Kind) : r.Value(field) ?? "";

    public static bool Matches(string field, string expected, string actual) =>
        field is FieldNames.SellerName or FieldNames.BuyerName or FieldNames.Travel.PassengerName ? Fold(expected) == Fold(actual) : expected == actual;

    public static string Fold(string s) => new string(TextNormalizer.Normalize(s).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}
