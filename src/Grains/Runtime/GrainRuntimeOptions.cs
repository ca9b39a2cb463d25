using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Runtime;

/// <summary>Settings of <see cref="GrainRuntime"/>.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>How many times a command is re-applied after losing a write race before giving up.</summary>
    public int MaxConflictRetries { get; set; } = 50;
}
