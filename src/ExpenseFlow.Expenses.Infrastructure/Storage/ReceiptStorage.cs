namespace ExpenseFlow.Expenses.Infrastructure.Storage;

/// <summary>
/// Where receipt bytes live, addressed by the SHA-256 of their bytes (so the same file is stored once). The upload
/// stores the bytes first and commits the receipt row after; maintenance deletes objects no row refers to once they
/// are older than any upload in flight could be.
/// </summary>
public interface IReceiptStorage
{
    /// <summary>Stores the stream durably and returns its hash and size; throws <see cref="FileTooLargeException"/> past the limit.</summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    Task<Stream?> OpenAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Stored objects that may be unreferenced, with the time each was last stored (the caller re-checks the rows).</summary>
    IAsyncEnumerable<(string Hash, DateTimeOffset WrittenAt)> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the object unless it was stored again at or after <paramref name="storedBefore"/> (an upload of the same
    /// bytes renews the object, so one in flight is never collected under it). True when it was deleted.
    /// </summary>
    Task<bool> DeleteAsync(string hash, DateTimeOffset storedBefore, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="ReceiptStorageUnusableException"/> with the reason when this process cannot store receipts.</summary>
    Task EnsureWritableAsync(CancellationToken cancellationToken);
}

public sealed record StoredFile(string Hash, long Size);

public sealed class FileTooLargeException(long limit) : Exception($"The file exceeds {limit} bytes.")
{
    public long Limit { get; } = limit;
}

public sealed class ReceiptStorageUnusableException(string message, Exception? inner = null) : Exception(message, inner);

public enum ReceiptStore
{
    /// <summary>A folder (one host, or a folder every host shares).</summary>
    FileSystem,

    /// <summary>PostgreSQL (expenses.receipt_blobs): every host that shares the database shares the receipts.</summary>
    Database,
}

public sealed class ReceiptStorageOptions
{
    /// <summary>
    /// The production default: systemd's StateDirectory=expenseflow creates /var/lib/expenseflow for the service user
    /// and keeps it across restarts and reboots (unlike /tmp and /var/tmp, which PrivateTmp=true makes private and
    /// throw-away for the service).
    /// </summary>
    public const string DefaultPath = "/var/lib/expenseflow/receipts";

    public string Path { get; set; } = DefaultPath;

    public ReceiptStore Store { get; set; } = ReceiptStore.FileSystem;
}
