using System.Security.Cryptography;
using System.Text;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Storage queue names for work queue names: <c>&lt;prefix&gt;-&lt;readable part&gt;-&lt;hash&gt;</c>. The readable part
/// is the name lowercased with every run of other characters turned into one hyphen, cut to fit 63
/// characters; the hash (8 hex digits of SHA-256 of the exact name) keeps distinct names distinct.
/// </summary>
internal static class QueueNames
{
    private const int MaxLength = 63;
    private const int HashLength = 8;

    public static string For(string prefix, string queue)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(queue)))[..HashLength];
        var readable = new StringBuilder(queue.Length);
        foreach (var c in queue.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
                readable.Append(c);
            else if (readable.Length > 0 && readable[^1] != '-')
                readable.Append('-');
        }
        var room = MaxLength - prefix.Length - HashLength - 2;
        var part = readable.ToString(0, Math.Min(readable.Length, room)).Trim('-');
        return part.Length == 0 ? $"{prefix}-{hash}" : $"{prefix}-{part}-{hash}";
    }
}
