using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SmartOffice.Exchange.Telemetry;

/// <summary>
/// Traces across the whole path (HTTP request, outbox publish, RabbitMQ, consumer, database: ASP.NET Core, HttpClient,
/// MassTransit and Npgsql sources, with the W3C trace context MassTransit carries on each message) and metrics (ours,
/// ASP.NET Core, HttpClient, the runtime). Exported with OTLP to Telemetry:OtlpEndpoint when it is set; collected for
/// nobody otherwise.
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddSmartOfficeTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrEmpty(endpoint))
        {
            return services;
        }

        var target = new Uri(endpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(ExchangeTelemetry.Name, "MassTransit")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(options => options.Endpoint = target))
            .WithMetrics(metrics => metrics
                .AddMeter(ExchangeTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(options => options.Endpoint = target));
        return services;
    }
}
