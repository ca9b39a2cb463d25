using System.Buffers;
using System.Buffers.Text;
using System.Text;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// A mini-batch output part rewritten into output lines as it is read: each part line <c>rowInSlice,values</c>
/// becomes <c>fileName,rowBase+rowInSlice,values</c>, one run of lines per segment of the part's manifest. It
/// works on bytes (one pooled 64 KB input buffer, nothing allocated per line), so a part can be staged
/// straight from its store without holding the rewritten text. Lines end at <c>\n</c> (as the workers write
/// them); a last line without one gets one. Bytes after the manifest's last line are ignored. Read-only and
/// forward-only; disposing it disposes the part.
/// </summary>
public sealed class PartRewriteStream : Stream
{
    private const int BufferSize = 1 << 16;
    private const int ShownLineBytes = 80;

    private readonly Stream _part;
    private readonly int _index;
    private readonly IReadOnlyList<MiniBatchSegment> _segments;
    private readonly IReadOnlyList<JobInputFile> _files;
    private readonly long[] _bases;
    private byte[]? _buffer;
    private int _start;
    private int _end;
    // Bytes [_start, _scanned) are known to hold no delimiter of the current search, so a line split over
    // many small reads is not searched again from its start.
    private int _scanned;
    private bool _eof;

    private int _segment;
    private long _lineInSegment;
    private string _nameText = "";
    private byte[] _name = [];
    private readonly byte[] _number = new byte[20];
    private int _numberLength;
    private int _offset;
    private Phase _phase;

    private enum Phase
    {
        LineStart,
        Name,
        Number,
        Rest,
        Newline,
        Done,
    }

