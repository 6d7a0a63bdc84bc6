using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using SmartOffice.Worker.Errors;

namespace SmartOffice.Worker.Tests;

/// <summary>What Prometheus sees of a Worker: /metrics behind the scrape key, and the error queue's depth.</summary>
[TestClass]
public sealed class WorkerMetricsTests
{
    private const string ScrapeKey = "worker-scrape-key-0123456789abcdef";

    [TestMethod]
    public async Task The_workers_metrics_are_scraped_with_the_key_only()
    {
        var settings = WorkerHealthTests.Settings("Sqlite", "Data Source={folder}/worker.db");
        settings["Telemetry:Prometheus"] = "true";
        settings["Telemetry:ScrapeKey"] = ScrapeKey;
        var (app, http) = await WorkerHealthTests.StartAsync(settings, migrate: true);
        await using var _ = app;
        using var __ = http;

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await http.GetAsync("/metrics")).StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeKey);
        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, text);
        StringAssert.Contains(text, "http_server_request_duration_seconds");
    }

    [TestMethod]
    public async Task Without_the_setting_the_worker_serves_no_metrics()
    {
        var (app, http) = await WorkerHealthTests.StartAsync(
            WorkerHealthTests.Settings("Sqlite", "Data Source={folder}/worker.db"),
            migrate: true
        );
        await using var _ = app;
        using var __ = http;

        Assert.AreEqual(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
    }

    [TestMethod]
    public async Task The_error_queue_depth_gauge_counts_failed_deliveries_on_rabbitmq()
    {
        var rabbit = Environment.GetEnvironmentVariable("SMARTOFFICE_TEST_RABBITMQ");
        if (string.IsNullOrEmpty(rabbit))
        {
            Assert.Inconclusive("SMARTOFFICE_TEST_RABBITMQ is not set: run ./test.sh, which starts RabbitMQ");
        }

        var (host, port) = (
            rabbit.Split(':')[0],
            int.Parse(rabbit.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)
        );
        await PutFailedDeliveryAsync(host, port);
        var settings = WorkerHealthTests.Settings("Sqlite", "Data Source={folder}/worker.db");
        settings["Messaging:Transport"] = "RabbitMq";
        settings["Messaging:RabbitMq:Host"] = host;
        settings["Messaging:RabbitMq:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Only the gauge is started, not the bus: a Worker consuming the shared test broker's delivery queue would take
        // other tests' letters.
        await using var app = WorkerHost.Build([], settings);
        var gauge = app.Services.GetServices<IHostedService>().OfType<ErrorQueueGauge>().Single();
        await gauge.StartAsync(CancellationToken.None);
        try
        {
            long? depth = null;
            for (var i = 0; i < 100 && depth is null; i++)
            {
                await Task.Delay(100);
                depth = Observe(app.Services.GetRequiredService<IMeterFactory>());
            }

            Assert.IsNotNull(depth, "the gauge reported nothing");
            Assert.IsGreaterThanOrEqualTo(1L, depth.Value);
        }
        finally
        {
            await gauge.StopAsync(CancellationToken.None);
        }
    }

    private static long? Observe(IMeterFactory meters)
    {
        long? depth = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (
                    instrument.Name == "smartoffice.error_queue.depth"
                    && ReferenceEquals(instrument.Meter.Scope, meters)
                )
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => depth = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return depth;
    }

    // Declares the error queue as MassTransit does (quorum, durable) when no Worker has made it on this broker yet.
    private static async Task PutFailedDeliveryAsync(string host, int port)
    {
        await using var connection = await new ConnectionFactory
        {
            HostName = host,
            Port = port,
        }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)
        );
        await channel.QueueDeclareAsync(
            "letter-submitted_error",
            durable: true,
            exclusive: false,
            autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }
        );
        var body = $$$"""
            {"messageId":"{{{Guid.NewGuid()}}}","messageType":["urn:message:SmartOffice.Contracts:LetterSubmitted"],
             "message":{"letterId":"{{{Guid.NewGuid()}}}"}}
            """;
        await channel.BasicPublishAsync(
            "",
            "letter-submitted_error",
            mandatory: true,
            new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json" },
            Encoding.UTF8.GetBytes(body)
        );
    }
}
