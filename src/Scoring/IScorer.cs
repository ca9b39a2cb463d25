namespace OrleansBatch.Scoring;

/// <summary>
/// Scores slices of input with one model (or pipeline). Thread-safe: concurrent workers share one scorer
/// (and its ONNX Runtime sessions). Bad items become <see cref="ItemError"/>s, never exceptions; an
/// exception means the whole slice failed (I/O, cancellation, ONNX Runtime failure).
/// </summary>
public interface IScorer
{
    /// <summary>Names of the output columns (after the identity columns <c>file_name</c>, <c>row</c>): the passthrough columns, then the model's.</summary>
    IReadOnlyList<string> OutputColumns { get; }

    ScoreResult Score(InputSlice slice, IPredictionSink sink, CancellationToken cancellationToken = default);
}

/// <summary>What scoring one slice did; <paramref name="Notes"/> are facts for the job log (e.g. columns mapped by position).</summary>
public sealed record ScoreResult(long RowsScored, long RowsFailed, IReadOnlyList<ItemError> Errors, IReadOnlyList<string>? Notes = null);

/// <summary>One item that could not be scored: which file, row and column, the offending value, a stable code and a message that says what is wrong.</summary>
public sealed record ItemError(string FileName, long? Row, string? Column, string? Value, string Code, string Message);
