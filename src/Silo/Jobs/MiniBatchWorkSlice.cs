namespace OrleansBatch.Silo.Jobs;

/// <summary>One slice of a <see cref="MiniBatchWork"/>: the file's index in the job, its identity and where to read it.</summary>
public sealed record MiniBatchWorkSlice(int FileIndex, string FileName, string Path, bool InArtifactStore, long Offset, long Length);
