using System.Data.Common;
using System.Diagnostics.Metrics;
using SmartOffice.Api.Outbox;
using SmartOffice.Exchange.Telemetry;

namespace SmartOffice.Api.Telemetry;

/// <summary>
/// smartoffice.outbox.lag: the age of the oldest unsent outbox message, read from the database when collected.
/// </summary>
internal sealed class OutboxLagGauge(OutboxLag lag, IMeterFactory meters, ILogger<OutboxLagGauge> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        meters
            .Create(ExchangeTelemetry.Name)
            .CreateObservableGauge(
                ExchangeTelemetry.OutboxLag,
                Observe,
                "s",
                "Age of the oldest outbox message not yet published"
            );
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<double>> Observe()
    {
        try
        {
            return [new Measurement<double>(lag.OldestUnsentAge().TotalSeconds)];
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            // The database's readiness check reports the outage; a missing point says "unknown", a zero would lie.
            logger.LogDebug(exception, "The outbox lag could not be read");
            return [];
        }
    }
}
