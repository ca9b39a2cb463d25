using System.Buffers;

namespace OrleansBatch.Silo.Workers;

/// <summary>
/// An output part while it is written and then read once: a list of pooled chunks. A growing
/// <see cref="MemoryStream"/> copies itself at every doubling and leaves large arrays for the collector (a 10 MB
/// mini-batch makes a part of a few MB: measured 30% slower scoring on 2 cores); chunks are written once and go
/// back to the pool on dispose.
/// </summary>
public sealed class PartBuffer : Stream
{
    private const int ChunkSize = 128 * 1024;

    private readonly List<byte[]> _chunks = [];
    private long _length;
    private long _position;
    private bool _reading;
    private bool _disposed;

    public override bool CanRead => !_disposed;
    public override bool CanSeek => false;
    public override bool CanWrite => !_disposed && !_reading;
    public override long Length => _length;

    /// <summary>The read position (0 until <see cref="StartReading"/> has been called and bytes read).</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("A part is read once, from the start.");
    }

    /// <summary>Ends writing; reads then go from the first byte.</summary>
    public void StartReading()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _reading = true;
        _position = 0;
    }

    /// <summary>The whole part as a string, read from the start (for a part small enough to travel inline).</summary>
    public string ReadAllText()
    {
        StartReading();
        var bytes = new byte[_length];
        ReadExactly(bytes);
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_reading)
            throw new InvalidOperationException("The part is being read; it can no longer be written.");
        while (!buffer.IsEmpty)
        {
            var used = (int)(_length % ChunkSize);
            if (used == 0 && _length == (long)_chunks.Count * ChunkSize)
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkSize));
            var count = Math.Min(buffer.Length, ChunkSize - used);
            buffer[..count].CopyTo(_chunks[^1].AsSpan(used));
            _length += count;
            buffer = buffer[count..];
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_reading)
            throw new InvalidOperationException("Call StartReading before reading the part.");
        var total = 0;
        while (!buffer.IsEmpty && _position < _length)
        {
            var chunk = _chunks[(int)(_position / ChunkSize)];
            var at = (int)(_position % ChunkSize);
            var count = (int)Math.Min(Math.Min(buffer.Length, ChunkSize - at), _length - _position);
            chunk.AsSpan(at, count).CopyTo(buffer);
            _position += count;
            total += count;
            buffer = buffer[count..];
        }
        return total;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A part is read once, from the start.");

    public override void SetLength(long value) => throw new NotSupportedException("A part only grows while it is written.");

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            foreach (var chunk in _chunks)
                ArrayPool<byte>.Shared.Return(chunk);
            _chunks.Clear();
        }
        base.Dispose(disposing);
    }
}
