namespace OrleansBatch.Client.Models;

/// <summary>Files uploaded to the gateway, usable as a job or data input.</summary>
public sealed record UploadedInput
{
    /// <summary>The <c>upload://&lt;id&gt;/</c> path of the uploaded folder; use it as an input path (<c>uri_folder</c>).</summary>
    public string Path { get; init; } = "";

    /// <summary>The files stored, in name order.</summary>
    public IReadOnlyList<StoredFile> Files { get; init; } = [];
}
