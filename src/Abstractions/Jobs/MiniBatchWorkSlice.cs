namespace OrleansBatch.Abstractions.Jobs;

/// <summary>One slice of a <see cref="MiniBatchWork"/>: the file's index in the job, its identity and where to read it.</summary>
[GenerateSerializer, Immutable, Alias("obatch.MiniBatchWorkSlice")]
public sealed record MiniBatchWorkSlice(int FileIndex, string FileName, string Path, bool InArtifactStore, long Offset, long Length);
