using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// A reusable buffer for one model input holding up to <see cref="Capacity"/> items (rows or files) of
/// <see cref="Width"/> elements, turned into a tensor over the same memory for each Run (no copy).
/// Values are parsed straight from UTF-8 text into the element type, so filling it allocates nothing.
/// </summary>
internal sealed class InputTensor
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly float[]? _floats;
    private readonly double[]? _doubles;
    private readonly long[]? _longs;
    private readonly int[]? _ints;
    private readonly byte[]? _bytes;
    private readonly bool[]? _bools;
    private readonly int[]? _stringStarts;
    private readonly long[] _shape;
    private byte[] _arena = [];
    private int _arenaUsed;

    /// <param name="info">The model input.</param>
    /// <param name="itemShape">Dimensions of one item (without the batch dimension when <paramref name="batched"/>).</param>
    /// <param name="batched">Whether the model's first dimension is the dynamic batch dimension.</param>
    /// <param name="capacity">Items per Run (1 when not batched).</param>
    public InputTensor(OnnxValueInfo info, long[] itemShape, bool batched, int capacity)
    {
        Info = info;
        Batched = batched;
        Capacity = batched ? capacity : 1;
        ItemShape = itemShape;
        Width = checked((int)itemShape.Aggregate(1L, (a, d) => a * d));
        _shape = batched ? [0, .. itemShape] : itemShape;
        var size = Capacity * Width;
        switch (info.Type.ElementType)
        {
            case TensorElementType.Float: _floats = new float[size]; break;
            case TensorElementType.Double: _doubles = new double[size]; break;
            case TensorElementType.Int64: _longs = new long[size]; break;
            case TensorElementType.Int32: _ints = new int[size]; break;
            case TensorElementType.UInt8: _bytes = new byte[size]; break;
            case TensorElementType.Bool: _bools = new bool[size]; break;
            case TensorElementType.String: _stringStarts = new int[size]; break;
            default:
                throw new NotSupportedException(
                    $"Model input '{info.Name}' has element type {info.Type.TypeName}; supported: float, double, int64, int32, uint8, bool, string.");
        }
    }

    public OnnxValueInfo Info { get; }

    public bool Batched { get; }

    public int Capacity { get; }

    public long[] ItemShape { get; }

    /// <summary>Elements per item.</summary>
    public int Width { get; }

    public TensorElementType ElementType => Info.Type.ElementType;

    /// <summary>Item <paramref name="item"/>'s elements of a float input (for parsers that write them directly).</summary>
    public Span<float> FloatItem(int item) => _floats.AsSpan(item * Width, Width);

    /// <summary>Items <paramref name="first"/> to <paramref name="first"/>+<paramref name="count"/>-1 of a float input, for column-wise fills.</summary>
    public Span<float> FloatItems(int first, int count) => _floats.AsSpan(first * Width, count * Width);

    /// <summary>Forgets the strings of the previous batch (numeric slots are simply overwritten).</summary>
    public void BeginBatch() => _arenaUsed = 0;

    /// <summary>Parses <paramref name="text"/> into element <paramref name="offset"/> of item <paramref name="item"/>; on failure returns why.</summary>
    public bool TrySetText(int item, int offset, ReadOnlySpan<byte> text, out string? reason)
    {
        var slot = (item * Width) + offset;
        reason = null;
        switch (ElementType)
        {
            case TensorElementType.String:
                SetString(slot, text);
                return true;
            case TensorElementType.Float:
                if (DecimalText.TryParse(text, out var f))
                {
                    _floats![slot] = (float)f;
                    return true;
                }

                break;
            case TensorElementType.Double:
                if (DecimalText.TryParse(text, out var d))
                {
                    _doubles![slot] = d;
                    return true;
                }

                break;
            case TensorElementType.Int64 when long.TryParse(text, NumberStyles.Integer, Invariant, out var l):
                _longs![slot] = l;
                return true;
            case TensorElementType.Bool when IsWord(text, "true"u8) || IsWord(text, "false"u8):
                _bools![slot] = IsWord(text, "true"u8);
                return true;
        }

        if (DecimalText.TryParse(text, out var number))
        {
            return TrySetNumber(item, offset, number, out reason);
        }

        reason = $"is not a number (model input '{Info.Name}' takes {Info.Type.TypeName})";
        return false;
    }

    /// <summary>Stores a number, converting it to the element type; fails for a fraction or out-of-range value in an integer input.</summary>
    public bool TrySetNumber(int item, int offset, double value, out string? reason)
    {
        var slot = (item * Width) + offset;
        reason = null;
        switch (ElementType)
        {
            case TensorElementType.Float:
                _floats![slot] = (float)value;
                return true;
            case TensorElementType.Double:
                _doubles![slot] = value;
                return true;
            case TensorElementType.Int64 when IsWhole(value, long.MinValue, long.MaxValue):
                _longs![slot] = (long)value;
                return true;
            case TensorElementType.Int32 when IsWhole(value, int.MinValue, int.MaxValue):
                _ints![slot] = (int)value;
                return true;
            case TensorElementType.UInt8 when IsWhole(value, 0, 255):
                _bytes![slot] = (byte)value;
                return true;
            case TensorElementType.Bool when value is 0 or 1:
                _bools![slot] = value == 1;
                return true;
            case TensorElementType.String:
                Span<byte> utf8 = stackalloc byte[32];
                value.TryFormat(utf8, out var written, default, Invariant);
                SetString(slot, utf8[..written]);
                return true;
        }

        reason = ElementType switch
        {
            TensorElementType.Bool => $"is not a boolean (model input '{Info.Name}' takes bool: true/false/1/0)",
            _ => $"is not a whole number in range (model input '{Info.Name}' takes {Info.Type.TypeName})",
        };
        return false;
    }

    /// <summary>Copies a block of bytes (pixels) into item <paramref name="item"/>: uint8 inputs take them as they are, others as numbers 0-255.</summary>
    public void SetBytes(int item, ReadOnlySpan<byte> values)
    {
        var start = item * Width;
        switch (ElementType)
        {
            case TensorElementType.UInt8:
                values.CopyTo(_bytes.AsSpan(start, Width));
                break;
            case TensorElementType.Float:
                for (var i = 0; i < values.Length; i++)
                {
                    _floats![start + i] = values[i];
                }

                break;
            default:
                for (var i = 0; i < values.Length; i++)
                {
                    TrySetNumber(item, i, values[i], out _);
                }

                break;
        }
    }

    /// <summary>Stores item <paramref name="item"/>'s values given as floats (decoded files), converting to the element type.</summary>
    public bool TrySetItem(int item, ReadOnlySpan<float> values, out string? reason)
    {
        reason = null;
        if (ElementType == TensorElementType.Float)
        {
            values.CopyTo(_floats.AsSpan(item * Width, Width));
            return true;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!TrySetNumber(item, i, values[i], out reason))
            {
                reason = $"element {i} ({values[i].ToString(Invariant)}) {reason}";
                return false;
            }
        }

        return true;
    }

    /// <summary>A tensor over the first <paramref name="items"/> items, reading this buffer in place (pinned until disposed); dispose it after the Run.</summary>
    public OrtValue CreateValue(int items)
    {
        var shape = (long[])_shape.Clone();
        if (Batched)
        {
            shape[0] = items;
        }

        var count = items * Width;
        var cpu = OrtMemoryInfo.DefaultInstance;
        return ElementType switch
        {
            TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(cpu, _floats.AsMemory(0, count), shape),
            TensorElementType.Double => OrtValue.CreateTensorValueFromMemory(cpu, _doubles.AsMemory(0, count), shape),
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(cpu, _longs.AsMemory(0, count), shape),
            TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(cpu, _ints.AsMemory(0, count), shape),
            TensorElementType.UInt8 => OrtValue.CreateTensorValueFromMemory(cpu, _bytes.AsMemory(0, count), shape),
            TensorElementType.Bool => OrtValue.CreateTensorValueFromMemory(cpu, _bools.AsMemory(0, count), shape),
            _ => CreateStrings(count, shape),
        };
    }

    /// <summary>Fills every element of the first <paramref name="items"/> items with zero (or the empty string): the probe run's input.</summary>
    public void FillZero(int items)
    {
        BeginBatch();
        for (var item = 0; item < items; item++)
        {
            for (var offset = 0; offset < Width; offset++)
            {
                if (ElementType == TensorElementType.String)
                {
                    SetString((item * Width) + offset, default);
                }
                else
                {
                    TrySetNumber(item, offset, 0, out _);
                }
            }
        }
    }

    /// <summary>A string tensor: ONNX Runtime copies each string out of the arena.</summary>
    private OrtValue CreateStrings(int count, long[] shape)
    {
        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var text = _arena.AsSpan(_stringStarts![i]);
                value.StringTensorSetElementAt(text[..text.IndexOf((byte)0)], i);
            }
        }
        catch
        {
            value.Dispose();
            throw;
        }

        return value;
    }

    private static bool IsWhole(double value, double min, double max) =>
        value >= min && value <= max && Math.Floor(value) == value;

    private static bool IsWord(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word) =>
        System.Text.Ascii.EqualsIgnoreCase(text.Trim(" "u8), word);

    private void SetString(int slot, ReadOnlySpan<byte> utf8)
    {
        var needed = _arenaUsed + utf8.Length + 1;
        if (needed > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(needed, Math.Max(4096, _arena.Length * 2)));
        }

        utf8.CopyTo(_arena.AsSpan(_arenaUsed));
        _arena[_arenaUsed + utf8.Length] = 0;
        _stringStarts![slot] = _arenaUsed;
        _arenaUsed = needed;
    }
}
