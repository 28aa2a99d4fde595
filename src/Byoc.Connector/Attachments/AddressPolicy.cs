using System.Net;
using System.Net.Sockets;

namespace Byoc.Connector.Attachments;

/// <summary>
/// Which IP addresses a download may connect to: only public unicast ones. Refused: loopback, private (RFC 1918),
/// carrier-grade NAT, link-local (which holds cloud metadata at 169.254.169.254), unspecified, multicast, broadcast and
/// reserved ranges, IPv6 unique-local and link-local, and any of these wrapped as IPv4-mapped or IPv4-compatible IPv6.
/// </summary>
internal static class AddressPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] is 0 or 10 or 127 or >= 224
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
        || (b[0] == 198 && b[1] is 18 or 19)
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)
        || (b[0] == 203 && b[1] == 0 && b[2] == 113));

    private static bool IsPublicV6(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        // ::a.b.c.d (IPv4-compatible, deprecated) and 64:ff9b::/96 (NAT64) carry an IPv4 address in the last four bytes.
        if (b.Take(12).All(x => x == 0) || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0)))
        {
            return IsPublicV4(b[12..]);
        }

        // 2001:db8::/32 documentation.
        return !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8);
    }
}
