using System.Text;
using System.Text.Json;
using ExpenseFlow.Expenses.Domain.Claims;

namespace ExpenseFlow.Expenses.Application.Claims;

/// <summary>
/// The identities recognition read from a receipt's documents (see RecognizeReceiptJob's detail): an invoice's code and
/// number under the canonical invoice key, a ticket's serial as "T:{kind}:{serial}".
/// </summary>
internal static class DocumentReads
{
    /// <summary>
    /// The confidence from which an OCR reading counts as sure. PaddleOCR's line confidence on a misread digit falls
    /// well below it, and a railway serial that disagrees with the ticket's bottom code is lowered under it.
    /// </summary>
    public const double SureConfidence = 0.9;

    /// <summary>
    /// Kinds whose serial is unique nationwide (the railway's and the itinerary's printed serials). A bus or ship
    /// ticket's serial and a hotel's folio number are unique only within their issuer: they are compared, never claimed.
    /// </summary>
    private static readonly HashSet<string> NationalSerials = new(StringComparer.Ordinal) { "train-ticket", "air-itinerary" };

    public static IReadOnlyList<DocumentRead> Of(string? resultJson, string? code, string? number)
    {
        if (resultJson is null)
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(resultJson);
            var root = doc.RootElement;
            var reads = new List<DocumentRead>();
            if (root.TryGetProperty("documents", out var documents) && documents.ValueKind == JsonValueKind.Array && documents.GetArrayLength() > 0)
            {
                var i = 0;
                foreach (var d in documents.EnumerateArray())
                {
                    var proposed = d.TryGetProperty("proposed", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                    if (Read(i++, d, Text(proposed, "invoiceCode"), Text(proposed, "invoiceNumber")) is { } read)
                    {
                        reads.Add(read);
                    }
                }
            }
            else if (Read(0, root, code, number) is { } read)
            {
                reads.Add(read);
            }

            return reads;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static DocumentRead? Read(int index, JsonElement document, string? code, string? number)
    {
        if (Text(document, "identity") is not { } identity || identity.IndexOf(':', StringComparison.Ordinal) is var colon && colon <= 0)
        {
            return null;
        }

        var confidence = document.TryGetProperty("identityConfidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0;
        var kind = identity[..colon];
        if (kind == "invoice")
        {
            // The parts the key is made of are the proposal's: the identity string only names them.
            var reading = InvoiceIdentity.Read(code, number);
            return reading.Key is { } key ? new DocumentRead(index, key, InvoiceIdentity.Describe(code, number), null, confidence >= SureConfidence) : null;
        }

        var serial = Fold(identity[(colon + 1)..]);
        return serial.Length is > 0 and <= 40
            ? new DocumentRead(index, $"T:{kind}:{serial}", serial, kind, confidence >= SureConfidence && NationalSerials.Contains(kind))
            : null;
    }

    /// <summary>Letters and digits only, upper case, full-width folded: the serial however the OCR spaced it.</summary>
    private static string Fold(string serial)
    {
        var folded = serial.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        return string.Concat(folded.Where(char.IsAsciiLetterOrDigit));
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
