namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>A downloaded blob (or range of it): the bytes, as a stream the caller disposes, and the blob's properties.</summary>
public sealed class BlobDownload(Stream content, BlobProperties properties) : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;

    public BlobProperties Properties { get; } = properties;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}
