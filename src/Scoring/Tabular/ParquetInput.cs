using Parquet;

namespace OrleansBatch.Scoring.Tabular;

/// <summary>An open Parquet file for the synchronous scorer (the reader only disposes asynchronously; the file is local, so waiting is brief).</summary>
internal sealed class ParquetInput(ParquetReader reader) : IDisposable
{
    public ParquetReader Reader { get; } = reader;

    public void Dispose() => Reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
