using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain.Jobs;

/// <summary>What to do when the output file already exists at invoke time.</summary>
public enum OutputPolicy { Fail, Overwrite }
