using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// A PostgreSQL advisory lock held until the current transaction ends. Modules that keep different parts of one thing
/// (a claim's state in Expenses, its approval in Approvals) share the database, so two of their transactions that must
/// not interleave take the same lock first — a lock on the thing itself, not on either module's rows — and then read the
/// other module's committed state through its Contracts. Take it before any row lock, so the order is always the same.
/// </summary>
public static class AdvisoryLock
{
    public static async Task TakeAsync(DatabaseFacade database, string scope, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"The advisory lock on {scope} {id} lasts for a transaction; begin one first.");
        }

        var key = Key(scope, id);
        await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }

    /// <summary>64 bits of SHA-256 over scope and id: stable across processes; a collision only makes two unrelated things wait for each other.</summary>
    public static long Key(string scope, Guid id)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(scope.Length) + 16];
        var length = Encoding.UTF8.GetBytes(scope, input);
        id.TryWriteBytes(input[length..], bigEndian: true, out var written);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..(length + written)], hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
