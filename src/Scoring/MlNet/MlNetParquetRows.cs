using System.Text;
using OrleansBatch.Scoring.Tabular;

namespace OrleansBatch.Scoring.MlNet;

/// <summary>
/// The rows of the row groups a Parquet slice owns (<see cref="ParquetSlices"/>), columns matched to the model's
/// inputs by name as a CSV header is, typed values copied into an <see cref="MlNetBatch"/> with no text parsing; a
/// null is an <see cref="ItemErrorCodes.InvalidValue"/> of its row.
/// </summary>
internal static class MlNetParquetRows
{
    public static long Score(MlNetScorer scorer, InputSlice slice, SliceErrors errors, IPredictionSink sink, CancellationToken cancellationToken)
    {
        ParquetInput input;
        try
        {
            input = ParquetSlices.Open(slice.Path);
        }
        catch (InvalidDataException e)
        {
            errors.Add(null, null, (string?)null, ItemErrorCodes.UnreadableFile, e.Message);
            return 0;
        }

        using (input)
        {
            var reader = input.Reader;
            var fields = reader.Schema.GetDataFields();
            var names = fields.Select(f => f.Name).ToArray();
            var sources = scorer.Bind(names, out var missing);
            if (missing is not null)
            {
                MlNetScorer.Mismatch(errors, missing, names);
                return 0;
            }

            var columns = fields.Select(f => new ParquetColumn(f)).ToArray();
            var used = sources.SelectMany(s => s).Where(s => s >= 0).Distinct().ToArray();
            var owned = ParquetSlices.Owned(reader, slice.Offset, slice.Length).ToArray();
            var batch = scorer.CreateBatch(owned.Sum(g => reader.RowGroups[g].RowCount) * 64, sources);
            // The common case (numeric columns into float inputs) is filled column by column, a batch window at a time.
            var targets = sources.SelectMany((elements, i) => elements.Select((source, k) => (Source: source, Offset: batch.FloatOffsets[i] + k, Float: batch.FloatOffsets[i] >= 0)))
                .Where(t => t.Source >= 0).ToArray();
            var columnWise = targets.All(t => t.Float && columns[t.Source].IsNumeric);
            long rowInSlice = 0, scored = 0;
            foreach (var g in owned)
            {
                var rows = ParquetColumn.ReadGroup(reader.RowGroups[g], columns, used);
                for (var r = 0; r < rows;)
                {
                    var window = Math.Min(batch.Capacity - batch.Count, rows - r);
                    var whole = columnWise && used.All(c => columns[c].AllPresent(r, window));
                    if (whole)
                    {
                        var block = batch.FloatRows(batch.Count, window);
                        foreach (var target in targets)
                        {
                            columns[target.Source].CopyTo(r, window, block, batch.FloatStride, target.Offset);
                        }
                    }

                    for (var end = r + window; r < end; r++, rowInSlice++)
                    {
                        if (whole || TryFill(scorer.Inputs, sources, columns, batch, r, rowInSlice, errors))
                        {
                            batch.Commit(rowInSlice);
                        }
                    }

                    if (batch.IsFull)
                    {
                        scored += batch.Flush(sink);
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
            }

            return scored + batch.Flush(sink);
        }
    }

    private static bool TryFill(
        IReadOnlyList<MlNetInput> inputs, int[][] sources, ParquetColumn[] columns, MlNetBatch batch, int r, long row, SliceErrors errors)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            for (var k = 0; k < sources[i].Length; k++)
            {
                var source = sources[i][k];
                if (source < 0)
                {
                    continue; // a label the file lacks: set missing once
                }

                var column = columns[source];
                if (column.IsNumeric)
                {
                    if (!column.TryGetNumber(r, out var value))
                    {
                        MlNetBatch.Empty(inputs[i], row, errors);
                        return false;
                    }

                    if (!batch.TrySetNumber(i, k, value, row, errors))
                    {
                        return false;
                    }
                }
                else if (column.Text(r) is not { } text)
                {
                    MlNetBatch.Empty(inputs[i], row, errors);
                    return false;
                }
                else if (!batch.TrySetText(i, k, Encoding.UTF8.GetBytes(text), row, errors))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
