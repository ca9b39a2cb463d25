using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>
/// Issues account SAS tokens signed with the account key (signed version 2019-02-02), e.g. to hand a
/// scorer or a user read access to artifacts without the key.
/// </summary>
public static class AccountSas
{
    private const string SignedVersion = "2019-02-02";

    /// <summary>
    /// A SAS token (without '?') for <paramref name="services"/> (<c>b</c> blob, <c>q</c> queue), resource types
    /// <paramref name="resourceTypes"/> (<c>s</c> service, <c>c</c> container, <c>o</c> object) and permissions
    /// <paramref name="permissions"/> (e.g. <c>rwdlacup</c>), valid until <paramref name="expiresOn"/>.
    /// </summary>
    public static string Create(SharedKeyCredential credential, string services, string resourceTypes, string permissions, DateTimeOffset expiresOn)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrEmpty(services);
        ArgumentException.ThrowIfNullOrEmpty(resourceTypes);
        ArgumentException.ThrowIfNullOrEmpty(permissions);
        var expiry = expiresOn.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        // Fields: account, permissions, services, resource types, start, expiry, IP, protocol, version.
        var toSign = string.Join('\n', credential.AccountName, permissions, services, resourceTypes, "", expiry, "", "", SignedVersion) + "\n";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(credential.Key, Encoding.UTF8.GetBytes(toSign)));
        return $"sv={SignedVersion}&ss={services}&srt={resourceTypes}&sp={permissions}&se={Uri.EscapeDataString(expiry)}&sig={Uri.EscapeDataString(signature)}";
    }
}
