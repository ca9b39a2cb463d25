namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>No authorization: reaches only containers that allow public access.</summary>
public sealed record AnonymousCredential : StorageCredential
{
    public static AnonymousCredential Instance { get; } = new();
}
