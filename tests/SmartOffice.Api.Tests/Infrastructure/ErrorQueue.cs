using System.Text;
using RabbitMQ.Client;

namespace SmartOffice.Api.Tests.Infrastructure;

/// <summary>
/// Puts a failed delivery into the broker's real error queue (letter-submitted_error) with the raw client, as
/// MassTransit leaves one there: a LetterSubmitted envelope for a letter no database has, with the fault's reason.
/// </summary>
internal static class ErrorQueue
{
    public const string Name = "letter-submitted_error";

    /// <summary>Adds one failed delivery; answers its message id.</summary>
    public static async Task<string> PutAsync()
    {
        var (host, port) = Broker.Endpoint;
        await using var connection = await new ConnectionFactory
        {
            HostName = host,
            Port = port,
        }.CreateConnectionAsync();
        foreach (var queue in new[] { "letter-submitted", Name })
        {
            await EnsureAsync(connection, queue);
        }

        var id = Guid.NewGuid().ToString();
        var body = $$$"""
            {"messageId":"{{{id}}}","messageType":["urn:message:SmartOffice.Contracts:LetterSubmitted"],
             "message":{"letterId":"{{{Guid.NewGuid()}}}","senderRegistryNumber":"5123456",
             "recipientRegistryNumbers":["9011001"],"documentSha256":"{{{new string(
                '0',
                64
            )}}}"}}
            """;
        var properties = new BasicProperties
        {
            MessageId = id,
            ContentType = "application/vnd.masstransit+json",
            Persistent = true,
            Headers = new Dictionary<string, object?> { ["MT-Fault-Message"] = "test: the letter does not exist" },
        };
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)
        );
        await channel.BasicPublishAsync("", Name, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
        return id;
    }

    /// <summary>
    /// Whether the message <paramref name="id"/> waits in the error queue (every message read is put back).
    /// </summary>
    public static async Task<bool> HoldsAsync(string id)
    {
        var (host, port) = Broker.Endpoint;
        await using var connection = await new ConnectionFactory
        {
            HostName = host,
            Port = port,
        }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var found = false;
        var tags = new List<ulong>();
        while (!found && await channel.BasicGetAsync(Name, autoAck: false) is { } message)
        {
            tags.Add(message.DeliveryTag);
            found = message.BasicProperties.MessageId == id;
        }

        foreach (var tag in tags)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true);
        }

        return found;
    }

    // Declared as MassTransit declares the delivery endpoint's queues (quorum, durable) when no Worker has run on this
    // broker yet, so that a Worker starting later finds them equal.
    private static async Task EnsureAsync(IConnection connection, string queue)
    {
        await using (var probe = await connection.CreateChannelAsync())
        {
            try
            {
                await probe.QueueDeclarePassiveAsync(queue);
                return;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // Not there yet.
            }
        }

        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(
            queue,
            durable: true,
            exclusive: false,
            autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }
        );
    }
}
