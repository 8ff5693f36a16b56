namespace ExpenseFlow.TestBase.Mutation;

/// <summary>An upload of any size that the test never holds in memory: its bytes are made as they are read.</summary>
public static class LargeUpload
{
    public static StreamContent Of(long size, byte fill = (byte)'0') => new(new FilledStream(size, fill), 81_920);

    /// <summary>The process's working set in MB, for the figures a size test prints.</summary>
    public static long WorkingSetMb()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64 / 1024 / 1024;
    }

    private sealed class FilledStream(long length, byte fill) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill(fill);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
