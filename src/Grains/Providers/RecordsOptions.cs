using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Providers;

/// <summary>Settings of <see cref="Records"/>.</summary>
public sealed class RecordsOptions
{
    /// <summary>How many times a command is re-applied after losing a write race before giving up.</summary>
    public int MaxConflictRetries { get; set; } = 50;
}
