using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>A named input as given (<paramref name="Type"/> uri_file or uri_folder, <paramref name="Uri"/>) and the files it resolved to, in ordinal name order.</summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobInput")]
public sealed record JobInput(string Name, string Type, string Uri, IReadOnlyList<JobInputFile> Files);
