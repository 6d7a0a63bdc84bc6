using Microsoft.AspNetCore.Authentication.JwtBearer;
using SmartOffice.Api.Outbox;
using SmartOffice.Exchange.Messaging;
using SmartOffice.Exchange.Telemetry;

namespace SmartOffice.Api.Telemetry;

/// <summary>
/// What the Api adds to see inside the service: its gauges (outbox lag, CRL age per issuer), the error queue the
/// service admin page shows and replays, and what /metrics needs from its authentication.
/// </summary>
internal static class ApiTelemetry
{
    public static IServiceCollection AddApiTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<OutboxLag>();
        services.AddHostedService<OutboxLagGauge>();
        services.AddHostedService<CrlAgeGauge>();
        services.AddSingleton<FailedDeliveries>();
        // /metrics carries Telemetry:ScrapeKey as its bearer token, which is not a login token: the JWT handler would
        // log every scrape as a malformed token. The key is checked by the scrape endpoint itself (ScrapeEndpoint).
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var inner = options.Events?.OnMessageReceived;
            options.Events ??= new JwtBearerEvents();
            options.Events.OnMessageReceived = context =>
            {
                if (context.Request.Path.Equals(ScrapeEndpoint.Path, StringComparison.OrdinalIgnoreCase))
                {
                    context.NoResult();
                    return Task.CompletedTask;
                }

                return inner?.Invoke(context) ?? Task.CompletedTask;
            };
        });
        return services;
    }
}
