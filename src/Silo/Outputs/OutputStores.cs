using Azure.Storage.Blobs.Models;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Outputs;

/// <summary>
/// Where a job's output file lives: the provider's artifact store (the default, folders named by
/// <c>output.path</c>, and folder URLs on the platform's own account under the tenant's files), or a container
/// path of another account given as a blob URL with a SAS allowing write, on a host the
/// <see cref="RemoteAccessPolicy"/> allows. Either way the joiner stages each part as a block of the output
/// blob and commits the list in order.
/// </summary>
public sealed class OutputStores(IArtifactStore artifacts, BlobInputs blobs)
{
    private const string Field = "output.path";
    private const string NotAllowed = "OutputNotAllowed";

    /// <summary>The store holding <paramref name="outputPath"/> (a <see cref="Grains.Domain.Jobs.JobOutput"/> path) and the file's path in it.</summary>
    public (IArtifactStore Store, string Path) Resolve(string outputPath)
    {
        if (!BlobInputs.IsBlobUrl(outputPath))
            return (artifacts, outputPath);
        var location = blobs.Locate(outputPath, Field, NotAllowed);
        return (new BlobArtifactStore(location.Container), location.Name);
    }

    /// <summary>
    /// The output path for <paramref name="fileName"/> in the folder URL <paramref name="folderUrl"/> and the URI to show:
    /// on the platform's account, the tenant's artifact path (400 <c>OutputNotAllowed</c> outside the tenant's files);
    /// elsewhere the blob's URL (SAS kept for the silos, not shown) after checking the container can be listed.
    /// </summary>
    public async Task<(string Path, string Uri)> ResolveBlobFolderAsync(string tenant, string folderUrl, string fileName, CancellationToken cancellationToken)
    {
        var folder = BlobInputs.Redact(folderUrl).TrimEnd('/');
        if (blobs.OwnArtifactPath(tenant, folderUrl, Field, NotAllowed) is { } own)
            return ($"{own.TrimEnd('/')}/{fileName}", $"{folder}/{fileName}");

        var location = blobs.Locate(folderUrl, Field, NotAllowed);
        var query = new Uri(folderUrl).Query;
        await blobs.CallAsync(folderUrl, Field, "Output", async ct =>
        {
            await foreach (var _ in location.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = location.Name }, ct).AsPages(pageSizeHint: 1).ConfigureAwait(false))
                break;
        }, cancellationToken).ConfigureAwait(false);
        return ($"{folder}/{Uri.EscapeDataString(fileName)}{query}", $"{folder}/{fileName}");
    }
}
