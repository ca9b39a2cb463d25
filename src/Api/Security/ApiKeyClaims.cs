namespace OrleansBatch.Api.Security;

/// <summary>Claims the API key handler puts on the caller.</summary>
internal static class ApiKeyClaims
{
    public const string Scheme = "ApiKey";
    public const string Tenant = "obatch:tenant";
    public const string Role = "obatch:role";
    public const string KeyId = "obatch:key_id";

    /// <summary>The role claim value of the platform admin key.</summary>
    public const string PlatformRole = "platform";
}
