namespace OrleansBatch.Client.Pipeline;

/// <summary>
/// The body of one <see cref="UploadFile"/>: opens a local file only while sending it and never disposes a
/// caller's stream (a <see cref="StreamContent"/> would).
/// </summary>
internal sealed class UploadFileContent : HttpContent
{
    private readonly UploadFile _file;

    public UploadFileContent(UploadFile file)
    {
        _file = file;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        if (_file.Content is { } content)
        {
            await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            return;
        }
        var local = new FileStream(_file.LocalPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using (local.ConfigureAwait(false))
            await local.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_file.LocalPath is { } path)
        {
            length = new FileInfo(path).Length;
            return true;
        }
        if (_file.Content!.CanSeek)
        {
            length = _file.Content.Length - _file.Content.Position;
            return true;
        }
        length = 0;
        return false;
    }
}
