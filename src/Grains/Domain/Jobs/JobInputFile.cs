using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>
/// One input file, resolved at invoke: its identity in the output (<paramref name="FileName"/>, relative to
/// the input folder), where it is read (<paramref name="Path"/>: a local path, or an artifact path when
/// <paramref name="InArtifactStore"/>) and its length.
/// </summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobInputFile")]
public sealed record JobInputFile(string FileName, string Path, long Length, bool InArtifactStore = false);
