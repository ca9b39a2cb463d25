namespace OrleansBatch.Client.Models;

/// <summary>A model or data asset in a list (<see cref="OrleansBatchClient.GetModelsAsync"/>, <see cref="OrleansBatchClient.GetDataAssetsAsync"/>): its name and latest version.</summary>
public sealed record AssetSummary
{
    /// <summary>The name (lower-case).</summary>
    public string Name { get; init; } = "";

    /// <summary>The highest version number.</summary>
    public int LatestVersion { get; init; }

    /// <summary>When the first version was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the latest version was created (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
