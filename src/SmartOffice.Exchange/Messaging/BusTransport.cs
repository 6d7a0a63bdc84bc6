using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartOffice.Exchange.Messaging;

/// <summary>
/// The bus transport shared by Api and Worker: Messaging:Transport = InMemory (embedded default, consumers in the
/// Api process) or RabbitMq (Messaging:RabbitMq:Host|Port|Username|Password|VirtualHost, read when the bus starts).
/// </summary>
public static class BusTransport
{
    public static void UsingSmartOfficeTransport(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(configuration);
        // A city's letter exchange reports nothing to third parties: MassTransit's usage telemetry is off.
        bus.ConfigureUsageTelemetryOptions(options => options.Enabled = false);
        if (string.Equals(configuration["Messaging:Transport"], "RabbitMq", StringComparison.OrdinalIgnoreCase))
        {
            bus.UsingRabbitMq((context, cfg) =>
            {
                var rabbit = context.GetRequiredService<IConfiguration>().GetSection("Messaging:RabbitMq");
                cfg.Host(rabbit["Host"] ?? "127.0.0.1", rabbit.GetValue<ushort?>("Port") ?? 5672, rabbit["VirtualHost"] ?? "/", h =>
                {
                    h.Username(rabbit["Username"] ?? "guest");
                    h.Password(rabbit["Password"] ?? "guest");
                });
                cfg.ConfigureEndpoints(context);
            });
        }
        else
        {
            bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        }
    }
}
