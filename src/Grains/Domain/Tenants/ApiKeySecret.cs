using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using OrleansBatch.Abstractions.Tenants;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Grains.Domain.Tenants;

/// <summary>
/// Tenant API keys: <c>obk_&lt;tenant&gt;_&lt;key id&gt;_&lt;secret&gt;</c>, with 32 random bytes of secret.
/// The tenant and key id are inside the key, so checking one needs one grain read and no global index.
/// Keys are stored as SHA-256 (enough for high-entropy secrets) and compared in fixed time.
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "obk";

    /// <summary>A new key; <see cref="IssuedApiKey.Key"/> is shown to the caller once and never stored.</summary>
    public static IssuedApiKey Issue(string tenant)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = $"{Prefix}_{tenant}_{id}_{secret}";
        return new IssuedApiKey(key, id, Hash(key));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Fixed-time comparison of a presented key with a stored hash.</summary>
    public static bool Matches(string key, string storedHash)
    {
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), presented);
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        return Convert.FromHexString(storedHash, stored, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == stored.Length
            && CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    /// <summary>Reads the tenant and key id out of a key; false when it is not shaped like one.</summary>
    public static bool TryParse(string key, out string tenant, out string keyId)
    {
        tenant = keyId = "";
        var parts = key.Split('_', 4);
        if (parts.Length != 4 || parts[0] != Prefix || !ResourceName.IsValid(parts[1]) || parts[2].Length != 16 || parts[3].Length < 32)
            return false;
        tenant = parts[1];
        keyId = parts[2];
        return true;
    }
}

/// <summary>A freshly issued key: the key itself (shown once), its id and its hash (stored).</summary>
public sealed record IssuedApiKey(string Key, string Id, string Hash);
