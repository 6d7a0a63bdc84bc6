using MassTransit;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Health;
using SmartOffice.Exchange.Messaging;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Routing;
using SmartOffice.Worker.Errors;

namespace SmartOffice.Worker;

/// <summary>
/// The delivery worker: consumes LetterSubmitted from RabbitMQ (competing consumers; run as many as needed) and
/// writes to PostgreSQL. Serves /health/live and /health/ready (broker and database) and the error-queue admin
/// endpoints on its own port (bind it to localhost or an internal network).
/// </summary>
public static class WorkerHost
{
    public static WebApplication Build(string[] args, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = builder.Configuration["Messaging:Transport"] ?? "RabbitMq",
            ["Database:Provider"] = builder.Configuration["Database:Provider"] ?? DatabaseRegistration.Postgres,
            ["ConnectionStrings:SmartOffice"] = builder.Configuration.GetConnectionString("SmartOffice") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Database=smartoffice",
            ["Seal:CertificatePath"] = builder.Configuration["Seal:CertificatePath"] ?? Path.Combine("data", "pki", "p12", "seal.p12"),
        });
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
        services.AddSingleton(TimeProvider.System);
        // On SIGTERM: stop consuming, finish or hand back the messages in flight, flush audit drafts.
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Service:ShutdownSeconds", 30)));
        services.AddExchangeDatabase();
        SmartOffice.Exchange.Telemetry.TelemetryRegistration.AddSmartOfficeTelemetry(services, builder.Configuration, "smartoffice-worker");
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return SealLoader.Load(configuration["Seal:CertificatePath"]!, configuration["Seal:Password"]);
        });
        services.AddSingleton<EvidenceWriter>();
        services.AddSingleton<SmartOffice.Exchange.Routing.DeliveryBatcher>();
        services.AddScoped<SmartOffice.Exchange.Audit.AuditLog>();
        // The chainer is registered first so that it stops last, after the writer's final drafts.
        services.AddSingleton<SmartOffice.Exchange.Audit.AuditChainer>();
        services.AddHostedService(sp => sp.GetRequiredService<SmartOffice.Exchange.Audit.AuditChainer>());
        services.AddSingleton<SmartOffice.Exchange.Audit.AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<SmartOffice.Exchange.Audit.AuditWriter>());
        services.AddSingleton<FailedDeliveries>();
        services.AddSingleton<SmartOffice.Exchange.Archive.IArchiveStore>(sp => SmartOffice.Exchange.Archive.FileArchiveStore.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<SmartOffice.Exchange.Archive.LetterArchiver>();
        services.AddHttpClient();
        SmartOffice.Exchange.Notifications.WebhookAddresses.AddWebhookClient(services);
        services.AddHostedService<SmartOffice.Exchange.Notifications.WebhookDispatcher>();
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<LetterSubmittedConsumer, LetterSubmittedConsumerDefinition>();
            bus.UsingSmartOfficeTransport(builder.Configuration);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]).AddCheck<ArchiveHealthCheck>("archive", tags: ["ready"])
            .AddCheck<ErrorQueueHealthCheck>("error-queue", tags: ["ready"]);
        return Map(builder.Build());
    }

    public static async Task PrepareAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.MigrateExchangeDatabaseAsync();
    }

    private static WebApplication Map(WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });
        app.MapErrorQueueEndpoints();
        return app;
    }
}
