using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>What to do when the output file already exists at invoke time.</summary>
[GenerateSerializer, Alias("obatch.jobs.OutputPolicy")]
public enum OutputPolicy { Fail, Overwrite }
