using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>Where the job writes: the output file's artifact path (<paramref name="Path"/>), as the caller named it (<paramref name="Uri"/>), and the policy for an existing file.</summary>
[GenerateSerializer, Immutable, Alias("obatch.jobs.JobOutput")]
public sealed record JobOutput(string Path, string Uri, OutputPolicy Policy);
