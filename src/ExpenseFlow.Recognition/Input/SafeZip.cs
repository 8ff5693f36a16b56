using System.IO.Compression;

namespace ExpenseFlow.Recognition.Input;

/// <summary>Reads zip entries with caps on count, size and compression ratio, trusting no declared size.</summary>
internal sealed class SafeZip : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly RecognitionOptions _options;
    private long _totalRead;

    public SafeZip(byte[] bytes, RecognitionOptions options)
    {
        _options = options;
        try
        {
            _zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new RecognitionException(ErrorCodes.Corrupt, ex.Message);
        }
        if (_zip.Entries.Count > options.MaxZipEntries) throw new RecognitionException(ErrorCodes.ZipBomb, "too many entries");
        foreach (var e in _zip.Entries)
        {
            if (e.Length > options.MaxZipEntryBytes) throw new RecognitionException(ErrorCodes.ZipBomb, $"entry {e.FullName} too large");
            if (IsBombRatio(e.Length, e.CompressedLength)) throw new RecognitionException(ErrorCodes.ZipBomb, $"entry {e.FullName} ratio");
        }
        _byName = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in _zip.Entries) _byName.TryAdd(Normalize(e.FullName), e);
    }

    private readonly Dictionary<string, ZipArchiveEntry> _byName;

    public ZipArchive Archive => _zip;

    public bool Exists(string path) => _byName.ContainsKey(Normalize(path));

    public bool IsOfd => _byName.ContainsKey("OFD.xml");

    private bool IsBombRatio(long length, long compressed) =>
        length > 1024 * 1024 && length > (long)_options.MaxZipCompressionRatio * Math.Max(1, compressed);

    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var p in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (p == ".") continue;
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(p);
        }
        return string.Join('/', parts);
    }

    /// <summary>Entry bytes, or null when absent. Reading stops at the caps even when the header lied about the size.</summary>
    public byte[]? Read(string path)
    {
        if (!_byName.TryGetValue(Normalize(path), out var entry)) return null;
        using var s = entry.Open();
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
        {
            ms.Write(buffer, 0, n);
            _totalRead += n;
            if (ms.Length > _options.MaxZipEntryBytes || _totalRead > _options.MaxZipTotalBytes || IsBombRatio(ms.Length, entry.CompressedLength))
                throw new RecognitionException(ErrorCodes.ZipBomb, $"entry {entry.FullName} inflates beyond the limits");
        }
        return ms.ToArray();
    }

    public void Dispose() => _zip.Dispose();
}
