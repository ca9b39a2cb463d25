namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>A shared access signature: its query string is appended to every request's address.</summary>
public sealed record SasCredential : StorageCredential
{
    public SasCredential(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        Token = token.TrimStart('?');
    }

    /// <summary>The token without its leading '?', e.g. <c>sv=...&amp;sig=...</c>.</summary>
    public string Token { get; }

    public override string ToString() => "SAS";
}
