using Azure.Storage.Blobs.Models;
using OrleansBatch.Grains.Providers;
using OrleansBatch.Silo.Inputs;
using OrleansBatch.Silo.Jobs;
using OrleansBatch.Storage.Azure;
using OrleansBatch.Storage.Local;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Outputs;

/// <summary>
/// Where a job's output file lives: the provider's artifact store (the default, folders named by
/// <c>output.path</c>, and folder URLs on the platform's own account under the tenant's files), or a container
/// path of another account given as a blob URL with a SAS allowing write, on a host the
/// <see cref="RemoteAccessPolicy"/> allows, or a folder under the tenant's data roots given as an absolute local
/// path (checked by <see cref="DataRoots"/>). Either way the joiner stages each part as a block of the output
/// file and commits the list in order.
/// </summary>
public sealed class OutputStores(IArtifactStore artifacts, BlobInputs blobs, DataRoots dataRoots)
{
    private const string Field = "output.path";
    private const string NotAllowed = "OutputNotAllowed";

    /// <summary>The store holding <paramref name="outputPath"/> (a <see cref="Grains.Domain.Jobs.JobOutput"/> path) and the file's path in it.</summary>
    public (IArtifactStore Store, string Path) Resolve(string outputPath)
    {
        if (IsLocalPath(outputPath))
            return LocalFile(outputPath);
        if (!BlobInputs.IsBlobUrl(outputPath))
            return (artifacts, outputPath);
        var location = blobs.Locate(outputPath, Field, NotAllowed);
        return (new BlobArtifactStore(location.Container), location.Name);
    }

    /// <summary>Whether <paramref name="outputPath"/> is an absolute local path (plain or <c>file://</c>) rather than a folder of the store or a URL.</summary>
    public static bool IsLocalPath(string outputPath) =>
        outputPath.StartsWith('/') || outputPath.StartsWith("file://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The output file for <paramref name="fileName"/> in the absolute local <paramref name="folder"/>: its real (link-free)
    /// full path, 400 <c>OutputNotAllowed</c> unless it lies under the tenant's own data roots (no <c>..</c>, no link leading out,
    /// not another tenant's folder, not the platform's data directory, the file itself not a link). The folder need not exist yet.
    /// </summary>
    public string ResolveLocalFile(string tenant, string folder, string fileName)
    {
        var file = $"{dataRoots.ForTenant(tenant).ResolveOutputFolder(folder, Field)}/{fileName}";
        return LeadsElsewhere(file)
            ? throw DomainException.Invalid(NotAllowed, $"{Field}: the file '{fileName}' (or its work folder) in that folder is a link; outputs are not written through links. Choose another file_name or folder.")
            : file;
    }

    /// <summary>
    /// The store over a local output's folder. The job holds the real path checked at invoke: should a link have appeared in it
    /// since (the folder or file now leads elsewhere), nothing is written or read there.
    /// </summary>
    private static (IArtifactStore Store, string Path) LocalFile(string file)
    {
        if (LeadsElsewhere(file))
            throw new FileNotFoundException("The output location changed after the job was created (a link in it now leads elsewhere), so it is neither written nor read.");
        return (FileArtifactStore.InFolder(Path.GetDirectoryName(file)!, WorkFolder(file)), Path.GetFileName(file));
    }

    /// <summary>The hidden folder beside a local output holding its temp files and staged blocks (same volume: the final rename is atomic).</summary>
    private static string WorkFolder(string file) => Path.Combine(Path.GetDirectoryName(file)!, $".obatch-{Path.GetFileName(file)}.work");

    /// <summary>Whether the output file, or a folder its temp files and blocks are written to, is (or passes through) a link.</summary>
    private static bool LeadsElsewhere(string file)
    {
        var work = WorkFolder(file);
        return new[] { file, Path.Combine(work, "tmp"), Path.Combine(work, "staging") }.Any(path => DataRoots.RealPath(path) != path);
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
        // A SAS that names its permissions (sp=) must allow write, else the job would run and fail only when it writes.
        if (System.Web.HttpUtility.ParseQueryString(query)["sp"] is { } permissions && !permissions.Contains('w', StringComparison.Ordinal))
            throw DomainException.Invalid(NotAllowed, $"{Field}: the SAS of '{folder}' does not allow write; give a SAS with read, list, write and create permissions.");
        await blobs.CallAsync(folderUrl, Field, "Output", async ct =>
        {
            await foreach (var _ in location.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = location.Name }, ct).AsPages(pageSizeHint: 1).ConfigureAwait(false))
                break;
        }, cancellationToken).ConfigureAwait(false);
        return ($"{folder}/{Uri.EscapeDataString(fileName)}{query}", $"{folder}/{fileName}");
    }
}
