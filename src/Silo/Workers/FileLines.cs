using OrleansBatch.Scoring;

namespace OrleansBatch.Silo.Workers;

/// <summary>Collects the output line of each file of a batched file-scoring call, by the file's index in the call.</summary>
public sealed class FileLines(int files) : IPredictionSink
{
    public string?[] Lines { get; } = new string?[files];

    public void Append(long rowInSlice, ReadOnlySpan<char> csvValues) => Lines[rowInSlice] = csvValues.ToString();
}
