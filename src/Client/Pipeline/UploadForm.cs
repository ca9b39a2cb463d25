using System.Text.Json;

namespace OrleansBatch.Client.Pipeline;

/// <summary>The multipart body of an upload: parts named <c>file</c>, and optionally a JSON part named <c>metadata</c>.</summary>
internal static class UploadForm
{
    public static MultipartFormDataContent Create(IEnumerable<UploadFile> files, object? metadata)
    {
        ArgumentNullException.ThrowIfNull(files);
        var form = new MultipartFormDataContent();
        var count = 0;
        foreach (var file in files)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            form.Add(new UploadFileContent(file), "file", file.FileName);
            count++;
        }
        if (metadata is not null)
        {
            var json = JsonSerializer.Serialize(metadata, metadata.GetType(), ClientJson.Options);
            form.Add(new StringContent(json, System.Text.Encoding.UTF8, "application/json"), "metadata");
        }
        if (count == 0 && metadata is null)
            throw new ArgumentException("Pass at least one file to upload.", nameof(files));
        return form;
    }
}
