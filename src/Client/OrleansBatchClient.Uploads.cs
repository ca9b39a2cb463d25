using OrleansBatch.Client.Models;
using OrleansBatch.Client.Pipeline;

namespace OrleansBatch.Client;

// Uploads: local input files sent to the gateway, referenced afterwards by an upload:// path.
public partial class OrleansBatchClient
{
    /// <summary>
    /// Uploads input files as one folder and returns its <c>upload://&lt;id&gt;/</c> path, usable as a
    /// <c>uri_folder</c> job input or data asset path (what the Azure ML CLI does with a local path).
    /// </summary>
    /// <param name="files">The files; each is stored under its <see cref="UploadFile.FileName"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<UploadedInput> UploadFilesAsync(IEnumerable<UploadFile> files, CancellationToken cancellationToken = default)
    {
        using var form = UploadForm.Create(files, metadata: null);
        return await Gateway.SendForValueAsync<UploadedInput>(HttpMethod.Post, "v1/uploads", form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads local files as one folder and returns its <c>upload://&lt;id&gt;/</c> path.</summary>
    /// <param name="filePaths">Paths of existing files (not folders).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<UploadedInput> UploadFilesAsync(IEnumerable<string> filePaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filePaths);
        return UploadFilesAsync(filePaths.Select(UploadFile.FromPath).ToList(), cancellationToken);
    }
}