    /// <summary>
    /// Rewrites <paramref name="part"/> of <paramref name="result"/>, whose segments index
    /// <paramref name="files"/> and <paramref name="rowBase"/>. <paramref name="rowBase"/> (per file index)
    /// is advanced past the whole part here, at construction, by each segment's rows, whether or not the
    /// part is then read: the stream keeps its own copy of each segment's base, so the caller may go on to
    /// the next part while this one is read (possibly on another thread).
    /// </summary>
    public PartRewriteStream(Stream part, MiniBatchResult result, IReadOnlyList<JobInputFile> files, long[] rowBase)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(rowBase);
        _part = part;
        _index = result.Index;
        _segments = result.Segments;
        _files = files;
        _bases = new long[_segments.Count];
        for (var i = 0; i < _segments.Count; i++)
        {
            var segment = _segments[i];
            _bases[i] = rowBase[segment.FileIndex];
            // A failed row writes no line, but it still counts towards the file's row numbers.
            rowBase[segment.FileIndex] += segment.Rows;
        }
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    }

    /// <summary>Output lines produced so far (the manifest's lines once the stream is read to its end).</summary>
    public long LinesWritten { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A rewritten part is read forward only.");

    public override long Position
    {
        get => throw new NotSupportedException("A rewritten part is read forward only.");
        set => throw new NotSupportedException("A rewritten part is read forward only.");
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        if (buffer.IsEmpty)
            return 0;
        while (true)
        {
            var written = Produce(buffer, out var needInput);
            if (written > 0 || !needInput)
                return written;
            Fill(_part.Read(PrepareFill()));
        }
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        if (buffer.IsEmpty)
            return ValueTask.FromResult(0);
        try
        {
            // Most reads are served from the input already buffered, without an async state machine.
            var written = Produce(buffer.Span, out var needInput);
            return written > 0 || !needInput ? ValueTask.FromResult(written) : ReadWithInputAsync(buffer, cancellationToken);
        }
        catch (Exception e)
        {
            return ValueTask.FromException<int>(e);
        }
    }

    private async ValueTask<int> ReadWithInputAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            Fill(await _part.ReadAsync(PrepareFillMemory(), cancellationToken).ConfigureAwait(false));
            var written = Produce(buffer.Span, out var needInput);
            if (written > 0 || !needInput)
                return written;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A rewritten part is read forward only.");

    public override void SetLength(long value) => throw new NotSupportedException("A rewritten part is read only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A rewritten part is read only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
            _part.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
            await _part.DisposeAsync().ConfigureAwait(false);
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Writes as much output as the buffered input allows into <paramref name="destination"/>; sets
    /// <paramref name="needInput"/> when it stopped for want of input (never reads the part itself).
    /// </summary>
    private int Produce(Span<byte> destination, out bool needInput)
    {
        needInput = false;
        var buffer = _buffer!;
        var written = 0;
        while (written < destination.Length)
        {
            switch (_phase)
            {
                case Phase.LineStart:
                    if (TryWholeLine(buffer, destination[written..], out var produced))
                    {
                        written += produced;
                        break;
                    }
                    if (!StartLine(buffer, out needInput))
                        return written;
                    break;
                case Phase.Name:
                    written += CopyPending(_name.AsSpan(0, _name.Length), destination[written..], Phase.Number);
                    break;
                case Phase.Number:
                    written += CopyPending(_number.AsSpan(0, _numberLength), destination[written..], Phase.Rest);
                    break;
                case Phase.Rest:
                {
                    // The rest of the line, from its first comma (or its end) through '\n', copied as it is.
                    if (_start == _end)
                    {
                        if (!_eof)
                        {
                            needInput = true;
                            return written;
                        }
                        _phase = Phase.Newline;
                        break;
                    }
                    var from = Math.Max(_start, _scanned);
                    var newline = buffer.AsSpan(from, _end - from).IndexOf((byte)'\n');
                    var lineEnds = newline >= 0;
                    _scanned = lineEnds ? from + newline : _end;
                    var take = (lineEnds ? _scanned + 1 : _end) - _start;
                    if (take > destination.Length - written)
                    {
                        take = destination.Length - written;
                        lineEnds = false;
                    }
                    buffer.AsSpan(_start, take).CopyTo(destination[written..]);
                    written += take;
                    _start += take;
                    if (lineEnds)
                        EndLine();
                    break;
                }
                case Phase.Newline:
                    destination[written++] = (byte)'\n';
                    EndLine();
                    break;
                default:
                    return written;
            }
        }
        return written;
    }

    /// <summary>
    /// The common case in one step, without the phases: a whole line with a short row number is buffered and its
    /// output fits <paramref name="destination"/>. Returns false, changing nothing, for anything else (a line split
    /// over reads, a bad or long row number, the end of the manifest), which the phases then handle.
    /// </summary>
    private bool TryWholeLine(byte[] buffer, Span<byte> destination, out int produced)
    {
        produced = 0;
        if (_segment >= _segments.Count || _lineInSegment >= _segments[_segment].Lines || _name.Length == 0)
            return false;
        var input = buffer.AsSpan(_start, _end - _start);
        // The row number: digits up to the first ',' or '\n'; at most 18 cannot overflow a long (longer go the careful way).
        long row = 0;
        var digits = 0;
        while (digits < input.Length && digits <= 18 && (uint)(input[digits] - '0') <= 9)
            row = row * 10 + (input[digits++] - '0');
        if (digits is 0 or > 18 || digits == input.Length || input[digits] is not ((byte)',' or (byte)'\n'))
            return false;
        var newline = input[digits..].IndexOf((byte)'\n');
        if (newline < 0)
            return false;
        var rest = input.Slice(digits, newline + 1);
        var @base = _bases[_segment];
        if (row > long.MaxValue - @base || _name.Length + _number.Length + rest.Length > destination.Length)
            return false;
        _name.CopyTo(destination);
        Utf8Formatter.TryFormat(@base + row, destination[_name.Length..], out var length);
        rest.CopyTo(destination[(_name.Length + length)..]);
        produced = _name.Length + length + rest.Length;
        _start += digits + rest.Length;
        _scanned = _start;
        EndLine();
        return true;
    }

    private int CopyPending(ReadOnlySpan<byte> pending, Span<byte> destination, Phase next)
    {
        var take = Math.Min(pending.Length - _offset, destination.Length);
        pending.Slice(_offset, take).CopyTo(destination);
        _offset += take;
        if (_offset == pending.Length)
        {
            _offset = 0;
            _phase = next;
        }
        return take;
    }

    /// <summary>
    /// Starts the next line of the manifest: parses its row number (the bytes before its first comma or
    /// end) and formats the output row. Returns false when the manifest is done or more input is needed.
    /// </summary>
    private bool StartLine(byte[] buffer, out bool needInput)
    {
        needInput = false;
        while (_segment < _segments.Count && _lineInSegment >= _segments[_segment].Lines)
        {
            _segment++;
            _lineInSegment = 0;
            _name = [];
        }
        if (_segment == _segments.Count)
        {
            _phase = Phase.Done;
            return false;
        }
        if (_name.Length == 0)
        {
            _nameText = CsvField.Quote(_files[_segments[_segment].FileIndex].FileName);
            _name = Encoding.UTF8.GetBytes(_nameText + ",");
        }

        var from = Math.Max(_start, _scanned);
        var delimiter = buffer.AsSpan(from, _end - from).IndexOfAny((byte)',', (byte)'\n');
        int fieldEnd;
        if (delimiter >= 0)
        {
            fieldEnd = from + delimiter;
        }
        else
        {
            _scanned = _end;
            var full = _start == 0 && _end == buffer.Length;
            if (!_eof && !full)
            {
                needInput = true;
                return false;
            }
            if (_start == _end)
                throw new InvalidDataException(
                    $"Output part of mini-batch {_index} ends after {_lineInSegment} of {_segments[_segment].Lines} lines for {_nameText}.");
            if (!_eof)
                throw new InvalidDataException($"Output part of mini-batch {_index} has a line without a row number: '{LineStart(buffer)}'.");
            fieldEnd = _end; // The part's last line: a row number alone, without '\n'.
        }

        var field = buffer.AsSpan(_start, fieldEnd - _start);
        if (field.IsEmpty)
            throw new InvalidDataException($"Output part of mini-batch {_index} has a line without a row number: '{LineStart(buffer)}'.");
        long row = 0;
        foreach (var b in field)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
                throw new InvalidDataException($"Output part of mini-batch {_index} has a line without a row number: '{LineStart(buffer)}'.");
            if (row > (long.MaxValue - digit) / 10)
                throw new InvalidDataException($"Output part of mini-batch {_index} has a row number too large for a 64-bit integer: '{LineStart(buffer)}'.");
            row = row * 10 + digit;
        }
        var @base = _bases[_segment];
        if (row > long.MaxValue - @base)
            throw new InvalidDataException(
                $"Output part of mini-batch {_index} has row {row} of {_nameText} past row {@base}, beyond a 64-bit integer: '{LineStart(buffer)}'.");
        Utf8Formatter.TryFormat(@base + row, _number, out _numberLength);

        _start = fieldEnd;
        _scanned = fieldEnd;
        _offset = 0;
        _phase = Phase.Name;
        return true;
    }

    private void EndLine()
    {
        LinesWritten++;
        _lineInSegment++;
        _phase = Phase.LineStart;
    }

    /// <summary>The start of the current line as text, for error messages.</summary>
    private string LineStart(byte[] buffer)
    {
        var line = buffer.AsSpan(_start, _end - _start);
        var newline = line.IndexOf((byte)'\n');
        if (newline >= 0)
            line = line[..newline];
        return line.Length <= ShownLineBytes ? Encoding.UTF8.GetString(line) : Encoding.UTF8.GetString(line[..ShownLineBytes]) + "...";
    }

    /// <summary>Makes room after the buffered input (moving an unfinished line to the front) and returns it.</summary>
    private Span<byte> PrepareFill() => PrepareFillMemory().Span;

    private Memory<byte> PrepareFillMemory()
    {
        var buffer = _buffer!;
        if (_start == _end)
        {
            _start = _end = _scanned = 0;
        }
        else if (_end == buffer.Length)
        {
            var kept = _end - _start;
            buffer.AsSpan(_start, kept).CopyTo(buffer);
            _scanned -= _start;
            _start = 0;
            _end = kept;
        }
        return buffer.AsMemory(_end);
    }

    private void Fill(int read)
    {
        if (read == 0)
            _eof = true;
        _end += read;
    }
}
