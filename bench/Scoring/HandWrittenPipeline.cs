using Microsoft.ML.OnnxRuntime;

namespace OrleansBatch.Bench.Scoring;

/// <summary>
/// The hand-written side's model calls, as the ONNX Runtime managed API's documentation shows them: a float batch
/// over pinned memory, <c>Run</c> of each graph in turn (the first graph's single output into the next graph's
/// single input), the labels read from the last graph's first output.
/// </summary>
internal sealed class HandWrittenPipeline : IDisposable
{
    private readonly InferenceSession[] _sessions;
    private readonly float[] _batch;
    private readonly int _width;
    private readonly int _capacity;
    private int _count;
    private long _rows;

    public HandWrittenPipeline(string[] models, SessionOptions options, int capacity, int width)
    {
        _sessions = models.Select(m => new InferenceSession(m, options)).ToArray();
        _capacity = capacity;
        _width = width;
        _batch = new float[capacity * width];
    }

    /// <summary>Labels read so far (keeps the reads from being optimized away).</summary>
    public long LabelSum { get; private set; }

    public Span<float> NextRow() => _batch.AsSpan(_count * _width, _width);

    public void RowDone()
    {
        if (++_count == _capacity)
        {
            RunBatch();
        }
    }

    /// <summary>Scores the last partial batch and checks the row count.</summary>
    public void Finish(long expectedRows)
    {
        RunBatch();
        if (_rows != expectedRows)
        {
            throw new InvalidOperationException($"scored {_rows} rows, expected {expectedRows}");
        }

        _rows = 0;
    }

    public void Dispose()
    {
        foreach (var session in _sessions)
        {
            session.Dispose();
        }
    }

    private void RunBatch()
    {
        if (_count == 0)
        {
            return;
        }

        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _batch.AsMemory(0, _count * _width), [_count, _width]);
        using var runOptions = new RunOptions();
        var current = input;
        IDisposableReadOnlyCollection<OrtValue>? previous = null;
        try
        {
            for (var s = 0; s < _sessions.Length; s++)
            {
                var session = _sessions[s];
                var outputs = session.Run(runOptions, [session.InputNames[0]], [current], session.OutputNames);
                previous?.Dispose();
                previous = outputs;
                current = outputs[0];
            }

            foreach (var label in current.GetTensorDataAsSpan<long>())
            {
                LabelSum += label;
            }
        }
        finally
        {
            previous?.Dispose();
        }

        _rows += _count;
        _count = 0;
    }
}
