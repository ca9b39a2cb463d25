using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>
/// The values of one model input column for a batch of rows, typed as the model's schema says (a vector input
/// holds <see cref="MlNetInput.Width"/> values per row). Values are parsed straight from the file's bytes (CSV,
/// JSON lines) or copied from typed columns (Parquet) and checked on the way, so ML.NET reads them as they are
/// (<see cref="MlNetBatchView"/>) with no text written and parsed again. Float columns live side by side in one
/// row-major block shared by all of them (element <c>row * stride + offset + k</c>), so a plain CSV row is parsed
/// into its floats in one pass (<see cref="PlainCsvRow"/>).
/// </summary>
internal sealed class MlNetColumnBuffer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly float[]? _floats;
    private readonly double[]? _doubles;
    private readonly bool[]? _bools;
    private readonly int[]? _ints;
    private readonly long[]? _longs;
    private readonly ReadOnlyMemory<char>[]? _texts;
    private readonly int _stride;
    private readonly int _offset;

    /// <param name="input">The model input.</param>
    /// <param name="capacity">Rows per batch.</param>
    /// <param name="floats">For a float input: the block shared by the batch's float inputs, <paramref name="stride"/> floats per row.</param>
    /// <param name="stride">Floats per row of <paramref name="floats"/>.</param>
    /// <param name="offset">Where this input's floats start in a row of <paramref name="floats"/>.</param>
    public MlNetColumnBuffer(MlNetInput input, int capacity, float[] floats, int stride, int offset)
    {
        Input = input;
        var size = capacity * input.Width;
        (_stride, _offset) = input.Kind == DataKind.Single ? (stride, offset) : (input.Width, 0);
        switch (input.Kind)
        {
            case DataKind.Single: _floats = floats; break;
            case DataKind.Double: _doubles = new double[size]; break;
            case DataKind.Boolean: _bools = new bool[size]; break;
            case DataKind.Int32: _ints = new int[size]; break;
            case DataKind.Int64: _longs = new long[size]; break;
            default: _texts = new ReadOnlyMemory<char>[size]; break;
        }
    }

    public MlNetInput Input { get; }

    /// <summary>The column's type in the data view: the scalar type, or a vector of <see cref="MlNetInput.Width"/> of it.</summary>
    public DataViewType Type
    {
        get
        {
            PrimitiveDataViewType item = Input.Kind switch
            {
                DataKind.Single => NumberDataViewType.Single,
                DataKind.Double => NumberDataViewType.Double,
                DataKind.Boolean => BooleanDataViewType.Instance,
                DataKind.Int32 => NumberDataViewType.Int32,
                DataKind.Int64 => NumberDataViewType.Int64,
                _ => TextDataViewType.Instance,
            };
            return Input.Width == 1 ? item : new VectorDataViewType(item, Input.Width);
        }
    }

    /// <summary>Parses <paramref name="text"/> into element <paramref name="element"/> of row <paramref name="row"/>; false when it is not a value of the column's type.</summary>
    public bool TrySetText(int row, int element, ReadOnlySpan<byte> text)
    {
        var slot = (row * _stride) + _offset + element;
        if (_texts is not null)
        {
            _texts[slot] = Encoding.UTF8.GetString(text).AsMemory();
            return true;
        }

        var trimmed = text.Trim(" \t"u8);
        if (_bools is not null)
        {
            var word = Ascii.EqualsIgnoreCase(trimmed, "true"u8) || trimmed.SequenceEqual("1"u8);
            _bools[slot] = word;
            return word || Ascii.EqualsIgnoreCase(trimmed, "false"u8) || trimmed.SequenceEqual("0"u8);
        }

        if (_longs is not null || _ints is not null)
        {
            return long.TryParse(trimmed, NumberStyles.Integer, Invariant, out var whole) && TrySetNumber(row, element, whole);
        }

        return !trimmed.IsEmpty && DecimalText.TryParse(trimmed, out var number) && TrySetNumber(row, element, number);
    }

    /// <summary>Stores a number; false for a fraction or out-of-range value in an integer column, or a boolean other than 0/1.</summary>
    public bool TrySetNumber(int row, int element, double value)
    {
        var slot = (row * _stride) + _offset + element;
        switch (Input.Kind)
        {
            case DataKind.Single: _floats![slot] = (float)value; return true;
            case DataKind.Double: _doubles![slot] = value; return true;
            case DataKind.Boolean when value is 0 or 1: _bools![slot] = value == 1; return true;
            case DataKind.Int32 when IsWhole(value, int.MinValue, int.MaxValue): _ints![slot] = (int)value; return true;
            case DataKind.Int64 when IsWhole(value, long.MinValue, long.MaxValue): _longs![slot] = (long)value; return true;
            case DataKind.String: _texts![slot] = value.ToString(Invariant).AsMemory(); return true;
            default: return false;
        }
    }

    /// <summary>Marks element <paramref name="element"/> of row <paramref name="row"/> missing (a label the data does not have): NaN for floating columns, the default otherwise.</summary>
    public void SetMissing(int row, int element)
    {
        var slot = (row * _stride) + _offset + element;
        switch (Input.Kind)
        {
            case DataKind.Single: _floats![slot] = float.NaN; break;
            case DataKind.Double: _doubles![slot] = double.NaN; break;
            case DataKind.Boolean: _bools![slot] = false; break;
            case DataKind.Int32: _ints![slot] = 0; break;
            case DataKind.Int64: _longs![slot] = 0; break;
            default: _texts![slot] = ReadOnlyMemory<char>.Empty; break;
        }
    }

    /// <summary>A getter of this column's value in the row <paramref name="cursor"/> stands on.</summary>
    public Delegate Getter(MlNetBatchCursor cursor) => Input.Kind switch
    {
        DataKind.Single => Getter(_floats!, cursor),
        DataKind.Double => Getter(_doubles!, cursor),
        DataKind.Boolean => Getter(_bools!, cursor),
        DataKind.Int32 => Getter(_ints!, cursor),
        DataKind.Int64 => Getter(_longs!, cursor),
        _ => Getter(_texts!, cursor),
    };

    private Delegate Getter<T>(T[] values, MlNetBatchCursor cursor)
    {
        var (width, stride, offset) = (Input.Width, _stride, _offset);
        if (width == 1)
        {
            return (ValueGetter<T>)((ref T value) => value = values[((int)cursor.Position * stride) + offset]);
        }

        return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
        {
            var editor = VBufferEditor.Create(ref value, width);
            values.AsSpan(((int)cursor.Position * stride) + offset, width).CopyTo(editor.Values);
            value = editor.Commit();
        });
    }

    private static bool IsWhole(double value, double min, double max) => value >= min && value <= max && Math.Floor(value) == value;
}
