using System.Text;
using OrleansBatch.Scoring.Models;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// Scores the row groups a slice of a Parquet file owns (<see cref="ParquetSlices"/>): its typed columns are
/// matched to the model inputs by name exactly as a CSV header is (<see cref="TabularBinding"/>), read column by
/// column into reused buffers with no text parsing, and copied into the batch buffers row by row. A null in a
/// column the model needs is an <see cref="ItemErrorCodes.InvalidValue"/> error of that row.
/// </summary>
internal sealed class ParquetSliceScorer(
    OnnxPipeline pipeline, OutputLayout layout, TabularColumns settings, OnnxScoringOptions options)
{
    public ScoreResult Score(InputSlice slice, IPredictionSink sink, CancellationToken cancellationToken)
    {
        var errors = new SliceErrors(slice.FileName);
        if (slice.Length == 0)
        {
            return new ScoreResult(0, 0, []);
        }

        ParquetInput input;
        try
        {
            input = ParquetSlices.Open(slice.Path);
        }
        catch (InvalidDataException e)
        {
            errors.Add(null, null, (string?)null, ItemErrorCodes.UnreadableFile, e.Message);
            return new ScoreResult(0, errors.Count, errors.ToList());
        }

        using (input)
        {
            var reader = input.Reader;
            var owned = ParquetSlices.Owned(reader, slice.Offset, slice.Length).ToArray();
            var fields = reader.Schema.GetDataFields();
            var state = new TabularSliceState(slice, TabularFormat.Parquet, errors, sink)
            {
                Columns = fields.Select(f => f.Name).ToArray(),
            };
            var columns = fields.Select(f => new ParquetColumn(f)).ToArray();
            var binding = TabularBinding.TryBind(
                pipeline.Inputs, state.Columns, columns.Select(c => c.IsNumeric).ToArray(), settings, options.BatchRows, arrayValues: false, out var error);
            if (binding is null)
            {
                // Every owned row fails alike: count them so later rows of the file keep their numbers.
                var message = $"The input's columns do not fit the model: {error}";
                foreach (var g in owned)
                {
                    for (long r = 0; r < reader.RowGroups[g].RowCount; r++)
                    {
                        errors.Add(null, null, (string?)null, ItemErrorCodes.ColumnMismatch, message);
                    }
                }

                return new ScoreResult(0, errors.Count, errors.ToList());
            }

            state.Binding = binding;
            state.Runner = new BatchRunner(pipeline, layout, binding.Tensors);
            if (binding.Passthrough.Length > 0)
            {
                state.Passthrough = new PassthroughSink(sink);
                state.Sink = state.Passthrough;
            }

            var used = Enumerable.Range(0, columns.Length).Where(c => binding.Targets[c].Tensor >= 0 || binding.Passthrough.Contains(c)).ToArray();
            var features = used.Where(c => binding.Targets[c].Tensor >= 0).ToArray();
            // The common case (numeric columns into float inputs) is filled column by column, a batch window at a time.
            var columnWise = features.All(c => columns[c].IsNumeric && binding.Tensors[binding.Targets[c].Tensor].ElementType == TensorElementType.Float);
            long rowInSlice = 0, scored = 0;
            foreach (var g in owned)
            {
                var rows = ParquetColumn.ReadGroup(reader.RowGroups[g], columns, used);

                for (var r = 0; r < rows;)
                {
                    var window = Math.Min(state.Runner.Capacity - state.Runner.Count, rows - r);
                    var whole = columnWise && features.All(c => columns[c].AllPresent(r, window));
                    if (whole)
                    {
                        FillWindow(binding, columns, features, r, state.Runner.Count, window);
                    }

                    for (var end = r + window; r < end; r++, rowInSlice++)
                    {
                        if (!whole && !TryFill(state, columns, used, r, rowInSlice))
                        {
                            continue;
                        }

                        state.Passthrough?.Capture(TabularText.JoinCsv(binding.Passthrough.Select(c => columns[c].Text(r))));
                        state.Runner.Commit(rowInSlice);
                    }

                    if (state.Runner.IsFull)
                    {
                        scored += state.Runner.Flush(state.Sink);
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
            }

            scored += state.Runner.Flush(state.Sink);
            return new ScoreResult(scored, errors.Count, errors.ToList(), binding.Note is { } note ? [note] : []);
        }
    }

    /// <summary>Copies rows [<paramref name="row"/>, +<paramref name="count"/>) of every feature column (all present, numeric) into float batch slots from <paramref name="slot"/> on.</summary>
    private static void FillWindow(TabularBinding binding, ParquetColumn[] columns, int[] features, int row, int slot, int count)
    {
        foreach (var c in features)
        {
            var (t, offset) = binding.Targets[c];
            var tensor = binding.Tensors[t];
            columns[c].CopyTo(row, count, tensor.FloatItems(slot, count), tensor.Width, offset);
        }
    }

    private static bool TryFill(TabularSliceState state, ParquetColumn[] columns, int[] used, int r, long row)
    {
        var binding = state.Binding!;
        var slot = state.Runner!.Count;
        foreach (var c in used)
        {
            var (t, offset) = binding.Targets[c];
            if (t < 0)
            {
                continue;
            }

            var tensor = binding.Tensors[t];
            var column = columns[c];
            if (column.IsNumeric)
            {
                if (!column.TryGetNumber(r, out var value))
                {
                    state.Empty(row, c, tensor);
                    return false;
                }

                if (tensor.ElementType == TensorElementType.Float)
                {
                    tensor.FloatItem(slot)[offset] = (float)value;
                }
                else if (!tensor.TrySetNumber(slot, offset, value, out var reason))
                {
                    state.InvalidValue(row, binding.Columns[c], Encoding.UTF8.GetBytes(column.Text(r) ?? string.Empty), reason!);
                    return false;
                }
            }
            else if (column.Text(r) is not { } text)
            {
                state.Empty(row, c, tensor);
                return false;
            }
            else if (!state.TrySet(tensor, slot, offset, Encoding.UTF8.GetBytes(text), row, c))
            {
                return false;
            }
        }

        return true;
    }
}
