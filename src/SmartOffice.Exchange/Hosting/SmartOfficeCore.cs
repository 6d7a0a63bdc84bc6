using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Archive;
using SmartOffice.Exchange.Audit;
using SmartOffice.Exchange.Configuration;
using SmartOffice.Exchange.Evidence;
using SmartOffice.Exchange.Health;
using SmartOffice.Exchange.Notifications;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Exchange.Telemetry;

namespace SmartOffice.Exchange.Hosting;

/// <summary>
/// The one composition root of what the Api and the Worker share: checked settings, the database, the evidence seal
/// and writer, the archive, the audit trail, webhooks, telemetry and the readiness checks of the database and
/// the archive. Each host adds only what is its own (the Api its HTTP surface and outbox, the Worker delivery, which
/// the Api also hosts on the embedded default).
/// </summary>
public static class SmartOfficeCore
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddSmartOfficeCore(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName
    )
    {
        services.AddSingleton(TimeProvider.System);
        services.AddExchangeOptions();
        services.AddChecked<WebhookOptions>(WebhookOptions.SectionName, _ => []);
        // On SIGTERM: stop taking work, finish or hand back what is in flight, flush audit drafts.
        services
            .AddOptions<HostOptions>()
            .Configure<IOptions<ServiceOptions>>(
                (host, service) => host.ShutdownTimeout = TimeSpan.FromSeconds(service.Value.ShutdownSeconds)
            );
        services.AddExchangeDatabase();
        services.AddSmartOfficeTelemetry(configuration, serviceName);

        services.AddSingleton(sp =>
        {
            var seal = sp.GetRequiredService<IOptions<SealOptions>>().Value;
            return SealLoader.Load(seal.CertificatePath!, seal.Password, seal.FormerCertificates);
        });
        services.AddSingleton<EvidenceWriter>();
        services.AddSingleton<IArchiveStore>(sp =>
            FileArchiveStore.From(sp.GetRequiredService<IOptions<ArchiveOptions>>().Value)
        );
        services.AddScoped<LetterArchiver>();

        services.AddScoped<AuditLog>();
        // The chainer is registered first so that it stops last, after the writer's final drafts.
        services.AddSingleton<AuditChainer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditChainer>());
        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());

        services.AddHttpClient();
        WebhookAddresses.AddWebhookClient(services);
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());

        services
            .AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<ArchiveHealthCheck>("archive", tags: [ReadyTag]);
        return services;
    }
}
