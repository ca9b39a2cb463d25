using Microsoft.ML;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>
/// The checked rows of one batch as an ML.NET <see cref="IDataView"/> over the column buffers, in the model's
/// input schema: the transformer reads the values in place, no loader or text in between.
/// </summary>
internal sealed class MlNetBatchView : IDataView
{
    private readonly MlNetColumnBuffer[] _columns;

    public MlNetBatchView(MlNetColumnBuffer[] columns)
    {
        _columns = columns;
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            builder.AddColumn(column.Input.Name, column.Type);
        }

        Schema = builder.ToSchema();
    }

    /// <summary>Rows of the current batch (the buffers are refilled between batches).</summary>
    public int Rows { get; set; }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => Rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new MlNetBatchCursor(Schema, _columns, Rows);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
