namespace OrleansBatch.Client.Models;

/// <summary>A new version of a data asset: what it points at.</summary>
/// <param name="Type">A file or a folder.</param>
/// <param name="Path">
/// Where the data is: an <c>upload://</c> path from <see cref="OrleansBatchClient.UploadFilesAsync(IEnumerable{UploadFile}, CancellationToken)"/>,
/// an <c>https://</c> blob URL, or a path under the gateway's configured data roots.
/// </param>
public sealed record DataVersionDefinition(DataAssetType Type, string Path)
{
    /// <summary>A description of this version.</summary>
    public string? Description { get; init; }

    /// <summary>Tags to search and group by.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
