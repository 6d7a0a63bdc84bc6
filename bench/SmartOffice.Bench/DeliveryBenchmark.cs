using System.Diagnostics;
using System.Globalization;
using RabbitMQ.Client;
using SmartOffice.Bench.Floor;
using SmartOffice.Signing;
using SmartOffice.Signing.Pki;

namespace SmartOffice.Bench;

/// <summary>
/// Letters from submission to inbox: Api (outbox → RabbitMQ) + Worker (→ PostgreSQL), both on Kestrel/hosts in this
/// process, durable all the way, against its floor in the same run (<see cref="FloorPipeline"/>: the same durable
/// work with raw drivers). Latency is DeliveredAt − SubmittedAt (same clock). Also measured in the same run: the raw
/// broker's persistent, confirmed publish-and-consume rate. Needs SMARTOFFICE_BENCH_POSTGRES and RabbitMQ
/// on 127.0.0.1:5672 (./test.sh starts both).
/// </summary>
internal static class DeliveryBenchmark
{
    public static async Task<int> RunAsync()
    {
        var admin = BenchDatabase.Admin;
        if (string.IsNullOrEmpty(admin))
        {
            Console.Error.WriteLine(
                "set SMARTOFFICE_BENCH_POSTGRES (an admin connection string) to run the delivery benchmark"
            );
            return 2;
        }

        await PurgeLeftoversAsync();
        var rawRate = await RawBrokerRateAsync(20_000);
        var pki = DemoPki.Create();
        var folder = Directory.CreateTempSubdirectory("smartoffice-bench-delivery-").FullName;
        pki.WriteTo(Path.Combine(folder, "pki"));
        var connectionString = await BenchDatabase.CreateAsync(admin);
        var letters = SubmissionBenchmark.SignLetters(pki);
        var work = new WorkItems(letters, WorkItems.DemoRecipients);
        Console.WriteLine(
            $"SmartOffice delivery benchmark — {Environment.ProcessorCount} cores; raw broker persistent "
                + $"publish-confirm-consume: {rawRate:F0} msg/s"
        );

        // The floor first, before the product's hosts exist, then the product; the floor's paced phase runs after
        // the product's hosts stopped, so neither pays for the other's idle timers and background services.
        await using var floor = await FloorPipeline.StartAsync(
            "http://127.0.0.1:5199",
            connectionString,
            Path.Combine(folder, "floor"),
            new PdfSignatureValidator(
                new SignatureValidationOptions
                {
                    TrustDir = Path.Combine(folder, "pki", "trust"),
                    CrlPaths = [Path.Combine(folder, "pki", "crl")],
                }
            )
        );
        var floorWarmUp = await WarmUpAsync(floor, work);
        var floorSustained = await DeliveryPhase.RunAsync(floor, work, 32, null, Phase);

        using var roundTrips = new DatabaseRoundTrips();
        await using var hosts = await ProductHosts.StartAsync(pki, folder, connectionString, roundTrips);
        var product = hosts.Pipeline;
        var productWarmUp = await WarmUpAsync(product, work);
        var sustained = await DeliveryPhase.RunAsync(product, work, 32, null, Phase);
        var pace = Math.Max(1, Math.Round(0.8 * sustained.PerSecond));
        var paced = await DeliveryPhase.RunAsync(product, work, 64, pace, Phase);
        await hosts.StopAsync();
        var floorPaced = await DeliveryPhase.RunAsync(floor, work, 64, pace, Phase);

        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"warm-up until the JIT settled: floor {floorWarmUp.Took.TotalSeconds:F0} s, product "
                    + $"{productWarmUp.Took.TotalSeconds:F0} s (last 2 s: {floorWarmUp.LastSliceCompilations}, "
                    + $"{productWarmUp.LastSliceCompilations} methods compiled)"
            )
        );
        DeliveryReport.Print(floorSustained, sustained, floorPaced, paced, pace);
        var ratio = sustained.MachineMillisecondsPerLetter / floorSustained.MachineMillisecondsPerLetter;
        return ratio <= 1.5 && paced.P99 < 1000 ? 0 : 1;
    }

    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(10);

    private static Task<(TimeSpan Took, long LastSliceCompilations)> WarmUpAsync(
        IDeliveryPipeline pipeline,
        WorkItems work
    ) =>
        Measure.WarmUpAsync(
            slice => DeliveryPhase.RunAsync(pipeline, work, concurrency: 32, rate: null, slice),
            TimeSpan.FromSeconds(90)
        );

    private static async Task<double> RawBrokerRateAsync(int messages)
    {
        await using var connection = await new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = 5672,
        }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)
        );
        var queue = (
            await channel.QueueDeclareAsync(
                $"bench-raw-{Guid.NewGuid():N}",
                durable: true,
                exclusive: false,
                autoDelete: true
            )
        ).QueueName;
        var body = new byte[600];
        var received = 0;
        var all = new TaskCompletionSource();
        await using var consumerChannel = await connection.CreateChannelAsync();
        await consumerChannel.BasicQosAsync(0, 256, false);
        var consumer = new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false);
            if (Interlocked.Increment(ref received) == messages)
            {
                all.TrySetResult();
            }
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);
        var watch = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (var i = 0; i < messages; i++)
        {
            inFlight.Add(
                channel.BasicPublishAsync("", queue, true, new BasicProperties { Persistent = true }, body).AsTask()
            );
            if (inFlight.Count == 256)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
        await all.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return messages / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// An earlier run stopped before its worker drained the queue leaves messages for letters of its own database.
    /// </summary>
    internal static async Task PurgeLeftoversAsync()
    {
        await using var connection = await new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = 5672,
        }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueuePurgeAsync("letter-submitted");
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // No such queue yet: nothing left over.
        }
    }
}
