using System.Globalization;
using OrleansBatch.Client.Models;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client;

// The model registry: versions are immutable, numbered 1, 2, ...; ONNX Runtime checks each at registration.
public partial class OrleansBatchClient
{
    /// <summary>
    /// Registers a new version of a model from one or more files (version = previous + 1). The gateway loads the
    /// model and refuses a file ONNX Runtime cannot load with 400 <c>ModelInvalid</c>.
    /// </summary>
    /// <param name="name">The model's name (3-32 characters: letters, digits, '-').</param>
    /// <param name="files">The model's files, e.g. <c>UploadFile.FromPath("model.onnx")</c>.</param>
    /// <param name="metadata">Type, description and tags; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<ModelVersion> CreateModelVersionAsync(string name, IEnumerable<UploadFile> files,
        ModelVersionMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        var path = $"v1/models/{Gateway.Segment(name, nameof(name))}/versions";
        using var form = UploadForm.Create(files, metadata);
        return await Gateway.SendAsync<ModelVersion>(HttpMethod.Post, path, form, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers a new version of a model from one local file (version = previous + 1).</summary>
    /// <param name="name">The model's name (3-32 characters: letters, digits, '-').</param>
    /// <param name="filePath">The model file, e.g. <c>model.onnx</c>.</param>
    /// <param name="metadata">Type, description and tags; null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<ModelVersion> CreateModelVersionAsync(string name, string filePath,
        ModelVersionMetadata? metadata = null, CancellationToken cancellationToken = default)
        => CreateModelVersionAsync(name, [UploadFile.FromPath(filePath)], metadata, cancellationToken);

    /// <summary>Lists the registered models with their latest versions.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<AssetSummary> GetModelsAsync(CancellationToken cancellationToken = default)
        => Gateway.List<AssetSummary>("v1/models", cancellationToken);

    /// <summary>Lists the versions of a model.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public virtual OrleansBatchPageable<ModelVersion> GetModelVersionsAsync(string name, CancellationToken cancellationToken = default)
        => Gateway.List<ModelVersion>($"v1/models/{Gateway.Segment(name, nameof(name))}/versions", cancellationToken);

    /// <summary>Gets one version of a model, with its inputs and outputs.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="version">The version number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<ModelVersion> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        return GetAssetVersionAsync<ModelVersion>("models", name, version.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>Gets the latest version of a model, with its inputs and outputs.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<ModelVersion> GetLatestModelVersionAsync(string name, CancellationToken cancellationToken = default)
        => GetAssetVersionAsync<ModelVersion>("models", name, "latest", cancellationToken);
}
