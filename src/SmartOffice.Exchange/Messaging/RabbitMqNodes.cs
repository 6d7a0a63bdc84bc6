using System.Globalization;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Exchange.Messaging;

/// <summary>
/// The RabbitMQ nodes a process may connect to: Messaging:RabbitMq:ClusterNodes (host:port, separated by commas or
/// semicolons; a node without a port uses Messaging:RabbitMq:Port) when set, otherwise the one Host and Port.
/// </summary>
public static class RabbitMqNodes
{
    public const int DefaultPort = 5672;

    public static IReadOnlyList<(string Host, int Port)> From(RabbitMqOptions rabbit)
    {
        ArgumentNullException.ThrowIfNull(rabbit);
        var port = rabbit.Port;
        var cluster = (rabbit.ClusterNodes ?? "").Split(
            [',', ';'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
        );
        if (cluster.Length == 0)
        {
            return [(rabbit.Host, port)];
        }

        return [.. cluster.Select(node => Parse(node, port))];
    }

    private static (string Host, int Port) Parse(string node, int defaultPort)
    {
        var colon = node.LastIndexOf(':');
        if (colon < 0)
        {
            return (node, defaultPort);
        }

        return
            int.TryParse(node[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= ushort.MaxValue
            ? (node[..colon], port)
            : throw new InvalidOperationException(
                $"Messaging:RabbitMq:ClusterNodes: '{node}' is not host or host:port"
            );
    }
}
