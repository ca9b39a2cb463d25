namespace OrleansBatch.Client.Jobs;

/// <summary>
/// A job input: <c>uri_folder</c> or <c>uri_file</c> (null: whatever the path turns out to be, or the data asset's type),
/// and a path (<c>upload://...</c>, <c>azureml:data:1</c>, an <c>https://</c> blob URL, or a path under the gateway's data roots).
/// </summary>
public sealed record BatchJobInput(string? Type, string Path)
{
    /// <summary>A folder: every file in it is an item.</summary>
    public static BatchJobInput Folder(string path) => new("uri_folder", path);

    /// <summary>A single file.</summary>
    public static BatchJobInput File(string path) => new("uri_file", path);
}
