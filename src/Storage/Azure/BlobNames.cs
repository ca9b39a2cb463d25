using System.Text;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Turns caller-chosen names (grain types, tenants, keys, resources, silo ids) into blob name segments:
/// lowercase hex of the UTF-8 bytes. Any character becomes safe; a key's prefix encodes to a prefix of
/// the key's encoding; and the service's name order (byte order) on the hex equals the byte order of
/// the UTF-8 keys, which is code-point order, as the Local provider orders keys.
/// </summary>
internal static class BlobNames
{
    public static string Encode(string value) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(value));

    public static string Decode(string segment) => Encoding.UTF8.GetString(Convert.FromHexString(segment));
}
