using System.Text;
using OrleansBatch.Scoring.Models;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>
/// Scores a CSV or JSON-lines slice: reads the lines it owns, parses each row straight into the reused input
/// buffers of a <see cref="BatchRunner"/> (no per-row allocation), and runs the pipeline every
/// <c>BatchRows</c> rows. Columns are matched by name (<see cref="TabularBinding"/>). A row that cannot be parsed,
/// or lacks a value the model needs, becomes an <see cref="ItemError"/>; the rest still score.
/// </summary>
internal sealed class TabularSliceScorer(
    OnnxPipeline pipeline, OutputLayout layout, TabularColumns columns, OnnxScoringOptions options)
{
    public ScoreResult Score(InputSlice slice, TabularFormat format, IPredictionSink sink, CancellationToken cancellationToken)
    {
        var errors = new SliceErrors(slice.FileName);
        if (slice.Length == 0)
        {
            return new ScoreResult(0, 0, []); // an empty range owns no line
        }

        if (slice.Offset == 0 && new FileInfo(slice.Path).Length == 0)
        {
            errors.Add(null, null, (string?)null, ItemErrorCodes.EmptyInput, format == TabularFormat.Csv
                ? "The file is empty: a CSV input needs a header row naming its columns."
                : "The file is empty.");
            return new ScoreResult(0, 0, errors.ToList());
        }

        using var reader = new SliceLineReader(slice.Path, slice.Offset, slice.Length, options.MaxLineBytes);
        var state = new TabularSliceState(slice, format, errors, sink);
        if (format == TabularFormat.Csv && !ReadHeader(reader, slice, state))
        {
            return new ScoreResult(0, 0, errors.ToList());
        }

        long row = 0, scored = 0;
        LineKind kind;
        while ((kind = reader.Next(out var line)) != LineKind.End)
        {
            if (kind == LineKind.TooLong)
            {
                errors.Add(row++, null, (string?)null, ItemErrorCodes.LineTooLong,
                    $"The line is {reader.TooLongLength:N0} bytes, longer than the {options.MaxLineBytes:N0}-byte limit; it was skipped. Is the file really {format}?");
                continue;
            }

            if (line.IsEmpty)
            {
                continue; // blank lines are not rows
            }

            var current = row++;
            if (state.Runner is null && !TryBind(state, line, current))
            {
                continue;
            }

            var filled = format == TabularFormat.Csv ? CsvRow.TryFill(state, line, current) : JsonLineRow.TryFill(state, line, current);
            if (filled)
            {
                state.Passthrough?.Capture(format == TabularFormat.Csv ? CsvRow.Passthrough(state, line) : JsonLineRow.Passthrough(state, line));
                state.Runner!.Commit(current);
                if (state.Runner.IsFull)
                {
                    scored += state.Runner.Flush(state.Sink, cancellationToken);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        scored += state.Runner?.Flush(state.Sink, cancellationToken) ?? 0;
        return new ScoreResult(scored, errors.Count, errors.ToList(), state.Binding?.Note is { } note ? [note] : []);
    }

    private bool ReadHeader(SliceLineReader reader, InputSlice slice, TabularSliceState state)
    {
        byte[]? header;
        try
        {
            header = slice.Offset == 0
                ? reader.Next(out var line) switch
                {
                    LineKind.Line => line.ToArray(),
                    LineKind.TooLong => throw new InvalidDataException($"The header line is longer than {options.MaxLineBytes} bytes."),
                    _ => null,
                }
                : SliceLineReader.ReadFirstLine(slice.Path, options.MaxLineBytes);
        }
        catch (InvalidDataException e)
        {
            state.Errors.Add(null, null, (string?)null, ItemErrorCodes.MalformedRow, e.Message + " Is this a CSV file with a header row?");
            return false;
        }

        if (header is null)
        {
            state.Errors.Add(null, null, (string?)null, ItemErrorCodes.EmptyInput, "The file is empty: a CSV input needs a header row naming its columns.");
            return false;
        }

        state.Columns = TabularHeader.CsvNames(header);
        Bind(state);
        return true;
    }

    /// <summary>
    /// Binds columns to model inputs from the column names alone (a CSV's header, read once before any row; the
    /// keys of a JSON-lines slice's first object), never from values: a bad value is its own row's error, not
    /// its slice's. Once binding has failed, every row of the slice is a <see cref="ItemErrorCodes.ColumnMismatch"/>.
    /// </summary>
    private bool TryBind(TabularSliceState state, ReadOnlySpan<byte> line, long row)
    {
        if (state.BindError is null && state.Format == TabularFormat.JsonLines)
        {
            if (!JsonLineColumns.TryRead(line, out var names, out var jsonError))
            {
                state.Errors.Add(row, null, line, ItemErrorCodes.InvalidJson, $"Row {row}: {jsonError}.");
                return false;
            }

            state.Columns = names;
            Bind(state);
        }

        if (state.BindError is not null)
        {
            state.Errors.Add(row, null, (string?)null, ItemErrorCodes.ColumnMismatch, state.BindError);
            return false;
        }

        return true;
    }

    /// <summary>Binds <see cref="TabularSliceState.Columns"/> to the model inputs; on failure sets <see cref="TabularSliceState.BindError"/>.</summary>
    private void Bind(TabularSliceState state)
    {
        var binding = TabularBinding.TryBind(
            pipeline.Inputs, state.Columns, state.Columns.Select(_ => true).ToArray(), columns, options.BatchRows, state.Format == TabularFormat.JsonLines, out var error);
        if (binding is null)
        {
            state.BindError = $"The input's columns do not fit the model: {error}";
            return;
        }

        state.Binding = binding;
        state.ColumnNames = binding.Columns.Select(Encoding.UTF8.GetBytes).ToArray();
        state.Seen = new bool[binding.Columns.Length];
        state.Runner = new BatchRunner(pipeline, layout, binding.Tensors);
        if (binding.Passthrough.Length > 0)
        {
            state.Passthrough = new PassthroughSink(state.Sink);
            state.Sink = state.Passthrough;
        }
    }
}
