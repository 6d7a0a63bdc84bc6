using System.Net;

namespace SmartOffice.Api.Infrastructure;

/// <summary>
/// The key a client's address is limited by: an IPv4 address, or an IPv6 /64 (one subscriber usually holds a whole
/// /64, so limiting single IPv6 addresses would limit nothing).
/// </summary>
internal static class ClientAddress
{
    public static string Key(HttpContext context) => Key(context.Connection.RemoteIpAddress);

    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
