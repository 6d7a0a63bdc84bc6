using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace SmartOffice.Api.Tests.Infrastructure;

/// <summary>
/// Watches what is published to RabbitMQ with the raw client (a queue bound to the message type's exchange),
/// so tests see the broker's truth rather than MassTransit's.
/// </summary>
internal sealed class Broker : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private Broker(IConnection connection, IChannel channel, string queue)
    {
        (_connection, _channel, _queue) = (connection, channel, queue);
    }

    public static (string Host, int Port) Endpoint
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_RABBITMQ");
            if (string.IsNullOrEmpty(value))
            {
                Assert.Inconclusive("SMARTOFFICE_TEST_RABBITMQ is not set: run ./test.sh, which starts RabbitMQ");
            }

            var parts = value.Split(':');
            return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static Dictionary<string, string?> Settings =>
        new()
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Messaging:RabbitMq:Host"] = Endpoint.Host,
            ["Messaging:RabbitMq:Port"] = Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    public static async Task<Broker> WatchAsync(string exchange)
    {
        var (host, port) = Endpoint;
        var connection = await new ConnectionFactory { HostName = host, Port = port }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = (await channel.QueueDeclareAsync()).QueueName;
        await channel.QueueBindAsync(queue, exchange, "");
        return new Broker(connection, channel, queue);
    }

    /// <summary>Message bodies (MassTransit envelopes) received within the timeout.</summary>
    public async Task<List<JsonElement>> ReceiveAsync(int expected, TimeSpan timeout)
    {
        var messages = new List<JsonElement>();
        var deadline = DateTime.UtcNow + timeout;
        while (messages.Count < expected && DateTime.UtcNow < deadline)
        {
            var result = await _channel.BasicGetAsync(_queue, autoAck: true);
            if (result is null)
            {
                await Task.Delay(50);
                continue;
            }

            messages.Add(
                JsonDocument.Parse(Encoding.UTF8.GetString(result.Body.Span)).RootElement.GetProperty("message")
            );
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
