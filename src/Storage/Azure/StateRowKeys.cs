using System.Text;

namespace OrleansBatch.Storage.Azure;

/// <summary>
/// Table keys of the state store, safe under the Table key rules (no <c>/ \ # ?</c> or control characters):
/// partitions <c>hex(type)_hex(tenant)</c>; each record has an ascending row <c>a</c>+hex(key) and a descending
/// row <c>d</c>+inverted hex(key)+<c>z</c>. Hex of UTF-8 keeps key order (code-point order) and turns a key
/// prefix into a row key prefix; inverting every byte and ending with <c>z</c> (above every hex digit) reverses
/// the order, a longer key with the same start sorting first, as descending order demands.
/// </summary>
internal static class StateRowKeys
{
    public const string Ascending = "a";
    public const string Descending = "d";
    private const char End = 'z';

    public static string Partition(string type, string tenant) => $"{BlobNames.Encode(type)}_{BlobNames.Encode(tenant)}";

    public static string AscendingRow(string key) => Ascending + BlobNames.Encode(key);

    public static string DescendingRow(string key) => Descending + Inverted(key) + End;

    /// <summary>The key of a row of either kind.</summary>
    public static string KeyOf(string rowKey)
    {
        if (rowKey.StartsWith(Ascending, StringComparison.Ordinal))
            return BlobNames.Decode(rowKey[1..]);
        var bytes = Convert.FromHexString(rowKey[1..^1]);
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)~bytes[i];
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The row key range [from, to) holding every key that starts with <paramref name="prefix"/>, in one direction.</summary>
    public static (string From, string To) Range(string prefix, bool descending) =>
        // 'g' follows every hex digit; '{' follows 'z'.
        descending ? (Descending + Inverted(prefix), Descending + Inverted(prefix) + "{") : (Ascending + BlobNames.Encode(prefix), Ascending + BlobNames.Encode(prefix) + "g");

    private static string Inverted(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)~bytes[i];
        return Convert.ToHexStringLower(bytes);
    }
}
