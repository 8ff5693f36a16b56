using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Expenses.Domain.Claims;

namespace ExpenseFlow.Expenses.Domain.Receipts;

public enum RecognitionStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// An uploaded document, stored by content hash. Recognition proposes fields; the proposal is kept unchanged beside the
/// values the employee finally submits on the claim line, so every correction can be counted.
/// </summary>
public sealed class Receipt : AggregateRoot<Guid>
{
    private Receipt()
    {
    }

    public Guid OwnerId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long Size { get; private set; }

    /// <summary>SHA-256 of the bytes, lower-case hex: the file's address in storage.</summary>
    public string ContentHash { get; private set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; private set; }

    public RecognitionStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? RecognizedAt { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The document kind recognition found (vat-invoice, e-invoice, receipt, unknown).</summary>
    public string? DocumentKind { get; private set; }

    /// <summary>Fields as recognition proposed them. Never changed by the employee.</summary>
    public InvoiceFields? Proposed { get; private set; }

    public string? ProposedCurrency { get; private set; }

    /// <summary>The full engine result (sources, confidence, warnings, text lines with boxes) as JSON for the portal.</summary>
    public string? ResultJson { get; private set; }

    public const int MaxFileNameLength = 200;

    public const int MaxContentTypeLength = 100;

    public static Receipt Create(Guid id, Guid ownerId, string fileName, string contentType, long size, string contentHash, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(contentHash) || contentHash.Length != 64)
        {
            throw new DomainException(ExpensesErrors.Required("Content hash", "文件摘要"));
        }

        // Controls and direction characters in the name are refused at the API edge; here it is cut to its column.
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        return new Receipt
        {
            Id = id, OwnerId = ownerId, FileName = name.Length == 0 ? "receipt" : name[..Math.Min(MaxFileNameLength, name.Length)],
            ContentType = MediaType(contentType), Size = size,
            ContentHash = contentHash, UploadedAt = at, Status = RecognitionStatus.Pending,
        };
    }

    /// <summary>
    /// The part's Content-Type as the client sent it, kept only when it is a plain "type/subtype" within the column: it
    /// is served back with the file, so a 300-character or control-laden header is replaced, not stored.
    /// </summary>
    private static string MediaType(string? contentType)
    {
        var value = contentType?.Trim() ?? string.Empty;
        var plain = value.Length is > 0 and <= MaxContentTypeLength && value.Count(c => c == '/') == 1
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-' or ';' or '=' or ' ' or '_');
        return plain ? value : "application/octet-stream";
    }

    /// <summary>A worker takes the receipt; false when another worker already finished it (a retried job does nothing).</summary>
    public bool Start(DateTimeOffset at)
    {
        if (Status == RecognitionStatus.Succeeded)
        {
            return false;
        }

        Status = RecognitionStatus.Running;
        Attempts++;
        RecognizedAt = at;
        return true;
    }

    public void Complete(string kind, InvoiceFields proposed, string? currency, string resultJson, string? error, DateTimeOffset at)
    {
        DocumentKind = kind;
        Proposed = proposed;
        ProposedCurrency = currency;
        ResultJson = resultJson;
        Error = error;
        Status = error is null ? RecognitionStatus.Succeeded : RecognitionStatus.Failed;
        RecognizedAt = at;
    }

    public void Fail(string error, DateTimeOffset at)
    {
        Error = error[..Math.Min(500, error.Length)];
        Status = RecognitionStatus.Failed;
        RecognizedAt = at;
    }
}
