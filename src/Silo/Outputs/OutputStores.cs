using Azure;
using OrleansBatch.Grains;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Outputs;

/// <summary>
/// Where a job's output file lives: the provider's artifact store (the default, and folders named by
/// <c>output.path</c>), or a container path given as a blob URL (<c>https://&lt;account&gt;.blob.core.windows.net/&lt;container&gt;/&lt;folder&gt;</c>
/// with a SAS allowing write, or on the configured account). Either way the joiner stages each part as a
/// block of the output blob and commits the list in order.
/// </summary>
public sealed class OutputStores(IArtifactStore artifacts, BlobInputs blobs)
{
    /// <summary>The store holding <paramref name="outputPath"/> (a <see cref="Grains.Domain.Jobs.JobOutput"/> path) and the file's path in it.</summary>
    public (IArtifactStore Store, string Path) Resolve(string outputPath)
    {
        if (!BlobInputs.IsBlobUrl(outputPath))
            return (artifacts, outputPath);
        var location = blobs.Locate(outputPath, "output.path");
        return (new BlobArtifactStore(location.Container), location.Name);
    }

    /// <summary>
    /// The output path for <paramref name="fileName"/> in the folder URL <paramref name="folderUrl"/> (SAS kept), after checking the
    /// container exists and can be listed; 400 with what to fix otherwise.
    /// </summary>
    public async Task<(string Path, string Uri)> ResolveBlobFolderAsync(string folderUrl, string fileName, CancellationToken cancellationToken)
    {
        var location = blobs.Locate(folderUrl, "output.path");
        var query = new Uri(folderUrl).Query;
        var folder = BlobInputs.Redact(folderUrl).TrimEnd('/');
        try
        {
            await location.Container.ListBlobsAsync(location.Name, maxResults: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw DomainException.Validation("output.path", $"'{folder}': the container does not exist ({e.ErrorCode}); create it first.");
        }
        catch (RequestFailedException e) when (e.Status is 401 or 403)
        {
            throw DomainException.Validation("output.path", $"'{folder}' cannot be used ({e.Status} {e.ErrorCode}): add a SAS with read, list, write and create permissions, or use the configured storage account.");
        }
        return ($"{folder}/{Uri.EscapeDataString(fileName)}{query}", $"{folder}/{fileName}");
    }
}
