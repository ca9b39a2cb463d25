namespace OrleansBatch.Client.Models;

/// <summary>An immutable version of a data asset.</summary>
public sealed record DataVersion : BatchResource
{
    /// <summary>The data asset's name (lower-case).</summary>
    public string Name { get; init; } = "";

    /// <summary>The version number: 1 for the first, then previous + 1.</summary>
    public int Version { get; init; }

    /// <summary>A file or a folder.</summary>
    public DataAssetType Type { get; init; }

    /// <summary>Where the data is.</summary>
    public string Path { get; init; } = "";

    /// <summary>The description given at creation.</summary>
    public string? Description { get; init; }

    /// <summary>The tags given at creation.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>When the version was created (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>This version as a job input reference: <c>azureml:name:version</c>.</summary>
    public string ToInputPath() => $"azureml:{Name}:{Version}";
}
