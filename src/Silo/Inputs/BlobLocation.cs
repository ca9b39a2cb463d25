using Azure.Storage.Blobs;

namespace OrleansBatch.Silo.Inputs;

/// <summary>A blob URL of another account taken apart: the container client to reach it (with the URL's SAS, through the <see cref="RemoteAccessPolicy"/>) and the blob name or folder prefix in it.</summary>
public sealed record BlobLocation(BlobContainerClient Container, string Name);
