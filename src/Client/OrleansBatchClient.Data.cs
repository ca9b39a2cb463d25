using System.Globalization;
using OrleansBatch.Client.Models;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client;

// Data assets: named, versioned pointers to input files or folders (azureml:name:version in job inputs).
public partial class OrleansBatchClient
{
    /// <summary>Creates a new version of a data asset (version = previous + 1).</summary>
    /// <param name="name">The data asset's name (3-32 characters: letters, digits, '-').</param>
    /// <param name="definition">What the version points at.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<DataVersion> CreateDataVersionAsync(string name, DataVersionDefinition definition,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Gateway.SendAsync<DataVersion>(HttpMethod.Post, $"v1/data/{Gateway.Segment(name, nameof(name))}/versions",
            Gateway.Json(definition), null, cancellationToken);
    }

    /// <summary>Lists the data assets with their latest versions.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<AssetSummary> GetDataAssetsAsync(CancellationToken cancellationToken = default)
        => Gateway.List<AssetSummary>("v1/data", cancellationToken);

    /// <summary>Lists the versions of a data asset.</summary>
    /// <param name="name">The data asset's name.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<DataVersion> GetDataVersionsAsync(string name, CancellationToken cancellationToken = default)
        => Gateway.List<DataVersion>($"v1/data/{Gateway.Segment(name, nameof(name))}/versions", cancellationToken);

    /// <summary>Gets one version of a data asset.</summary>
    /// <param name="name">The data asset's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<DataVersion> GetDataVersionAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        return GetAssetVersionAsync<DataVersion>("data", name, version.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>Gets the latest version of a data asset.</summary>
    /// <param name="name">The data asset's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<DataVersion> GetLatestDataVersionAsync(string name, CancellationToken cancellationToken = default)
        => GetAssetVersionAsync<DataVersion>("data", name, "latest", cancellationToken);
}
