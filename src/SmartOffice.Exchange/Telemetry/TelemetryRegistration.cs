using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Exchange.Telemetry;

/// <summary>
/// Traces across the whole path (HTTP request, outbox publish, RabbitMQ, consumer, database: ASP.NET Core, HttpClient,
/// MassTransit and Npgsql sources, with the W3C trace context MassTransit carries on each message) and metrics (ours,
/// ASP.NET Core, HttpClient, the runtime). Exported with OTLP to Telemetry:OtlpEndpoint when it is set, and served
/// to Prometheus at /metrics when Telemetry:Prometheus is on (<see cref="ScrapeEndpoint"/>); collected for nobody
/// otherwise.
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddSmartOfficeTelemetry(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName
    )
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddChecked<TelemetryOptions>(TelemetryOptions.SectionName, TelemetryOptions.Problems);
        // Decided now, not when resolved: OpenTelemetry's exporters are services themselves. A malformed value is
        // left out here and reported with every other settings problem at start.
        var telemetry = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>()
            ?? new TelemetryOptions();
        var otlp = TelemetryOptions.OtlpUri(telemetry.OtlpEndpoint);
        if (otlp is null && !telemetry.Prometheus)
        {
            return services;
        }

        var builder = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(serviceName));
        if (otlp is not null)
        {
            builder.WithTracing(tracing =>
                tracing
                    .AddSource(ExchangeTelemetry.Name, "MassTransit")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddOtlpExporter(options => options.Endpoint = otlp)
            );
        }

        builder.WithMetrics(metrics =>
        {
            metrics
                .AddMeter(ExchangeTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation();
            if (otlp is not null)
            {
                metrics.AddOtlpExporter(options => options.Endpoint = otlp);
            }

            if (telemetry.Prometheus)
            {
                metrics.AddPrometheusExporter();
                services.AddSingleton<ScrapeEndpoint.Enabled>();
            }
        });
        return services;
    }
}
