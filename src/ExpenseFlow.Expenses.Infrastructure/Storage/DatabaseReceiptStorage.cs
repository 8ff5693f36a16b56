using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace ExpenseFlow.Expenses.Infrastructure.Storage;

/// <summary>
/// Receipt bytes in PostgreSQL (expenses.receipt_blobs, one row per SHA-256), so every host on the database reads what
/// any host stored. The blob commits in its own statement before the upload commits the receipt row, exactly as the
/// folder's rename does: a crash in between leaves an unreferenced blob that maintenance deletes, never a row without
/// bytes. bytea rather than large objects: a receipt is bounded by the upload limit (Receipts:MaxFileBytes, 20 MB),
/// far below bytea's 1 GB, and a bytea value goes with its row (deleted, backed up, replicated) where a large object
/// needs lo_unlink and its own permissions.
/// </summary>
public sealed class DatabaseReceiptStorage(NpgsqlDataSource dataSource, TimeProvider clock) : IReceiptStorage, IDisposable
{
    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FileTooLargeException(maxBytes);
            }

            sha.AppendData(chunk, 0, read);
            buffer.Write(chunk, 0, read);
        }

        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // The same bytes again: renew the blob (so maintenance does not collect it under this upload) without resending them.
        await using (var renew = new NpgsqlCommand("UPDATE expenses.receipt_blobs SET stored_at = @now WHERE sha256 = @h", connection))
        {
            renew.Parameters.AddWithValue("h", hash);
            renew.Parameters.AddWithValue("now", now);
            if (await renew.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return new StoredFile(hash, buffer.Length);
            }
        }

        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO expenses.receipt_blobs (sha256, bytes, size, stored_at) VALUES (@h, @b, @s, @now)
            ON CONFLICT (sha256) DO UPDATE SET stored_at = excluded.stored_at
            """, connection);
        insert.Parameters.AddWithValue("h", hash);
        insert.Parameters.Add(new NpgsqlParameter("b", NpgsqlDbType.Bytea) { Value = new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length) });
        insert.Parameters.AddWithValue("s", buffer.Length);
        insert.Parameters.AddWithValue("now", now);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return new StoredFile(hash, buffer.Length);
    }

    public async Task<Stream?> OpenAsync(string hash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT bytes FROM expenses.receipt_blobs WHERE sha256 = @h");
        command.Parameters.AddWithValue("h", hash);
        // Bounded by the upload limit: held in memory, seekable, so range requests work as with a file.
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] bytes ? new MemoryStream(bytes, writable: false) : null;
    }

    public async IAsyncEnumerable<(string Hash, DateTimeOffset WrittenAt)> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT b.sha256, b.stored_at FROM expenses.receipt_blobs b
            WHERE NOT EXISTS (SELECT 1 FROM expenses.receipts r WHERE r.content_hash = b.sha256)
            ORDER BY b.stored_at LIMIT 1000
            """);
        var candidates = new List<(string, DateTimeOffset)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
            }
        }

        foreach (var candidate in candidates)
        {
            yield return candidate;
        }
    }

    public async Task<bool> DeleteAsync(string hash, DateTimeOffset storedBefore, CancellationToken cancellationToken)
    {
        // One statement: a renewal or a receipt row committed meanwhile keeps the blob (PostgreSQL re-checks the
        // condition on the row's newest version when it waited for a concurrent update).
        await using var command = dataSource.CreateCommand(
            """
            DELETE FROM expenses.receipt_blobs b WHERE b.sha256 = @h AND b.stored_at < @before
              AND NOT EXISTS (SELECT 1 FROM expenses.receipts r WHERE r.content_hash = b.sha256)
            """);
        command.Parameters.AddWithValue("h", hash);
        command.Parameters.AddWithValue("before", storedBefore);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task EnsureWritableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(
                "SELECT has_table_privilege('expenses.receipt_blobs', 'INSERT') AND has_table_privilege('expenses.receipt_blobs', 'DELETE')");
            if (await command.ExecuteScalarAsync(cancellationToken) is not true)
            {
                throw new ReceiptStorageUnusableException("The database role may not insert into or delete from expenses.receipt_blobs (Receipts:Store=Database).");
            }
        }
        catch (PostgresException ex)
        {
            throw new ReceiptStorageUnusableException(
                $"Receipts:Store=Database needs the table expenses.receipt_blobs: {ex.MessageText}. Run ExpenseFlow.DbMigrator first.", ex);
        }
    }

    public void Dispose() => dataSource.Dispose();
}
