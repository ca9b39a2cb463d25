using OrleansBatch.Cli.Hosting;
using OrleansBatch.Client.Jobs;

namespace OrleansBatch.Cli.Commands;

/// <summary>
/// A local file or folder named as an input or a data asset's path is uploaded first (as the Azure ML CLI uploads it to
/// the default datastore) and replaced by its <c>upload://</c> path.
/// </summary>
internal static class LocalUpload
{
    /// <summary>The files directly in a folder, in name order, hidden ones left out (Azure ML does not recurse into sub-folders either).</summary>
    public static List<string> FilesIn(string folder) =>
        Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();

    /// <summary>Uploads <paramref name="path"/> if it is a local file or folder; null when it is not one.</summary>
    /// <param name="run">The command.</param>
    /// <param name="path">What the user gave.</param>
    /// <param name="type"><c>uri_file</c>, <c>uri_folder</c>, or null to take what the path is.</param>
    public static async Task<BatchJobInput?> UploadAsync(CommandRun run, string path, string? type)
    {
        if (File.Exists(path))
        {
            if (type == "uri_folder")
                throw new UsageException($"{path} is a file, but the type is uri_folder; use uri_file.");
            var upload = await run.Client.UploadFilesAsync([path], run.CancellationToken);
            run.Note($"Uploaded {path} as {upload.Path}.");
            return BatchJobInput.File(upload.Path + Path.GetFileName(path));
        }
        if (Directory.Exists(path))
        {
            if (type == "uri_file")
                throw new UsageException($"{path} is a folder, but the type is uri_file; use uri_folder.");
            var files = FilesIn(path);
            if (files.Count == 0)
                throw new UsageException($"{path}: the folder holds no files.");
            var upload = await run.Client.UploadFilesAsync(files, run.CancellationToken);
            run.Note($"Uploaded {files.Count} files of {path} as {upload.Path}.");
            return BatchJobInput.Folder(upload.Path);
        }
        return null;
    }
}
