using System.Globalization;
using OrleansBatch.Grains;
using OrleansBatch.Abstractions;

namespace OrleansBatch.Api.Http;

/// <summary>A version in a route: a positive number, or <c>latest</c> (null).</summary>
internal static class VersionLabel
{
    public static int? Parse(string text)
    {
        if (text.Equals("latest", StringComparison.OrdinalIgnoreCase))
            return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1
            ? version
            : throw DomainException.Validation("version", $"'{text}' is not a version; use a positive number or 'latest'.");
    }
}
