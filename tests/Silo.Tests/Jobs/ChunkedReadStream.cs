namespace OrleansBatch.Silo.Tests.Jobs;

/// <summary>
/// A read-only stream over bytes that returns at most a few bytes per read, like a network stream handing
/// over what has arrived; its async reads complete asynchronously.
/// </summary>
public sealed class ChunkedReadStream(byte[] content, int maxPerRead) : Stream
{
    private readonly MemoryStream _content = new(content, writable: false);

    public override bool CanRead => _content.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => _content.Read(buffer[..Math.Min(buffer.Length, maxPerRead)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return await _content.ReadAsync(buffer[..Math.Min(buffer.Length, maxPerRead)], cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _content.Dispose();
        base.Dispose(disposing);
    }
}
