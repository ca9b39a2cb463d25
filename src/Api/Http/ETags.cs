using System.Globalization;
using OrleansBatch.Grains;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Http;

/// <summary>The resource version as an ETag (<c>"3"</c>), and <c>If-Match</c> read back as a version.</summary>
internal static class ETags
{
    public static void Set(HttpContext context, long version) => context.Response.Headers.ETag = $"\"{version}\"";

    /// <summary>The version <c>If-Match</c> names, or null when absent or <c>*</c>; 400 when it is not a version ETag.</summary>
    public static long? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
            return null;
        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        value = value.Trim('"');
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw DomainException.Invalid("InvalidIfMatch", $"If-Match '{header}' is not an ETag of this API; send the ETag header of the resource, e.g. \"3\".");
    }
}
