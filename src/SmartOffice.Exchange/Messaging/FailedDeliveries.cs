using System.Text;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using SmartOffice.Exchange.Configuration;

namespace SmartOffice.Exchange.Messaging;

/// <summary>
/// The error queue of letter deliveries (letter-submitted_error), read and replayed with the raw RabbitMQ client:
/// listing reads messages and puts them back; replay moves each one to the delivery queue and removes it from the
/// error queue only after the broker confirmed the copy. Here rather than in the Worker because the Api's service
/// admin page shows and replays it too. Only RabbitMQ has an error queue (<see cref="IsApplicable"/>): on the embedded
/// transport failed deliveries stay in the process.
/// </summary>
public sealed class FailedDeliveries(IOptions<MessagingOptions> messaging)
{
    public const string QueueName = "letter-submitted";
    public const string ErrorQueueName = "letter-submitted_error";

    /// <summary>
    /// Whether the bus is RabbitMQ (Messaging:Transport=RabbitMq), the only transport with an error queue to read.
    /// </summary>
    public bool IsApplicable => messaging.Value.IsRabbitMq;

    public sealed record Entry(string? MessageId, string? Reason, string Body);

    public async Task<List<Entry>> ListAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        if (!await ExistsAsync(connection, cancellationToken))
        {
            return [];
        }

        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var entries = new List<Entry>();
        var tags = new List<ulong>();
        while (
            entries.Count < max
            && await channel.BasicGetAsync(ErrorQueueName, autoAck: false, cancellationToken) is { } message
        )
        {
            tags.Add(message.DeliveryTag);
            entries.Add(
                new Entry(
                    message.BasicProperties.MessageId,
                    Header(message.BasicProperties, "MT-Fault-Message"),
                    Encoding.UTF8.GetString(message.Body.Span)
                )
            );
        }

        foreach (var tag in tags)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        }

        return entries;
    }

    /// <summary>How many deliveries wait in the error queue (0 when it does not exist yet).</summary>
    public async Task<uint> DepthAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await probe.QueueDeclarePassiveAsync(ErrorQueueName, cancellationToken)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    public async Task<int> ReplayAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        if (!await ExistsAsync(connection, cancellationToken))
        {
            return 0;
        }

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken
        );
        var replayed = 0;
        while (
            replayed < max
            && await channel.BasicGetAsync(ErrorQueueName, autoAck: false, cancellationToken) is { } message
        )
        {
            var properties = new BasicProperties(message.BasicProperties) { Persistent = true };
            await channel.BasicPublishAsync(
                "",
                QueueName,
                mandatory: true,
                properties,
                message.Body,
                cancellationToken
            );
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }

        return replayed;
    }

    // MassTransit creates the error queue with the first fault; until then there is nothing to list.
    private static async Task<bool> ExistsAsync(IConnection connection, CancellationToken cancellationToken)
    {
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await probe.QueueDeclarePassiveAsync(ErrorQueueName, cancellationToken);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var rabbit = messaging.Value.RabbitMq;
        var factory = new ConnectionFactory
        {
            UserName = rabbit.Username,
            Password = rabbit.Password,
            VirtualHost = rabbit.VirtualHost,
        };
        // The same nodes as the bus, tried in order: the error queue is read from whichever cluster node answers.
        var nodes = RabbitMqNodes.From(rabbit).Select(node => new AmqpTcpEndpoint(node.Host, node.Port)).ToList();
        return await factory.CreateConnectionAsync(nodes, cancellationToken);
    }

    private static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                _ => value?.ToString(),
            }
            : null;
}
