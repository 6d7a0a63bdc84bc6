using MassTransit;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Health;
using SmartOffice.Exchange.Hosting;
using SmartOffice.Exchange.Messaging;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Telemetry;
using SmartOffice.LetterDelivery;
using SmartOffice.Worker.Errors;

namespace SmartOffice.Worker;

/// <summary>
/// The delivery worker: consumes LetterSubmitted from RabbitMQ (competing consumers; run as many as needed) and
/// writes to PostgreSQL. Everything it shares with the Api comes from <see cref="SmartOfficeCore"/>, so both read the
/// same settings with the same defaults. Serves /health/live and /health/ready (database, archive, error queue,
/// broker), the error-queue admin endpoints and, when Telemetry:Prometheus is on, /metrics on its own port (bind it to
/// localhost or an internal network).
/// </summary>
public static class WorkerHost
{
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line outside development, with scopes (letter id, trace id) for log collectors.
            builder.Logging.ClearProviders().AddJsonConsole(options => options.IncludeScopes = true);
        }

        var services = builder.Services;
        services.AddSmartOfficeCore(builder.Configuration, "smartoffice-worker");
        services.AddSmartOfficeDelivery();
        services.AddChecked<WorkerOptions>(WorkerOptions.SectionName, WorkerOptions.Check);
        services.AddSingleton<FailedDeliveries>();
        services.AddHostedService<ErrorQueueGauge>();
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddDeliveryConsumer();
            bus.UsingSmartOfficeTransport(builder.Configuration);
        });
        services.AddHealthChecks().AddCheck<ErrorQueueHealthCheck>("error-queue", tags: [SmartOfficeCore.ReadyTag]);
        return Map(builder.Build());
    }

    public static async Task PrepareAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Every settings problem at once, before the first use of any of them.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        await app.Services.MigrateExchangeDatabaseAsync();
    }

    private static WebApplication Map(WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(
            "/health/ready",
            new HealthCheckOptions
            {
                Predicate = c => c.Tags.Contains(SmartOfficeCore.ReadyTag),
                ResponseWriter = HealthResponse.WriteAsync,
            }
        );
        app.MapErrorQueueEndpoints();
        app.MapScrapeEndpoint();
        return app;
    }
}
