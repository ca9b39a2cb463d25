using OrleansBatch.Storage.Azure.Rest;

namespace OrleansBatch.Silo.Inputs;

/// <summary>A blob URL taken apart: the container client to reach it (with the URL's SAS, the configured account's key, or anonymous) and the blob name or folder prefix in it.</summary>
public sealed record BlobLocation(BlobContainerClient Container, string Name);
