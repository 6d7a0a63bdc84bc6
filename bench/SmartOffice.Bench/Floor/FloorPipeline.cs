using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using RabbitMQ.Client;
using SmartOffice.Signing;

namespace SmartOffice.Bench.Floor;

/// <summary>
/// The floor: only the durable work a letter needs, with raw drivers, on the product benchmark's PostgreSQL database
/// (schema "floor"), RabbitMQ, archive disk and letters. The endpoint and the consumer connect to the broker
/// separately, as the Api and the Worker do. A measuring stick for the product, never used by the service.
/// </summary>
internal sealed class FloorPipeline : IDeliveryPipeline, IAsyncDisposable
{
    private readonly FloorCounters _counters = new();
    private readonly FloorSeal _seal = new();
    private readonly string _queue = $"floor-letters-{Guid.NewGuid():N}";
    private NpgsqlDataSource? _database;
    private FloorStore? _store;
    private IConnection? _publishing;
    private IConnection? _consuming;
    private FloorPublisher? _publisher;
    private FloorConsumer? _consumer;
    private WebApplication? _endpoint;
    private HttpClient? _http;

    public string Name => "floor";

    public long RoundTrips => _counters.RoundTrips;

    public long? Fsyncs => _counters.Fsyncs;

    public static async Task<FloorPipeline> StartAsync(
        string url,
        string connectionString,
        string folder,
        PdfSignatureValidator validator
    )
    {
        var floor = new FloorPipeline();
        await floor.StartCoreAsync(url, connectionString, folder, validator);
        return floor;
    }

    public async Task<Guid?> SubmitAsync(byte[] letter, string recipient)
    {
        using var form = LetterForm.Of(letter, recipient);
        using var response = await _http!.PostAsync("/letters", form);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid()
            : null;
    }

    public Task<int> PendingAsync(IReadOnlyList<Guid> letters) => _store!.PendingAsync(letters);

    public Task<IReadOnlyList<(DateTimeOffset Submitted, DateTimeOffset Delivered)>> DeliveredAsync(
        IReadOnlyList<Guid> letters
    ) => _store!.DeliveredAsync(letters);

    /// <summary>Stops the endpoint and the consumer, drops the schema and the queue.</summary>
    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_endpoint is not null)
        {
            await _endpoint.StopAsync();
            await _endpoint.DisposeAsync();
        }

        if (_consumer is not null)
        {
            await _consumer.DisposeAsync();
        }

        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }

        if (_publishing is not null)
        {
            await using var channel = await _publishing.CreateChannelAsync();
            await channel.QueueDeleteAsync(_queue);
            await _publishing.DisposeAsync();
        }

        if (_consuming is not null)
        {
            await _consuming.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DropAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _seal.Dispose();
    }

    private async Task StartCoreAsync(
        string url,
        string connectionString,
        string folder,
        PdfSignatureValidator validator
    )
    {
        _database = NpgsqlDataSource.Create(connectionString);
        _store = new FloorStore(_database, _counters, _seal);
        await _store.CreateAsync();
        var broker = new ConnectionFactory { HostName = "127.0.0.1", Port = 5672 };
        _publishing = await broker.CreateConnectionAsync();
        _consuming = await broker.CreateConnectionAsync();
        await using (var channel = await _publishing.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync(_queue, durable: true, exclusive: false, autoDelete: false);
        }

        var files = new FloorFiles(folder, _counters);
        _publisher = new FloorPublisher(_publishing, _queue);
        _consumer = await FloorConsumer.StartAsync(_consuming, _queue, _store, files);
        _endpoint = await FloorEndpoint.StartAsync(url, validator, files, _store, _publisher);
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(url) };
    }
}
