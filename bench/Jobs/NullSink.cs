using OrleansBatch.Scoring;

namespace OrleansBatch.Bench.Jobs;

/// <summary>Writes scored rows to a text writer the way a worker's part does, so the baseline pays for formatting too.</summary>
public sealed class NullSink(TextWriter writer) : IPredictionSink
{
    public void Append(long rowInSlice, ReadOnlySpan<char> csvValues)
    {
        writer.Write(rowInSlice);
        writer.Write(',');
        writer.Write(csvValues);
        writer.Write('\n');
    }
}
