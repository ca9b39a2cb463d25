using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// One column of a Parquet row group, read through buffers reused from row group to row group: numbers (any
/// integer, floating or decimal type, and booleans as 0/1) as doubles, anything else as text; nulls are absent.
/// A required (non-nullable) double column is read by Parquet.Net straight into the numbers, with no copy and no
/// per-row presence flags (that copy cost as much as Parquet.Net's own decoding: bench/Scoring --breakdown).
/// </summary>
internal sealed class ParquetColumn(DataField field)
{
    private Array? _raw;
    private double[] _numbers = [];
    private bool[] _present = [];
    private string?[] _texts = [];
    private bool _required;

    public DataField Field { get; } = field;

    /// <summary>Whether the column holds numbers (or booleans), which feed numeric inputs without any text parsing.</summary>
    public bool IsNumeric { get; } = IsNumber(Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType);

    public static bool IsNumber(Type type) => Type.GetTypeCode(type) is TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte or TypeCode.Int16
        or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;

    /// <summary>Reads the column's <paramref name="rows"/> values from <paramref name="rowGroup"/>.</summary>
    public void Read(ParquetRowGroupReader rowGroup, int rows)
    {
        if (_present.Length < rows)
        {
            _numbers = new double[rows];
            _present = new bool[rows];
            _texts = new string?[rows];
            _raw = null;
        }

        var type = Nullable.GetUnderlyingType(Field.ClrType) ?? Field.ClrType;
        _required = !Field.IsNullable && IsNumeric;
        switch (Type.GetTypeCode(type))
        {
            case TypeCode.Double when _required:
                rowGroup.ReadAsync<double>(Field, _numbers.AsMemory(0, rows)).GetAwaiter().GetResult();
                break;
            case TypeCode.Double: ReadNumbers<double>(rowGroup, rows); break;
            case TypeCode.Single: ReadNumbers<float>(rowGroup, rows); break;
            case TypeCode.Int64: ReadNumbers<long>(rowGroup, rows); break;
            case TypeCode.Int32: ReadNumbers<int>(rowGroup, rows); break;
            case TypeCode.Int16: ReadNumbers<short>(rowGroup, rows); break;
            case TypeCode.SByte: ReadNumbers<sbyte>(rowGroup, rows); break;
            case TypeCode.Byte: ReadNumbers<byte>(rowGroup, rows); break;
            case TypeCode.UInt16: ReadNumbers<ushort>(rowGroup, rows); break;
            case TypeCode.UInt32: ReadNumbers<uint>(rowGroup, rows); break;
            case TypeCode.UInt64: ReadNumbers<ulong>(rowGroup, rows); break;
            case TypeCode.Decimal: ReadNumbers<decimal>(rowGroup, rows); break;
            case TypeCode.Boolean: ReadBooleans(rowGroup, rows); break;
            case TypeCode.String: ReadStrings(rowGroup, rows); break;
            case TypeCode.Object when type == typeof(ReadOnlyMemory<char>): ReadStrings(rowGroup, rows); break;
            default:
                throw new NotSupportedException($"Parquet column '{Field.Name}' has type {type.Name}; columns that feed a model must be numbers, booleans or strings.");
        }
    }

    /// <summary>Reads the <paramref name="used"/> columns of <paramref name="rowGroup"/>; returns its row count.</summary>
    public static int ReadGroup(ParquetRowGroupReader rowGroup, ParquetColumn[] columns, IEnumerable<int> used)
    {
        var rows = checked((int)rowGroup.RowCount);
        foreach (var c in used)
        {
            columns[c].Read(rowGroup, rows);
        }

        return rows;
    }

    /// <summary>The number in row <paramref name="row"/>; false for a null.</summary>
    public bool TryGetNumber(int row, out double value)
    {
        value = _numbers[row];
        return _required || _present[row];
    }

    /// <summary>Whether rows [<paramref name="start"/>, <paramref name="start"/>+<paramref name="count"/>) all have a value.</summary>
    public bool AllPresent(int start, int count) => _required || !_present.AsSpan(start, count).Contains(false);

    /// <summary>
    /// Copies the numbers of rows [<paramref name="start"/>, +<paramref name="count"/>) (all present) as floats into
    /// row-major <paramref name="rows"/> of <paramref name="stride"/> floats, at <paramref name="offset"/> in each: a
    /// batch window filled column by column.
    /// </summary>
    public void CopyTo(int start, int count, Span<float> rows, int stride, int offset)
    {
        var numbers = _numbers.AsSpan(start, count);
        for (var k = 0; k < numbers.Length; k++)
        {
            rows[(k * stride) + offset] = (float)numbers[k];
        }
    }

    /// <summary>The value of row <paramref name="row"/> as text (invariant), or null for a null.</summary>
    public string? Text(int row) => !_required && !_present[row] ? null
        : IsNumeric ? (_raw?.GetValue(row) is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : _numbers[row].ToString(CultureInfo.InvariantCulture))
        : _texts[row];

    private void ReadNumbers<T>(ParquetRowGroupReader rowGroup, int rows)
        where T : struct, INumberBase<T>
    {
        if (Field.IsNullable)
        {
            var buffer = Buffer<T?>(rows);
            rowGroup.ReadAsync(Field, buffer.AsMemory(0, rows)).GetAwaiter().GetResult();
            for (var r = 0; r < rows; r++)
            {
                _present[r] = buffer[r].HasValue;
                _numbers[r] = buffer[r] is { } v ? double.CreateChecked(v) : 0;
            }
        }
        else
        {
            var buffer = Buffer<T>(rows);
            rowGroup.ReadAsync(Field, buffer.AsMemory(0, rows)).GetAwaiter().GetResult();
            for (var r = 0; r < rows; r++)
            {
                _numbers[r] = double.CreateChecked(buffer[r]);
            }
        }
    }

    private void ReadBooleans(ParquetRowGroupReader rowGroup, int rows)
    {
        if (Field.IsNullable)
        {
            var buffer = Buffer<bool?>(rows);
            rowGroup.ReadAsync(Field, buffer.AsMemory(0, rows)).GetAwaiter().GetResult();
            for (var r = 0; r < rows; r++)
            {
                _present[r] = buffer[r].HasValue;
                _numbers[r] = buffer[r] == true ? 1 : 0;
            }
        }
        else
        {
            var buffer = Buffer<bool>(rows);
            rowGroup.ReadAsync(Field, buffer.AsMemory(0, rows)).GetAwaiter().GetResult();
            for (var r = 0; r < rows; r++)
            {
                _numbers[r] = buffer[r] ? 1 : 0;
            }
        }
    }

    private void ReadStrings(ParquetRowGroupReader rowGroup, int rows)
    {
        var buffer = Buffer<string?>(rows);
        rowGroup.ReadAsync(Field, buffer.AsMemory(0, rows)).GetAwaiter().GetResult();
        for (var r = 0; r < rows; r++)
        {
            _texts[r] = buffer[r];
            _present[r] = buffer[r] is not null;
        }
    }

    private T[] Buffer<T>(int rows)
    {
        if (_raw is not T[] buffer || buffer.Length < rows)
        {
            buffer = new T[Math.Max(rows, _present.Length)];
            _raw = buffer;
        }

        return buffer;
    }
}
