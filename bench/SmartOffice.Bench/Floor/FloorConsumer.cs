using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace SmartOffice.Bench.Floor;

/// <summary>
/// Delivers each message on its own: deliveries and their sealed consignment evidences committed in one round trip,
/// one archive record written and fsync'd, then the ack. A failure leaves the message for the broker to redeliver,
/// which adds nothing already committed. Concurrency and prefetch are the product Worker's (64, 128).
/// </summary>
internal sealed class FloorConsumer : IAsyncDisposable
{
    private readonly IChannel _channel;

    private FloorConsumer(IChannel channel) => _channel = channel;

    public static async Task<FloorConsumer> StartAsync(
        IConnection connection,
        string queue,
        FloorStore store,
        FloorFiles files
    )
    {
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(
                publisherConfirmationsEnabled: false,
                publisherConfirmationTrackingEnabled: false,
                consumerDispatchConcurrency: 64
            )
        );
        await channel.BasicQosAsync(0, 128, false);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            try
            {
                var message = JsonSerializer.Deserialize<FloorMessage>(delivery.Body.Span)!;
                var now = DateTimeOffset.UtcNow;
                await store.DeliverAsync(message.LetterId, message.DocumentSha256, message.Recipients, now);
                var record = JsonSerializer.SerializeToUtf8Bytes(
                    new
                    {
                        message.LetterId,
                        message.DocumentSha256,
                        message.Recipients,
                        DeliveredAt = now,
                    }
                );
                await files.WriteAsync(Path.Combine(files.Records, $"{message.LetterId}.json"), record);
                await channel.BasicAckAsync(delivery.DeliveryTag, false);
            }
            catch (Exception error) when (error is Npgsql.NpgsqlException or IOException)
            {
                await channel.BasicNackAsync(delivery.DeliveryTag, false, requeue: true);
            }
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
        return new FloorConsumer(channel);
    }

    public async ValueTask DisposeAsync() => await _channel.DisposeAsync();
}
