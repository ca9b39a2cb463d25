using OrleansBatch.Abstractions;
namespace OrleansBatch.Grains.Domain;

/// <summary>Where a tenant's files live in the artifact store. Every path starts with the tenant, so no tenant can name another's files.</summary>
public static class ArtifactPaths
{
    public const string UploadScheme = "upload://";

    public static string ModelFile(string tenant, string model, int version, string fileName) =>
        $"tenants/{tenant}/models/{model}/{version}/{fileName}";

    public static string UploadFolder(string tenant, string uploadId) => $"tenants/{tenant}/uploads/{uploadId}/";

    /// <summary>
    /// Maps an <c>upload://&lt;id&gt;/[file]</c> URI to its artifact path for <paramref name="tenant"/>;
    /// false when it is not a well-formed upload URI (no '..', no other tenant).
    /// </summary>
    public static bool TryResolveUpload(string tenant, string uri, out string path)
    {
        path = "";
        if (!uri.StartsWith(UploadScheme, StringComparison.OrdinalIgnoreCase))
            return false;
        var rest = uri[UploadScheme.Length..];
        var slash = rest.IndexOf('/');
        var id = slash < 0 ? rest : rest[..slash];
        var file = slash < 0 ? "" : rest[(slash + 1)..];
        if (id.Length == 0 || !id.All(char.IsAsciiLetterOrDigit))
            return false;
        if (file.Length > 0 && (file.Contains('/') || file.Contains('\\') || file is "." or ".."))
            return false;
        path = UploadFolder(tenant, id) + file;
        return true;
    }
}
