using System.Security.Cryptography;

namespace ExpenseFlow.Expenses.Infrastructure.Storage;

/// <summary>
/// A folder on disk. A file is written to a temporary name, flushed to the device, then renamed into place, so a
/// crash leaves either no object or a complete one, never a torn file under a valid name.
/// </summary>
public sealed class FileSystemReceiptStorage(ReceiptStorageOptions options) : IReceiptStorage
{
    private string Root => options.Path;

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tmpDir = System.IO.Path.Combine(Root, "tmp");
        Directory.CreateDirectory(tmpDir);
        var tmp = System.IO.Path.Combine(tmpDir, Guid.NewGuid().ToString("N"));
        long size = 0;
        string hash;
        try
        {
            await using (var file = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var target = PathOf(hash);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                // The same bytes again: renewed, so maintenance does not collect the object under this upload's row.
                File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
                File.Delete(tmp);
            }
            else
            {
                File.Move(tmp, target, overwrite: true);
            }

            return new StoredFile(hash, size);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }

    public Task<Stream?> OpenAsync(string hash, CancellationToken cancellationToken)
    {
        var path = PathOf(hash);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null);
    }

    public async IAsyncEnumerable<(string Hash, DateTimeOffset WrittenAt)> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var objects = System.IO.Path.Combine(Root, "objects");
        if (!Directory.Exists(objects))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(objects, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = System.IO.Path.GetFileName(file);
            if (name.Length == 64)
            {
                yield return (name, File.GetLastWriteTimeUtc(file));
            }
        }

        await Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string hash, DateTimeOffset storedBefore, CancellationToken cancellationToken)
    {
        var path = PathOf(hash);
        if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) >= storedBefore.UtcDateTime)
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <summary>Creates the folder and writes, flushes and removes a probe file: what an upload will do.</summary>
    public Task EnsureWritableAsync(CancellationToken cancellationToken)
    {
        try
        {
            var tmpDir = System.IO.Path.Combine(Root, "tmp");
            Directory.CreateDirectory(tmpDir);
            Directory.CreateDirectory(System.IO.Path.Combine(Root, "objects"));
            var probe = System.IO.Path.Combine(tmpDir, "probe-" + Guid.NewGuid().ToString("N"));
            using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.WriteByte(0);
                file.Flush(flushToDisk: true);
            }

            File.Delete(probe);
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ReceiptStorageUnusableException(
                $"The receipt folder '{Root}' (Receipts:StoragePath) is not writable by this process: {ex.Message} " +
                "Create it for the service's user (the systemd unit's StateDirectory=expenseflow creates /var/lib/expenseflow) " +
                "or set Receipts:StoragePath to a folder that is, or use Receipts:Store=Database.", ex);
        }
    }

    private string PathOf(string hash)
    {
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("Not a SHA-256 hex digest.", nameof(hash));
        }

        return System.IO.Path.Combine(Root, "objects", hash[..2], hash[2..4], hash);
    }
}
