using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Runtime;

/// <summary>Settings of the grain runtime of one silo.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>An activation unused this long is dropped.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times a command is re-applied after losing a write race before giving up.</summary>
    public int MaxConflictRetries { get; set; } = 50;
}
