using System.Text;
using OrleansBatch.Scoring.Models;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>Per-call state of one slice.</summary>
internal sealed class TabularSliceState(InputSlice slice, TabularFormat format, SliceErrors errors, IPredictionSink sink)
{
    public InputSlice Slice { get; } = slice;

    public TabularFormat Format { get; } = format;

    public SliceErrors Errors { get; } = errors;

    public FieldScratch Scratch { get; } = new();

    public string[] Columns { get; set; } = [];

    public byte[][] ColumnNames { get; set; } = [];

    public bool[] Seen { get; set; } = [];

    public TabularBinding? Binding { get; set; }

    public BatchRunner? Runner { get; set; }

    public string? BindError { get; set; }

    /// <summary>Where scored rows go: the caller's sink, or a <see cref="PassthroughSink"/> in front of it.</summary>
    public IPredictionSink Sink { get; set; } = sink;

    /// <summary>Set when <c>settings.passthrough_columns</c> are copied into the output.</summary>
    public PassthroughSink? Passthrough { get; set; }

    /// <summary>
    /// Stores a column's text into its model input. An empty value (an empty cell, a JSON null, a missing key)
    /// is an item error for every numeric input: there is no right number to put in its place.
    /// </summary>
    public bool TrySet(InputTensor tensor, int slot, int offset, ReadOnlySpan<byte> text, long row, int column)
    {
        if (text.IsEmpty && tensor.ElementType != TensorElementType.String)
        {
            Empty(row, column, tensor);
            return false;
        }

        if (tensor.TrySetText(slot, offset, text, out var reason))
        {
            return true;
        }

        InvalidValue(row, Binding!.Columns[column], text, reason!);
        return false;
    }

    /// <summary>Records a row whose value of <paramref name="column"/> is empty or absent.</summary>
    public void Empty(long row, int column, InputTensor tensor)
    {
        var name = Binding!.Columns[column];
        Errors.Add(row, name, (string?)null, ItemErrorCodes.InvalidValue,
            $"Column '{name}' has no value in this row; model input '{tensor.Info.Name}' needs a {tensor.Info.Type.TypeName} value. Fill it in or drop the row.");
    }

    /// <summary>Records a value that does not convert to its model input's type.</summary>
    public void InvalidValue(long row, string column, ReadOnlySpan<byte> value, string reason)
    {
        var text = Encoding.UTF8.GetString(value.Length > 200 ? value[..200] : value);
        Errors.Add(row, column, value, ItemErrorCodes.InvalidValue, $"The value '{text}' in column '{column}' {reason}.");
    }
}
