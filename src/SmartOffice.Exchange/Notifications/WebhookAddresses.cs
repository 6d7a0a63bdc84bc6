using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Exchange.Notifications;

/// <summary>
/// Where webhook calls may go. An organization's admin chooses the URL, so by default the service never calls a
/// loopback, private, link-local (cloud metadata at 169.254.169.254), shared (CGNAT), multicast or reserved address:
/// otherwise any account could probe the network the service runs in (server-side request forgery). The check is made
/// on the address actually connected to, after DNS, so a public-looking name that resolves to such an address is
/// refused too. <c>Webhooks:AllowPrivateAddresses=true</c> lifts it, for receivers on an agency's own network.
/// </summary>
public static class WebhookAddresses
{
    public const string ClientName = "webhooks";
    public const string AllowPrivateSetting = "Webhooks:AllowPrivateAddresses";

    /// <summary>
    /// The named HttpClient the dispatcher uses, connecting only where <see cref="IsPublic"/> allows.
    /// </summary>
    public static IServiceCollection AddWebhookClient(this IServiceCollection services)
    {
        services
            .AddHttpClient(ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp =>
                Handler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateAddresses)
            );
        return services;
    }

    public static SocketsHttpHandler Handler(bool allowPrivate) =>
        new()
        {
            // A redirect would be a second, unchecked URL choice; receivers answer, they do not send us on.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
                var allowed = allowPrivate ? addresses : [.. addresses.Where(IsPublic)];
                if (allowed.Length == 0)
                {
                    throw new HttpRequestException(
                        $"{host} has no public address; webhooks to internal addresses are off ({AllowPrivateSetting})"
                    );
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket
                        .ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken)
                        .ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

    /// <summary>
    /// Whether a URL names a loopback host or an internal IP address outright (names are checked when called).
    /// </summary>
    public static bool PointsInward(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsLoopback
            || (
                url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
                && !IsPublic(IPAddress.Parse(url.DnsSafeHost))
            );
    }

    /// <summary>
    /// Whether an address is on the public internet (not loopback, private, link-local, shared, multicast or reserved).
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(
                b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && b[1] is 18 or 19)
            );
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            && !(
                IPAddress.IsLoopback(address)
                || address.Equals(IPAddress.IPv6Any)
                || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal
                || address.IsIPv6UniqueLocal
                || address.IsIPv6Multicast
            );
    }
}
