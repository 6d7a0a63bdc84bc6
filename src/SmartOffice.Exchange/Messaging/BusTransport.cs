using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Exchange.Messaging;

/// <summary>
/// The bus transport shared by Api and Worker (<see cref="MessagingOptions"/>): InMemory (embedded default, consumers
/// in the Api process) or RabbitMq (one node, or a cluster's nodes; the broker settings are read when the bus starts).
/// </summary>
public static class BusTransport
{
    public static void UsingSmartOfficeTransport(this IBusRegistrationConfigurator bus, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(configuration);
        // A city's letter exchange reports nothing to third parties: MassTransit's usage telemetry is off.
        bus.ConfigureUsageTelemetryOptions(options => options.Enabled = false);
        var messaging = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>()
            ?? new MessagingOptions();
        if (messaging.IsRabbitMq)
        {
            bus.UsingRabbitMq(
                (context, cfg) =>
                {
                    var rabbit = context.GetRequiredService<IOptions<MessagingOptions>>().Value.RabbitMq;
                    var nodes = RabbitMqNodes.From(rabbit);
                    cfg.Host(nodes[0].Host, (ushort)nodes[0].Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                        if (nodes.Count > 1)
                        {
                            // Each connection goes to the next node in the list: a connection lost with its node is
                            // made again to another one, and the quorum queues carry on there.
                            h.UseCluster(cluster =>
                            {
                                foreach (var (host, port) in nodes)
                                {
                                    cluster.Node(
                                        $"{host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
                                    );
                                }
                            });
                        }
                    });
                    cfg.ConfigureEndpoints(context);
                }
            );
        }
        else
        {
            bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        }
    }
}
