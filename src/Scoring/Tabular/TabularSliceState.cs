using System.Text;
using OrleansBatch.Scoring.Models;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>Per-call state of one slice.</summary>
internal sealed class TabularSliceState(InputSlice slice, TabularFormat format, SliceErrors errors)
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

    /// <summary>Records a value that does not convert to its model input's type.</summary>
    public void InvalidValue(long row, string column, ReadOnlySpan<byte> value, string reason)
    {
        var text = Encoding.UTF8.GetString(value.Length > 200 ? value[..200] : value);
        Errors.Add(row, column, value, ItemErrorCodes.InvalidValue, $"The value '{text}' in column '{column}' {reason}.");
    }
}
