namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>An account name and its base64 key; every request is signed with HMAC-SHA256 (Shared Key).</summary>
public sealed record SharedKeyCredential : StorageCredential
{
    public SharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        AccountName = accountName;
        try
        {
            Key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            throw new FormatException($"The account key of storage account '{accountName}' is not base64. Copy it again from the account's access keys.");
        }
    }

    public string AccountName { get; }

    /// <summary>The decoded key.</summary>
    internal byte[] Key { get; }

    // Keep the key out of logs and exception messages.
    public override string ToString() => $"SharedKey({AccountName})";
}
