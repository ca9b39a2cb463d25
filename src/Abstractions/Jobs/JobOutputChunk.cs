namespace OrleansBatch.Abstractions.Jobs;

/// <summary>A piece of a completed job's output file, so a client reads it in messages of a bounded size.</summary>
/// <param name="FileName">The output file's name.</param>
/// <param name="ContentType"><c>text/csv</c>, <c>application/vnd.apache.parquet</c> or <c>application/json</c> (a summary).</param>
/// <param name="Data">The bytes from the requested offset; fewer than asked only at the end.</param>
/// <param name="End">Whether the file ends with these bytes.</param>
[GenerateSerializer, Immutable, Alias("obatch.JobOutputChunk")]
public sealed record JobOutputChunk(string FileName, string ContentType, byte[] Data, bool End);
