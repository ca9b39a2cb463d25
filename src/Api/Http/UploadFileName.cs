using System.Text;

namespace OrleansBatch.Api.Http;

/// <summary>
/// Makes a client's file name safe to store: the last path segment only, letters, digits, '.', '-' and
/// '_' kept, anything else '_', no leading dots, at most 128 characters.
/// </summary>
internal static class UploadFileName
{
    public static string Sanitize(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault(s => s.Length > 0) ?? "";
        var builder = new StringBuilder(last.Length);
        foreach (var c in last)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        var safe = builder.ToString().TrimStart('.');
        if (safe.Length > 128)
            safe = safe[..64] + safe[^64..];
        return safe.Length == 0 ? "file" : safe;
    }
}
