using Azure.Storage.Blobs;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Silo.Inputs;

/// <summary>
/// The platform's own storage account (cluster mode), as blob URLs name it. A URL on it is never signed with
/// the account key: it is mapped to the calling tenant's files in the artifact store, and only when it lies
/// under <c>&lt;prefix&gt;-artifacts/tenants/&lt;tenant&gt;/</c>; any other container or tenant is refused.
/// </summary>
public sealed class OwnStorageAccount(string connectionString, string containerPrefix)
{
    private readonly Uri _endpoint = new BlobServiceClient(connectionString).Uri;
    private readonly string _artifacts = $"{containerPrefix}-artifacts";

    /// <summary>Whether <paramref name="uri"/> is on this account's blob endpoint.</summary>
    public bool Contains(Uri uri) =>
        string.Equals(uri.Scheme, _endpoint.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, _endpoint.Authority, StringComparison.OrdinalIgnoreCase)
        && (uri.AbsolutePath + "/").StartsWith(_endpoint.AbsolutePath.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>
    /// The artifact path <paramref name="uri"/> names for <paramref name="tenant"/> (a folder keeps its trailing
    /// '/'); 400 <paramref name="code"/> when it lies outside the tenant's own folder.
    /// </summary>
    public string ArtifactPath(Uri uri, string tenant, string field, string code)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath)[_endpoint.AbsolutePath.TrimEnd('/').Length..].TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? path : path[..slash];
        var name = slash < 0 ? "" : path[(slash + 1)..];
        var own = $"tenants/{tenant}/";
        var segments = name.TrimEnd('/').Split('/');
        if (container != _artifacts || !(name.TrimEnd('/') + "/").StartsWith(own, StringComparison.Ordinal)
            || segments.Any(s => s is "" or "." or ".." || s.Contains('\\') || s.Any(char.IsControl)))
            throw DomainException.Invalid(code, $"{field}: '{SasRedaction.Url(uri.ToString())}' is on the platform's storage account but outside your own files; use a path under {_artifacts}/{own}, an upload:// path, or another account's URL with a SAS.");
        return name.Length == own.Length - 1 ? own : name;
    }
}
