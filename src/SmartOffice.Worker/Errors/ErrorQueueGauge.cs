using System.Diagnostics.Metrics;
using SmartOffice.Exchange.Messaging;
using SmartOffice.Exchange.Telemetry;

namespace SmartOffice.Worker.Errors;

/// <summary>
/// smartoffice.error_queue.depth: how many deliveries wait in letter-submitted_error. Sampled in the background every
/// <see cref="Interval"/> rather than read when scraped: a read opens a connection to the broker, which a scrape
/// (or several Prometheus servers scraping several Workers) should not cost, and the callback must not block on I/O.
/// </summary>
internal sealed class ErrorQueueGauge(FailedDeliveries failures, IMeterFactory meters, ILogger<ErrorQueueGauge> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    // -1 until the first sample: no measurement rather than a zero nobody read.
    private long _depth = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!failures.IsApplicable)
        {
            return;
        }

        meters
            .Create(ExchangeTelemetry.Name)
            .CreateObservableGauge(
                ExchangeTelemetry.ErrorQueueDepth,
                Observe,
                "{message}",
                "Deliveries waiting in the error queue for an operator"
            );
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                await SampleAsync(stoppingToken);
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            Interlocked.Exchange(ref _depth, await failures.DepthAsync(cancellationToken));
        }
        catch (Exception exception)
            when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or TimeoutException)
        {
            // The broker's own readiness check says so; the gauge keeps its last value.
            logger.LogDebug(exception, "The error queue's depth could not be read");
        }
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        var depth = Interlocked.Read(ref _depth);
        return depth < 0 ? [] : [new Measurement<long>(depth)];
    }
}
