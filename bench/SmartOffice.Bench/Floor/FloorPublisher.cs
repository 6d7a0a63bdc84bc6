using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;

namespace SmartOffice.Bench.Floor;

/// <summary>
/// One persistent publish per letter, returning once the broker confirmed it. Each publish takes a channel of its
/// own from a pool, so concurrent requests wait for their own confirm only.
/// </summary>
internal sealed class FloorPublisher(IConnection connection, string queue) : IAsyncDisposable
{
    private static readonly BasicProperties Persistent = new() { Persistent = true };
    private readonly ConcurrentBag<IChannel> _channels = [];

    public async Task PublishAsync(FloorMessage message)
    {
        var channel = _channels.TryTake(out var idle)
            ? idle
            : await connection.CreateChannelAsync(
                new CreateChannelOptions(
                    publisherConfirmationsEnabled: true,
                    publisherConfirmationTrackingEnabled: true
                )
            );
        await channel.BasicPublishAsync("", queue, false, Persistent, JsonSerializer.SerializeToUtf8Bytes(message));
        _channels.Add(channel);
    }

    public async ValueTask DisposeAsync()
    {
        while (_channels.TryTake(out var channel))
        {
            await channel.DisposeAsync();
        }
    }
}

/// <summary>What the consumer needs to deliver a letter.</summary>
internal sealed record FloorMessage(Guid LetterId, string DocumentSha256, IReadOnlyList<string> Recipients);
