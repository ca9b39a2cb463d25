namespace OrleansBatch.Client.Jobs;

/// <summary>A job input: <c>uri_folder</c> or <c>uri_file</c>, and a path (<c>upload://...</c>, <c>azureml:data:1</c>, or a path under the gateway's data roots).</summary>
public sealed record BatchJobInput(string Type, string Path)
{
    public static BatchJobInput Folder(string path) => new("uri_folder", path);

    public static BatchJobInput File(string path) => new("uri_file", path);
}
