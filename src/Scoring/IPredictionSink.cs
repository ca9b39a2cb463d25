namespace OrleansBatch.Scoring;

/// <summary>Receives scored rows from an <see cref="IScorer"/>.</summary>
public interface IPredictionSink
{
    /// <summary>
    /// One scored row. <paramref name="rowInSlice"/> is 0-based from the first line the slice owns
    /// (data rows only, header excluded); the caller knows the slice's place in the file and turns it
    /// into the file's row number. <paramref name="csvValues"/> is the model's output values as one CSV
    /// line without identity columns and without a line break, in <see cref="IScorer.OutputColumns"/> order.
    /// </summary>
    void Append(long rowInSlice, ReadOnlySpan<char> csvValues);
}
