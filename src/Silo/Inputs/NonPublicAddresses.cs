using System.Net;
using System.Net.Sockets;

namespace OrleansBatch.Silo.Inputs;

/// <summary>
/// Addresses a remote input or output must not reach unless an operator listed them: loopback, private,
/// carrier-grade NAT, link-local, unspecified, multicast and broadcast, in IPv4 and IPv6, including IPv4
/// addresses dressed as IPv6 (mapped <c>::ffff:a.b.c.d</c>, compatible <c>::a.b.c.d</c>, NAT64 <c>64:ff9b::/96</c>).
/// </summary>
public static class NonPublicAddresses
{
    /// <summary>Whether <paramref name="address"/> lies in a range that is not on the public internet.</summary>
    public static bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(address) is { } v4)
            return ContainsIPv4(v4.GetAddressBytes());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ContainsIPv4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ContainsIPv6(address),
            _ => true,
        };
    }

    private static bool ContainsIPv4(byte[] b) =>
        b[0] is 0 or 10 or 127 or >= 224                 // this network, private, loopback, multicast and reserved, broadcast
        || (b[0] == 100 && b[1] >= 64 && b[1] < 128)      // carrier-grade NAT
        || (b[0] == 169 && b[1] == 254)                   // link-local (cloud metadata endpoints live here)
        || (b[0] == 172 && b[1] >= 16 && b[1] < 32)       // private
        || (b[0] == 192 && b[1] == 168)                   // private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)        // IETF protocol assignments
        || (b[0] == 198 && b[1] is 18 or 19);             // benchmarking

    private static bool ContainsIPv6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6None)
            || (b[0] & 0xfe) == 0xfc                      // unique local fc00::/7
            || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)    // link-local fe80::/10
            || (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)    // site-local fec0::/10 (deprecated, still routed privately)
            || b[0] == 0xff;                               // multicast
    }

    /// <summary>The IPv4 address an IPv6 address carries, for the forms that reach an IPv4 host.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        var b = address.GetAddressBytes();
        var compatible = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !address.Equals(IPAddress.IPv6Loopback) && !address.Equals(IPAddress.IPv6None);
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        return compatible || nat64 ? new IPAddress(b.AsSpan(12, 4)) : null;
    }
}
