namespace OrleansBatch.Scoring;

/// <summary>A scorer that can score several whole files in one call, batching them into shared ONNX Runtime runs.</summary>
public interface IFileBatchScorer : IScorer
{
    /// <summary>
    /// Scores each file as one item. <see cref="IPredictionSink.Append"/>'s row is the file's index in
    /// <paramref name="files"/>; errors name the file. Tabular files are not accepted here.
    /// </summary>
    ScoreResult ScoreFiles(IReadOnlyList<InputSlice> files, IPredictionSink sink, CancellationToken cancellationToken = default);
}
