using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;
using SmartOffice.Exchange.Letters;
using SmartOffice.Exchange.Persistence;
using SmartOffice.Signing.Pki;
using SmartOffice.Worker;

namespace SmartOffice.Bench;

/// <summary>
/// Letters from submission to inbox: Api (outbox → RabbitMQ) + Worker (→ PostgreSQL), both on Kestrel/hosts in this
/// process, durable all the way. Latency is DeliveredAt − SubmittedAt (same clock). The base measured in the same run
/// is the raw broker's persistent, confirmed publish-and-consume rate. Needs SMARTOFFICE_BENCH_POSTGRES and RabbitMQ
/// on 127.0.0.1:5672 (./test.sh starts both).
/// </summary>
internal static class DeliveryBenchmark
{
    public static async Task<int> RunAsync()
    {
        var admin = Environment.GetEnvironmentVariable("SMARTOFFICE_BENCH_POSTGRES")
            ?? Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_POSTGRES");
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
        var database = $"smartoffice_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", connection).ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin)
        {
            Database = database,
            MaxPoolSize = Measure.PoolSize,
        }.ConnectionString;
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "RabbitMq",
            ["Outbox:Enabled"] = "true",
            ["Limits:DuplicateWindowHours"] = "0",
        };
        var worker = WorkerHost.Build(
            [],
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:SmartOffice"] = connectionString,
                ["Seal:CertificatePath"] = Path.Combine(folder, "pki", "p12", "seal.p12"),
                ["Seal:Password"] = "demo",
                ["Archive:Path"] = Path.Combine(folder, "archive"),
                ["urls"] = "http://127.0.0.1:0",
                ["Logging:LogLevel:Default"] = "Warning",
            }
        );
        await using var api = await SubmissionBenchmark.StartApiAsync(
            "http://127.0.0.1:5198",
            folder,
            connectionString,
            settings
        );
        await WorkerHost.PrepareAsync(worker);
        await worker.StartAsync();
        var letters = SubmissionBenchmark.SignLetters(pki);
        var work = new WorkItems(letters, WorkItems.DemoRecipients);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri("http://127.0.0.1:5198"),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            await SubmissionBenchmark.LoginAsync(http, pki.CompanyA)
        );

        Console.WriteLine(
            $"SmartOffice delivery benchmark — {Environment.ProcessorCount} cores; raw broker persistent "
                + $"publish-confirm-consume: {rawRate:F0} msg/s"
        );
        var warmUp = await Measure.WarmUpAsync(
            slice => RunPhaseAsync(api.Services, http, work, concurrency: 32, rate: null, slice),
            TimeSpan.FromSeconds(90)
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"warm-up until the JIT settled: {warmUp.Took.TotalSeconds:F0} s (last 2 s: "
                    + $"{warmUp.LastSliceCompilations} methods compiled)"
            )
        );
        var sustained = await RunPhaseAsync(
            api.Services,
            http,
            work,
            concurrency: 32,
            rate: null,
            TimeSpan.FromSeconds(10)
        );
        var paced = await RunPhaseAsync(api.Services, http, work, concurrency: 64, rate: 300, TimeSpan.FromSeconds(10));
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"sustained: {sustained.PerSecond, 6:F0} letters/s into inboxes   p50 {sustained.P50, 7:F0} ms   "
                    + $"p99 {sustained.P99, 7:F0} ms   ratio to raw broker {sustained.PerSecond / rawRate:F2}   "
                    + $"machine time {sustained.MachineMillisecondsPerLetter:F2} ms/letter (stolen "
                    + $"{sustained.StolenSeconds:F1} s)"
            )
        );
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"paced 300/s: {paced.PerSecond, 4:F0} letters/s into inboxes   p50 {paced.P50, 7:F0} ms   p99 "
                    + $"{paced.P99, 7:F0} ms   machine time {paced.MachineMillisecondsPerLetter:F2} ms/letter "
                    + $"(stolen {paced.StolenSeconds:F1} s)"
            )
        );
        Console.WriteLine("goal: ≥ 500 letters/s sustained; p99 submit-to-inbox < 1 s at 300 letters/s");
        await worker.StopAsync();
        return sustained.PerSecond >= 500 && paced.P99 < 1000 ? 0 : 1;
    }

    /// <summary>
    /// A phase's rate, latency and the machine time (all processes) per delivered letter, with the seconds stolen by
    /// the hypervisor.
    /// </summary>
    private sealed record Phase(
        double PerSecond,
        double P50,
        double P99,
        double MachineMillisecondsPerLetter,
        double StolenSeconds
    );

    private static async Task<Phase> RunPhaseAsync(
        IServiceProvider services,
        HttpClient http,
        WorkItems work,
        int concurrency,
        int? rate,
        TimeSpan duration
    )
    {
        var started = DateTimeOffset.UtcNow;
        var machineAtStart = MachineTime.Now();
        var ids = new ConcurrentBag<Guid>();
        var watch = Stopwatch.StartNew();
        var issued = 0;
        await Task.WhenAll(
            Enumerable
                .Range(0, concurrency)
                .Select(_ =>
                    Task.Run(async () =>
                    {
                        while (watch.Elapsed < duration)
                        {
                            var item = work.Next();
                            if (
                                rate is { } perSecond
                                && TimeSpan.FromSeconds(Interlocked.Increment(ref issued) / (double)perSecond)
                                    is var due
                                && due > watch.Elapsed
                            )
                            {
                                await Task.Delay(due - watch.Elapsed);
                            }

                            using var form = LetterForm.Of(item.Letter, item.Recipient);
                            using var response = await http.PostAsync("/api/letters", form);
                            if (response.IsSuccessStatusCode)
                            {
                                ids.Add(
                                    System
                                        .Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync())
                                        .RootElement.GetProperty("id")
                                        .GetGuid()
                                );
                            }
                        }
                    })
                )
        );

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var list = ids.ToList();
        for (
            var i = 0;
            i < 600
                && await db.Deliveries.CountAsync(d => list.Contains(d.LetterId) && d.State == DeliveryState.Queued)
                    > 0;
            i++
        )
        {
            await Task.Delay(100);
        }

        var machine = MachineTime.Now() - machineAtStart;
        var rows = await db
            .Deliveries.AsNoTracking()
            .Where(d => list.Contains(d.LetterId) && d.DeliveredAt != null)
            .Select(d => new { d.DeliveredAt, d.Letter!.SubmittedAt })
            .ToListAsync();
        var latencies = rows.Select(r => (r.DeliveredAt!.Value - r.SubmittedAt).TotalMilliseconds).Order().ToList();
        var span = rows.Count == 0 ? 1 : (rows.Max(r => r.DeliveredAt!.Value) - started).TotalSeconds;
        double Percentile(double p) =>
            latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        return new Phase(
            rows.Count / span,
            Percentile(0.5),
            Percentile(0.99),
            machine.BusySeconds * 1000 / Math.Max(1, rows.Count),
            machine.StolenSeconds
        );
    }

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
    private static async Task PurgeLeftoversAsync()
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
