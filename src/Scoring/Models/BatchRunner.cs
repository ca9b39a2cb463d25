using Microsoft.ML.OnnxRuntime;

namespace OrleansBatch.Scoring.Models;

/// <summary>
/// Collects items (rows or files) into reused input buffers, runs the pipeline once per full batch and hands
/// each item's output line to the sink with the item's id. One per Score call; nothing is allocated per item.
/// </summary>
internal sealed class BatchRunner
{
    private readonly OnnxPipeline _pipeline;
    private readonly InputTensor[] _tensors;
    private readonly BatchOutputs _outputs;
    private readonly long[] _ids;
    private readonly OrtValue[] _values;
    private readonly CsvLine _line = new();

    public BatchRunner(OnnxPipeline pipeline, OutputLayout layout, InputTensor[] tensors)
    {
        _pipeline = pipeline;
        _tensors = tensors;
        Capacity = tensors.Min(t => t.Capacity);
        _outputs = new BatchOutputs(layout, Capacity);
        _ids = new long[Capacity];
        _values = new OrtValue[tensors.Length];
        Begin();
    }

    public int Capacity { get; }

    /// <summary>Items in the current batch; the next item goes into slot <see cref="Count"/>.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>Commits the item just written into slot <see cref="Count"/> under <paramref name="id"/> (its row in the slice).</summary>
    public void Commit(long id) => _ids[Count++] = id;

    /// <summary>
    /// Scores the batch, writes every item's line to <paramref name="sink"/> and starts an empty batch. Returns the
    /// items scored. Cancelling <paramref name="cancellationToken"/> stops a running Run.
    /// </summary>
    /// <exception cref="ResourceLimitExceededException">The Run needed more memory than the process's cap.</exception>
    public int Flush(IPredictionSink sink, CancellationToken cancellationToken = default)
    {
        var rows = Count;
        if (rows == 0)
        {
            return 0;
        }

        try
        {
            for (var i = 0; i < _tensors.Length; i++)
            {
                _values[i] = _tensors[i].CreateValue(rows);
            }

            using var outputs = _pipeline.Run(_values, cancellationToken);
            _outputs.Load(outputs, rows);
            for (var r = 0; r < rows; r++)
            {
                _line.Clear();
                _outputs.WriteRow(r, _line);
                sink.Append(_ids[r], _line.Span);
            }
        }
        finally
        {
            for (var i = 0; i < _values.Length; i++)
            {
                _values[i]?.Dispose();
                _values[i] = null!;
            }

            Begin();
        }

        return rows;
    }

    private void Begin()
    {
        Count = 0;
        foreach (var tensor in _tensors)
        {
            tensor.BeginBatch();
        }
    }
}
