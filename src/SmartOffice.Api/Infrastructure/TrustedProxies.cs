using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SmartOffice.Api.Infrastructure;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies listed in Network:KnownProxies (addresses,
/// separated by ';'), so rate limits and audit lines name the client, and nobody else can claim another address.
/// </summary>
internal static class TrustedProxies
{
    public static void UseTrustedProxies(this WebApplication app)
    {
        var proxies = (app.Configuration["Network:KnownProxies"] ?? "").Split(
            ';',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        if (proxies.Length == 0)
        {
            return;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(options);
    }
}
