using System.Text.RegularExpressions;

namespace OrleansBatch.Silo.Inputs;

/// <summary>
/// Takes shared access signatures out of what is shown (job JSON, job lists, logs, error reports): the whole
/// query of a URL is dropped, since a SAS spreads over several of its parameters (<c>sv</c>, <c>se</c>,
/// <c>sp</c>, <c>sig</c>, ...), and any <c>sig=</c> left in free text is masked.
/// </summary>
public static partial class SasRedaction
{
    /// <summary>An http(s) URL without its query; any other path (a local file may hold a '?') as it is.</summary>
    public static string Url(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var q = url.IndexOf('?', StringComparison.Ordinal);
        var isUrl = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        return q < 0 || !isUrl ? url : url[..q];
    }

    /// <summary>
    /// <paramref name="text"/> with the query of every http(s) URL in it removed and every other <c>sig=</c>
    /// value masked; text without either comes back as it was.
    /// </summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('?') && !text.Contains("sig", StringComparison.OrdinalIgnoreCase))
            return text;
        var withoutQueries = UrlQuery().Replace(text, m => m.Groups["url"].Value);
        return Signature().Replace(withoutQueries, "${name}=REDACTED");
    }

    [GeneratedRegex(@"(?<url>https?://[^\s?""'<>]+)\?[^\s""'<>]*", RegexOptions.IgnoreCase)]
    private static partial Regex UrlQuery();

    [GeneratedRegex(@"(?<name>sig)=[^&\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex Signature();
}
