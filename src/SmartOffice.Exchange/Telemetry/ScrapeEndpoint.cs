using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Exchange.Telemetry;

/// <summary>
/// GET /metrics: Prometheus' scrape of the Api or the Worker, mapped only when Telemetry:Prometheus is on. Metrics tell
/// an outsider how busy the service is and which organizations' letters are refused, so even on an internal port it
/// asks for Telemetry:ScrapeKey as a bearer token (Prometheus' <c>authorization</c> setting), compared in constant
/// time.
/// </summary>
public static class ScrapeEndpoint
{
    public const string Path = "/metrics";

    /// <summary>Registered with the Prometheus exporter: its presence says the endpoint is to be mapped.</summary>
    internal sealed class Enabled;

    public static IEndpointRouteBuilder MapScrapeEndpoint(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (routes.ServiceProvider.GetService<Enabled>() is not null)
        {
            routes.MapPrometheusScrapingEndpoint(
                Path,
                meterProvider: null,
                configureBranchedPipeline: branch => branch.Use(RequireKeyAsync),
                optionsName: null
            );
        }

        return routes;
    }

    /// <summary>Whether <paramref name="authorization"/> carries <paramref name="key"/> as its bearer token.</summary>
    public static bool IsAuthorized(string? authorization, string? key)
    {
        const string Scheme = "Bearer ";
        if (
            string.IsNullOrEmpty(key)
            || authorization is null
            || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
        )
        {
            return false;
        }

        // Hashes of equal length, so neither the key's length nor its first wrong character shows in the timing.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static async Task RequireKeyAsync(HttpContext http, RequestDelegate next)
    {
        var key = http.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value.ScrapeKey;
        if (!IsAuthorized(http.Request.Headers.Authorization.ToString(), key))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await TypedResults
                .Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Authentication required",
                    detail: "Send Telemetry:ScrapeKey as the bearer token.",
                    extensions: new Dictionary<string, object?> { ["code"] = "unauthorized" }
                )
                .ExecuteAsync(http);
            return;
        }

        await next(http);
    }
}
