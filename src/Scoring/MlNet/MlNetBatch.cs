using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansBatch.Scoring.Models;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>
/// The rows of one Transform: a <see cref="MlNetColumnBuffer"/> per model input, filled row by row (a row that
/// fails a check is simply not committed and its slot is reused), then run through the model's transformer and
/// written to the sink with each row's number in the slice.
/// </summary>
internal sealed class MlNetBatch
{
    private readonly MlNetModel _model;
    private readonly MlNetBatchView _view;
    private readonly long[] _ids;
    private readonly float[] _floats;

    /// <param name="model">The model.</param>
    /// <param name="capacity">Rows per Transform.</param>
    /// <param name="absent">Per input, the elements no data column feeds (a label absent when scoring): set missing once, as no row writes them.</param>
    public MlNetBatch(MlNetModel model, int capacity, IReadOnlyList<(int Input, int Element)> absent)
    {
        _model = model;
        FloatStride = model.Inputs.Where(i => i.Kind == DataKind.Single).Sum(i => i.Width);
        _floats = new float[capacity * FloatStride];
        var offset = 0;
        Columns = new MlNetColumnBuffer[model.Inputs.Count];
        for (var i = 0; i < Columns.Length; i++)
        {
            var input = model.Inputs[i];
            Columns[i] = new MlNetColumnBuffer(input, capacity, _floats, FloatStride, offset);
            FloatOffsets.Add(input.Kind == DataKind.Single ? offset : -1);
            offset += input.Kind == DataKind.Single ? input.Width : 0;
        }

        foreach (var (input, element) in absent)
        {
            for (var row = 0; row < capacity; row++)
            {
                Columns[input].SetMissing(row, element);
            }
        }

        _view = new MlNetBatchView(Columns);
        _ids = new long[capacity];
    }

    public MlNetColumnBuffer[] Columns { get; }

    /// <summary>Floats per row in the block the float inputs share.</summary>
    public int FloatStride { get; }

    /// <summary>Per input: where its floats start in a row of the block, or -1 for an input of another type.</summary>
    public List<int> FloatOffsets { get; } = [];

    /// <summary>Rows per Transform.</summary>
    public int Capacity => _ids.Length;

    /// <summary>Rows [<paramref name="first"/>, +<paramref name="count"/>) of the float block, for column-wise fills.</summary>
    public Span<float> FloatRows(int first, int count) => _floats.AsSpan(first * FloatStride, count * FloatStride);

    /// <summary>The next row's floats (every float input's elements), for the one-pass CSV parser.</summary>
    public Span<float> NextFloatRow => _floats.AsSpan(Count * FloatStride, FloatStride);

    /// <summary>The slot the next row fills.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count == _ids.Length;

    /// <summary>Keeps the row just filled into slot <see cref="Count"/>, numbered <paramref name="rowInSlice"/>.</summary>
    public void Commit(long rowInSlice) => _ids[Count++] = rowInSlice;

    /// <summary>Parses a cell into element <paramref name="element"/> of input <paramref name="input"/> for the next row; an empty or ill-typed cell is an <see cref="ItemErrorCodes.InvalidValue"/> of the row.</summary>
    public bool TrySetText(int input, int element, ReadOnlySpan<byte> text, long row, SliceErrors errors)
    {
        var column = Columns[input];
        if (column.Input.Kind != DataKind.String && text.Trim(" \t"u8).IsEmpty)
        {
            Empty(column.Input, row, errors);
            return false;
        }

        if (column.TrySetText(Count, element, text))
        {
            return true;
        }

        Invalid(column, Encoding.UTF8.GetString(text), row, errors);
        return false;
    }

    /// <summary>Stores a typed number (a Parquet cell) for the next row; a value the column's type cannot hold is an <see cref="ItemErrorCodes.InvalidValue"/>.</summary>
    public bool TrySetNumber(int input, int element, double value, long row, SliceErrors errors)
    {
        var column = Columns[input];
        if (column.TrySetNumber(Count, element, value))
        {
            return true;
        }

        Invalid(column, value.ToString(CultureInfo.InvariantCulture), row, errors);
        return false;
    }

    /// <summary>Records that the next row has no value for input <paramref name="input"/> (an empty cell, a null, a missing key).</summary>
    public static void Empty(MlNetInput input, long row, SliceErrors errors) =>
        errors.Add(row, input.Name, (string?)null, ItemErrorCodes.InvalidValue,
            $"The cell of '{input.Name}' is empty; the model needs a {input.TypeName} value.");

    /// <summary>Runs the kept rows through the model and writes their outputs; returns how many.</summary>
    public long Flush(IPredictionSink sink)
    {
        if (Count == 0)
        {
            return 0;
        }

        _view.Rows = Count;
        var scored = _model.Transformer.Transform(_view);
        using var cursor = scored.GetRowCursor(_model.Outputs.Select(o => scored.Schema[o.Name]));
        var writers = _model.Outputs.Select(o => o.Bind(cursor)).ToArray();
        var line = new CsvLine();
        var i = 0;
        while (cursor.MoveNext())
        {
            line.Clear();
            for (var w = 0; w < writers.Length; w++)
            {
                if (w > 0)
                {
                    line.Separator();
                }

                writers[w](line);
            }

            sink.Append(_ids[i++], line.Span);
        }

        if (i != Count)
        {
            throw new InvalidOperationException($"ML.NET returned {i} rows for {Count}.");
        }

        Count = 0;
        return i;
    }

    private static void Invalid(MlNetColumnBuffer column, string value, long row, SliceErrors errors) =>
        errors.Add(row, column.Input.Name, value, ItemErrorCodes.InvalidValue,
            $"'{value}' is not a {column.Input.TypeName} value for the model's column '{column.Input.Name}'.");
}
