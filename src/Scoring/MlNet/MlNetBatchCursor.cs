using Microsoft.ML;
using Microsoft.ML.Data;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>A cursor over the rows of a <see cref="MlNetBatchView"/>, in order.</summary>
internal sealed class MlNetBatchCursor(DataViewSchema schema, MlNetColumnBuffer[] columns, int rows) : DataViewRowCursor
{
    private long _position = -1;

    public override DataViewSchema Schema { get; } = schema;

    public override long Position => _position;

    public override long Batch => 0;

    public override bool MoveNext()
    {
        if (_position + 1 >= rows)
        {
            _position = rows;
            return false;
        }

        _position++;
        return true;
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        columns[column.Index].Getter(this) as ValueGetter<TValue>
        ?? throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type}, not {typeof(TValue).Name}.");
}
