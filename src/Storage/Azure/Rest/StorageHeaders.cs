using System.Globalization;
using Azure;
using Azure.Core;

namespace OrleansBatch.Storage.Azure.Rest;

/// <summary>Reads and writes the headers blob and queue calls share: conditions, leases, properties, metadata.</summary>
internal static class StorageHeaders
{
    private const string MetadataPrefix = "x-ms-meta-";

    public static void Apply(Request request, RequestConditions? conditions, string? leaseId = null)
    {
        if (leaseId is not null)
            request.Headers.SetValue("x-ms-lease-id", leaseId);
        if (conditions is null)
            return;
        if (conditions.IfMatch is { } ifMatch)
            request.Headers.SetValue("If-Match", Quoted(ifMatch));
        if (conditions.IfNoneMatch is { } ifNoneMatch)
            request.Headers.SetValue("If-None-Match", Quoted(ifNoneMatch));
        if (conditions.IfModifiedSince is { } modified)
            request.Headers.SetValue("If-Modified-Since", modified.ToString("r", CultureInfo.InvariantCulture));
        if (conditions.IfUnmodifiedSince is { } unmodified)
            request.Headers.SetValue("If-Unmodified-Since", unmodified.ToString("r", CultureInfo.InvariantCulture));
    }

    public static void ApplyMetadata(Request request, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
            return;
        foreach (var (name, value) in metadata)
            request.Headers.SetValue(MetadataPrefix + name, value);
    }

    public static BlobProperties ReadProperties(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
                metadata[header.Name[MetadataPrefix.Length..].ToLowerInvariant()] = header.Value;
        }
        // A ranged read reports the whole blob's size in Content-Range ("bytes 0-9/1234").
        var length = response.Headers.TryGetValue("Content-Range", out var range) && range.LastIndexOf('/') is var slash and > 0
                     && long.TryParse(range.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? total
            : response.Headers.ContentLength ?? 0;
        response.Headers.TryGetValue("x-ms-lease-state", out var leaseState);
        return new BlobProperties(ETagOf(response), LastModifiedOf(response), length, response.Headers.ContentType, metadata, leaseState);
    }

    public static ETag ETagOf(Response response) => response.Headers.ETag ?? default;

    public static DateTimeOffset LastModifiedOf(Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var value) ? ParseDate(value) : default;

    public static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The header form of an etag: quoted, except <c>*</c>. Listings give etags unquoted.</summary>
    public static string Quoted(ETag etag)
    {
        var value = etag.ToString();
        return value == "*" || value.StartsWith('"') ? value : $"\"{value}\"";
    }
}
