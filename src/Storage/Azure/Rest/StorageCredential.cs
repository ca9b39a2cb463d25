namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>How requests to a storage account are authorized: Shared Key, a SAS token, or not at all.</summary>
public abstract record StorageCredential;
