namespace OrleansBatch.Client.Models;

/// <summary>A data asset name with its latest version, as listed by <see cref="OrleansBatchClient.GetDataAssetsAsync"/>.</summary>
public sealed record DataAsset
{
    /// <summary>The data asset's name (lower-case).</summary>
    public string Name { get; init; } = "";

    /// <summary>The highest version number.</summary>
    public int LatestVersion { get; init; }

    /// <summary>The description of the latest version, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The tags of the latest version, if any.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
